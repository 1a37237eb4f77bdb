package dvk.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file is replaced whole or not at all, through a link without replacing the link, and never a device. */
class AtomicFileTest {
    @TempDir
    Path temp;

    private static AtomicFile.Content text(String text) {
        return out -> out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aLinkStaysALinkAndTheFileItNamesIsReplaced() throws Exception {
        Path real = Files.writeString(temp.resolve("real.json"), "old");
        Path link = Files.createSymbolicLink(temp.resolve("latest.json"), real.getFileName());

        AtomicFile.write(link, text("new"));

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(real.getFileName());
        assertThat(real).hasContent("new");
        assertThat(temp).isDirectoryNotContaining(p -> p.getFileName().toString().startsWith(".dvk-"));
    }

    @Test
    void aFailedWriteLeavesThePreviousFileAndNoTemporaryOne() throws Exception {
        Path out = Files.writeString(temp.resolve("out.json"), "the previous good report");
        assertThatThrownBy(() -> AtomicFile.write(out, stream -> {
            stream.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("No space left on device");
        })).hasMessage("No space left on device");
        assertThat(out).hasContent("the previous good report");
        try (var left = Files.list(temp)) {
            assertThat(left).containsExactly(out);
        }
    }

    @Test
    void aWriteThatFailedFailsTheWholeFileEvenIfAPrintWriterSwallowedIt() throws Exception {
        Path out = Files.writeString(temp.resolve("impact.txt"), "the previous good report");
        assertThatThrownBy(() -> AtomicFile.write(out, stream -> {
            PrintWriter writer = new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
            writer.println("the first half");
            writer.flush();
            ((AtomicFile.Target) stream).channel().close(); // as a full disk would fail the next write
            writer.println("the second half");
            writer.flush();
        })).isInstanceOf(ClosedChannelException.class);
        assertThat(out).hasContent("the previous good report");
    }

    @Test
    void aDeviceIsNeverReplaced() {
        assertThatThrownBy(() -> AtomicFile.write(Path.of("/dev/null"), text("x")))
                .isInstanceOf(OutputTarget.Refused.class);
        assertThat(Files.isRegularFile(Path.of("/dev/null"))).isFalse();
    }

    @Test
    void writingSweepsWhatAKilledRunLeftBesideTheTarget() throws Exception {
        Process process = new ProcessBuilder("true").start();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        Path stale = Files.writeString(temp.resolve(".dvk-pid" + process.pid() + "-out.json-42.tmp"), "partial");

        AtomicFile.write(temp.resolve("out.json"), text("whole"));

        assertThat(stale).doesNotExist();
        assertThat(temp.resolve("out.json")).hasContent("whole");
    }
}
