package dvk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** Exit codes are declared once and listed in every command's help; a bug of dvk has a code of its own. */
class ExitCodesTest {
    @ParameterizedTest(name = "dvk {0} --help")
    @ValueSource(strings = {"evaluate", "check", "verify", "diff", "papers", "rules", "generate", "bench"})
    void everyCommandsHelpListsTheExitCodes(String command) {
        CommandRun run = CommandRun.of(command, "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Exit codes:").containsPattern("(?m)^\\s+4\\s+the rules cannot be used")
                .containsPattern("(?m)^\\s+5\\s+internal error");
    }

    @CommandLine.Command(name = "broken")
    static final class Broken implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("a bug");
        }
    }

    @Test
    void anUnexpectedExceptionIsOneLineAndItsOwnExitCodeNotAUsageError() {
        StringWriter err = new StringWriter();
        CommandLine cli = DvkCommand.configure(new CommandLine(new Broken()));
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        assertThat(cli.execute()).isEqualTo(ExitCodes.INTERNAL_ERROR).isNotEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).isEqualTo("dvk: internal error: java.lang.IllegalStateException: a bug\n");
        assertThat(cli.execute("--no-such-flag")).isEqualTo(ExitCodes.USAGE);
    }
}
