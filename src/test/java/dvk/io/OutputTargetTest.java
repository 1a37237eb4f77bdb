package dvk.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dvk.testing.Fifo;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an output may replace: a new or writable regular file that the run does not read, nothing else. */
class OutputTargetTest {
    @TempDir
    Path temp;

    private static String refusal(Path target, Path... inputs) {
        return assertThatThrownBy(() -> OutputTarget.check(target, List.of(inputs)))
                .isInstanceOf(OutputTarget.Refused.class).actual().getMessage();
    }

    @Test
    void aNewFileOrAWritableOneIsWrittenWhereItIsNamed() throws Exception {
        Path fresh = temp.resolve("new/decisions.json");
        assertThat(OutputTarget.check(fresh, List.of())).isEqualTo(fresh.toAbsolutePath());
        Path existing = Files.writeString(temp.resolve("old.json"), "old");
        assertThat(OutputTarget.check(existing, List.of(temp.resolve("batch.json")))).isEqualTo(existing.toRealPath());
    }

    @Test
    void theInputIsRefusedByAnyName() throws Exception {
        Path input = Files.writeString(temp.resolve("b.json"), "{}");
        Path link = Files.createSymbolicLink(temp.resolve("link.json"), input.getFileName());
        Path hardLink = Files.createLink(temp.resolve("hard.json"), input);

        assertThat(refusal(input, input)).isEqualTo("is the input " + input + "; dvk does not write over what it reads");
        assertThat(refusal(temp.resolve(".").resolve("b.json"), input)).startsWith("is the input");
        assertThat(refusal(input, link)).startsWith("is the input " + link);
        assertThat(refusal(link, input)).startsWith("is the input");
        assertThat(refusal(hardLink, input)).startsWith("is the input");
    }

    @Test
    void aFileInsideADirectoryTheRunReadsIsRefused() throws Exception {
        Path rules = Files.createDirectories(temp.resolve("rules/2024-2025"));
        Path titles = Files.writeString(rules.resolve("titles.json"), "{}");
        assertThat(refusal(titles, temp.resolve("rules"))).isEqualTo("is inside " + temp.resolve("rules")
                + ", which this run reads; dvk does not write over what it reads");
    }

    @Test
    void directoriesDevicesFifosAndSocketsAreRefused() throws Exception {
        Path fifo = Fifo.make(temp.resolve("fifo.json"));
        Path socket = temp.resolve("socket.json");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            assertThat(refusal(socket)).startsWith("is a socket, not a regular file");
        }
        assertThat(refusal(temp)).isEqualTo("is a directory; name a file");
        assertThat(refusal(Path.of("/dev/null"))).isEqualTo("is a character device, not a regular file; dvk replaces"
                + " only regular files (without --out the output goes to standard output)");
        assertThat(refusal(fifo)).startsWith("is a FIFO (named pipe), not a regular file");
    }

    @Test
    void aReadOnlyFileIsRefusedEvenForRoot() throws Exception {
        Path readOnly = Files.writeString(temp.resolve("signed.json"), "signed");
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r--r--r--"));
        assertThat(refusal(readOnly)).isEqualTo("is read-only; dvk does not replace it");
    }

    @Test
    void aLinkIsWrittenThroughToTheRegularFileItNamesAndOnlyThat() throws Exception {
        Path real = Files.writeString(Files.createDirectories(temp.resolve("reports")).resolve("real.json"), "old");
        Path link = Files.createSymbolicLink(temp.resolve("latest.json"), Path.of("reports/real.json"));
        assertThat(OutputTarget.check(link, List.of())).isEqualTo(real.toRealPath());

        Path dangling = Files.createSymbolicLink(temp.resolve("dangling.json"), Path.of("nowhere.json"));
        assertThat(refusal(dangling)).isEqualTo("is a symbolic link to nowhere.json, which does not exist;"
                + " dvk writes through a link only to an existing file");
        Path toDirectory = Files.createSymbolicLink(temp.resolve("dir.json"), temp.resolve("reports"));
        assertThat(refusal(toDirectory)).isEqualTo("is a directory; name a file");
        Path toDevice = Files.createSymbolicLink(temp.resolve("null.json"), Path.of("/dev/null"));
        assertThat(refusal(toDevice)).startsWith("is a character device");
        Files.delete(toDevice); // JUnit would warn about a link out of its directory
    }

    @Test
    void aPlaceWhereNoFileCanBeCreatedIsRefused() throws Exception {
        Path file = Files.writeString(temp.resolve("plain.txt"), "x");
        assertThat(refusal(file.resolve("out.json"))).startsWith("cannot be");
    }
}
