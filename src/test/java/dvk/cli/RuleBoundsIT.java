package dvk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rule files that pass the sandbox and then never end, or fill the heap
 * (src/test/resources/dvk/hostile-runs), run by the packaged jar in a JVM of their own, as a
 * server would run rules it does not trust: each run ends by its deadline with exit 4, one line
 * naming the rule, and nothing written.
 */
class RuleBoundsIT {
    private static final Path JAR = Path.of("target/dvk.jar").toAbsolutePath();
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final Path RUNS = Path.of("src/test/resources/dvk/hostile-runs");

    @TempDir
    Path temp;

    static Stream<String> hostileRuns() throws Exception {
        try (Stream<Path> files = Files.list(RUNS)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".drl")).sorted().toList().stream();
        }
    }

    record Run(int exitCode, String err, Duration took) {}

    private Run dvk(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(JAVA, "-Xmx1g", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        File err = temp.resolve("stderr.txt").toFile();
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).directory(temp.toFile())
                .redirectOutput(temp.resolve("stdout.txt").toFile()).redirectError(err).start();
        boolean finished = process.waitFor(60, TimeUnit.SECONDS);
        if (!finished) process.destroyForcibly();
        assertThat(finished).as("dvk ended by itself").isTrue();
        return new Run(process.exitValue(), Files.readString(err.toPath(), StandardCharsets.UTF_8),
                Duration.ofNanos(System.nanoTime() - started));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileRuns")
    void passesCheckThenStopsByItsDeadlineWithExitFourNamingTheRule(String file) throws Exception {
        String drl = Files.readString(RUNS.resolve(file), StandardCharsets.UTF_8);
        String stops = drl.lines().filter(l -> l.startsWith("// stops: ")).findFirst().orElseThrow().substring(10).strip();
        String rule = drl.lines().filter(l -> l.startsWith("rule \"")).findFirst().orElseThrow().split("\"")[1];
        Path rules = Files.createDirectories(temp.resolve("rules"));
        for (String data : List.of("titles.json", "ruleset.json")) Files.copy(Path.of("rules/2024-2025", data), rules.resolve(data));
        Files.writeString(rules.resolve(file), drl, StandardCharsets.UTF_8);

        assertThat(dvk("check", "--rules", rules.toString()).exitCode()).as("the sandbox lets it through").isNotEqualTo(ExitCodes.RULES);

        // a thousand records: chunks grow to 256, so an engine that matches everyone with everyone stalls
        Path batch = temp.resolve("batch.json");
        assertThat(dvk("generate", "--n", "1000", "--seed", "5", "--out", batch.toString()).exitCode()).isZero();
        Path out = temp.resolve("decisions.json");
        Run run = dvk("evaluate", batch.toString(), "--rules", rules.toString(), "--rule-timeout", "2s",
                "--threads", "1", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.RULES);
        assertThat(run.err()).containsPattern(stops).contains("nothing was written").doesNotContain("\tat ")
                .hasLineCount(1);
        if (!run.err().contains("the rules did not finish")) assertThat(run.err()).contains("rule \"" + rule + "\"");
        // the JVM's start and the compile of the rules, then at most the deadline and a little
        assertThat(run.took()).isLessThan(Duration.ofSeconds(30));
        assertThat(out).doesNotExist();
    }
}
