package dvk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The bench's switches; the bench itself runs from the packaged jar (PackagedJarIT). */
class BenchCommandTest {
    private static BenchCommand parse(String... args) {
        BenchCommand bench = new BenchCommand();
        new CommandLine(bench).parseArgs(args);
        return bench;
    }

    @Test
    void freshRunsAndPhasesAreOnUnlessSwitchedOff() {
        assertThat(parse().fresh).isTrue();
        assertThat(parse().phases).isTrue();
        assertThat(parse("--fresh", "--phases").fresh).isTrue();
        assertThat(parse("--fresh", "--phases").phases).isTrue();
        assertThat(parse("--no-fresh").fresh).isFalse();
        assertThat(parse("--no-phases").phases).isFalse();
        assertThat(parse("--no-fresh").phases).isTrue();
    }

    @Test
    void theOneDistrictBatchIsAHundredThousandRecordsUnlessSetOrSkipped() {
        assertThat(parse().oneDistrict).isEqualTo(100_000);
        assertThat(parse("--one-district", "0").oneDistrict).isZero();
        assertThat(BenchCommand.ONE_DISTRICT_HEAP).isEqualTo("128m");
    }

    @Test
    void inProcessItSaysToRunFromTheJar() {
        CommandRun run = CommandRun.of("bench", "--sizes", "10");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("java -jar target/dvk.jar bench");
    }
}
