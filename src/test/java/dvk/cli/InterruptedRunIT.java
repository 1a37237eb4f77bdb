package dvk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dvk.bench.BatchFormat;
import dvk.bench.BatchGenerator;
import dvk.testing.Fifo;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The packaged jar stopped by SIGTERM or SIGINT (Ctrl-C) mid-run leaves neither spill files nor a
 * partial output: its shutdown hook deletes them. What a run killed outright (SIGKILL) left, the
 * next run deletes, but only when its owner is gone. Each run has its own temporary directory
 * ({@code -Djava.io.tmpdir}), so that what is left there is the run's.
 */
class InterruptedRunIT {
    private static final Path JAR = Path.of("target/dvk.jar").toAbsolutePath();
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path temp;
    Path tmp;
    Path outputs;

    @BeforeEach
    void directories() throws Exception {
        tmp = Files.createDirectories(temp.resolve("tmp"));
        outputs = Files.createDirectories(temp.resolve("outputs"));
    }

    private Process dvk(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(JAVA, "-Djava.io.tmpdir=" + tmp, "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(temp.toFile())
                .redirectOutput(temp.resolve("stdout.txt").toFile()).redirectError(temp.resolve("stderr.txt").toFile())
                .start();
    }

    /** Waits until a file whose name starts with {@code prefix} exists in {@code directory}, while dvk runs. */
    private static Path await(Path directory, Process process, String prefix) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("dvk still runs").isTrue();
            try (Stream<Path> files = Files.list(directory)) {
                var found = files.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst();
                if (found.isPresent()) return found.get();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no " + prefix + "… in " + directory);
    }

    private static int stop(Process process, String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-s", signal, Long.toString(process.pid())).inheritIO().start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("dvk stopped").isTrue();
        return process.exitValue();
    }

    private static List<String> names(Path directory) throws Exception {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** The first half of a generated batch: dvk evaluates it, spilling decisions, and waits for the rest. */
    private Path stalledInput(CountDownLatch stopped) throws Exception {
        StringWriter batch = new StringWriter();
        new BatchGenerator(2024, 1).write(4000, BatchFormat.JSON, batch);
        byte[] half = batch.toString().substring(0, batch.toString().length() / 2).getBytes(StandardCharsets.UTF_8);
        Path fifo = Fifo.make(temp.resolve("batch.json"));
        Thread writer = new Thread(() -> {
            try (OutputStream out = Files.newOutputStream(fifo)) {
                out.write(half);
                out.flush();
                stopped.await();
            } catch (Exception ignored) {
                // dvk is gone
            }
        });
        writer.setDaemon(true);
        writer.start();
        return fifo;
    }

    @ParameterizedTest(name = "SIG{0}")
    @CsvSource({"TERM, 143", "INT, 130"})
    void aSignalWhileEvaluatingLeavesNoSpillAndNoOutput(String signal, int exitCode) throws Exception {
        CountDownLatch stopped = new CountDownLatch(1);
        Process run = dvk("evaluate", stalledInput(stopped).toString(), "--out", outputs.resolve("decisions.json").toString());
        Path spill = await(tmp, run, "dvk-pid" + run.pid() + "-decisions-");

        assertThat(stop(run, signal)).isEqualTo(exitCode);
        stopped.countDown();

        assertThat(spill).doesNotExist();
        assertThat(names(tmp)).isEmpty();
        assertThat(names(outputs)).isEmpty();
    }

    @Test
    void aSignalWhileWritingTheOutputLeavesNoPartialFileBesideIt() throws Exception {
        Path previous = Files.writeString(outputs.resolve("batch.json"), "the previous batch");
        // a generated batch is written to its temporary file as it is generated: seconds for two million
        Process run = dvk("generate", "--n", "2000000", "--out", previous.toString());
        await(outputs, run, ".dvk-pid" + run.pid() + "-batch.json-");

        assertThat(stop(run, "TERM")).isEqualTo(143);

        assertThat(names(outputs)).containsExactly("batch.json");
        assertThat(previous).hasContent("the previous batch");
    }

    @Test
    void whatAKilledRunLeftIsDeletedByTheNextRunOnlyWhenItsOwnerIsGone() throws Exception {
        Process killed = dvk("generate", "--n", "2000000", "--out", outputs.resolve("out.json").toString());
        Path partial = await(outputs, killed, ".dvk-pid" + killed.pid() + "-out.json-");
        killed.destroyForcibly(); // SIGKILL: no shutdown hook runs
        assertThat(killed.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(partial).as("left by SIGKILL").exists();
        Path deadSpill = Files.writeString(tmp.resolve("dvk-pid" + killed.pid() + "-decisions-1.spill"), "x");
        long live = ProcessHandle.current().pid();
        Path liveSpill = Files.writeString(tmp.resolve("dvk-pid" + live + "-decisions-2.spill"), "in use");
        Path livePartial = Files.writeString(outputs.resolve(".dvk-pid" + live + "-out.json-3.tmp"), "in use");

        Process next = dvk("evaluate", Path.of("fixtures/samples/gia-lam-2024.json").toAbsolutePath().toString(),
                "--out", outputs.resolve("out.json").toString());
        assertThat(next.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(next.exitValue()).as(Files.readString(temp.resolve("stderr.txt"))).isZero();

        assertThat(partial).doesNotExist();
        assertThat(deadSpill).doesNotExist();
        assertThat(liveSpill).exists();
        assertThat(livePartial).exists();
        assertThat(names(outputs)).containsExactly(livePartial.getFileName().toString(), "out.json");
        assertThat(outputs.resolve("out.json")).isNotEmptyFile();
    }
}
