package dvk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Output that cannot be written is an error in every command, never exit 0: one line on stderr,
 * exit 2. A PrintStream (System.out) would have swallowed it.
 */
class StandardOutputTest {
    private static final String FULL = "dvk: cannot write to standard output: No space left on device\n";
    private static final String SAMPLE = "fixtures/samples/gia-lam-2024.json";

    @TempDir
    Path temp;

    /** A disk that fills up after {@code room} bytes, counting the writes it was asked for. */
    private static final class Disk extends OutputStream {
        private final int room;
        private int used;
        final AtomicInteger writes = new AtomicInteger();

        Disk(int room) {
            this.room = room;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            writes.incrementAndGet();
            if (used + length > room) throw new IOException("No space left on device");
            used += length;
        }
    }

    @Test
    void theReasonIsKeptAndNothingIsWrittenAfterTheFirstFailure() throws Exception {
        Disk disk = new Disk(10);
        StandardOutput out = StandardOutput.of(disk);
        out.print("0123456789");
        StandardOutput.check(out);
        out.print("more than fits");
        assertThatThrownBy(() -> StandardOutput.check(out)).isInstanceOf(StandardOutput.Lost.class)
                .hasMessage("cannot write to standard output: No space left on device");
        int writes = disk.writes.get();
        out.println("and more");
        assertThat(out.checkError()).isTrue();
        assertThat(disk.writes).as("the disk is not asked again").hasValue(writes);
    }

    @Test
    void aLongOutputStopsAtTheFirstFailure() {
        Disk disk = new Disk(100_000);
        Writer writer = StandardOutput.failingFast(StandardOutput.of(disk));
        assertThatThrownBy(() -> {
            for (int i = 0; i < 1_000_000; i++) writer.write("x".repeat(1000));
        }).isInstanceOf(StandardOutput.Lost.class);
        assertThat(disk.writes.get()).isLessThan(200);
    }

    /** The sample with one record that breaks the contract: evaluate would exit 3 and say so on stderr. */
    private Path withARejectedRecord() throws Exception {
        String sample = Files.readString(Path.of(SAMPLE), StandardCharsets.UTF_8);
        Path batch = Files.writeString(temp.resolve("rejects.json"),
                sample.replaceFirst("\"fundsVnd\": \\d+", "\"fundsVnd\": \"5\""), StandardCharsets.UTF_8);
        assertThat(CommandRun.of("evaluate", batch.toString()).exitCode()).isEqualTo(ExitCodes.REJECTED_RECORDS);
        return batch;
    }

    @ParameterizedTest(name = "dvk {0} > /dev/full")
    @ValueSource(strings = {
        "evaluate " + SAMPLE,
        "evaluate " + SAMPLE + " --format csv",
        "evaluate " + SAMPLE + " --format html",
        "evaluate REJECTS",
        "rules",
        "rules --format json",
        "diff --base rules " + SAMPLE,
        "diff --base rules --format json " + SAMPLE,
        "generate --n 50",
        "verify",
        "check",
        "--help",
        "--version",
        "evaluate --help"})
    void everyCommandExitsTwoWithOneLineWhenStandardOutputIsFull(String command) throws Exception {
        CommandRun run = CommandRun.onFullDisk(command.replace("REJECTS", withARejectedRecord().toString()).split(" "));
        assertThat(run.err()).isEqualTo(FULL);
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void anyWriterThatFailsCountsEvenWithoutItsReason() {
        PrintWriter broken = new PrintWriter(new Writer() {
            @Override
            public void write(char[] chars, int offset, int length) throws IOException {
                throw new IOException("Broken pipe");
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        });
        CommandRun run = CommandRun.with(broken, "rules");
        assertThat(run.err()).isEqualTo("dvk: cannot write to standard output\n");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    }
}
