package dvk.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "dvk",
        mixinStandardHelpOptions = true,
        version = "dvk 0.1.0",
        description = "Decides \"Dân vận khéo\" titles for a year's nominations with the Drools rules in rules/,"
                + " every decision with its reasons.",
        subcommands = {EvaluateCommand.class, CheckCommand.class, VerifyCommand.class, DiffCommand.class,
                GenerateCommand.class, BenchCommand.class, RulesCommand.class, CommandLine.HelpCommand.class},
        exitCodeOnInvalidInput = ExitCodes.USAGE,
        exitCodeOnExecutionException = ExitCodes.USAGE)
public final class DvkCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Without a command there is nothing to do: show how to use dvk. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /** The command line with dvk's settings; output in UTF-8 whatever the platform default. */
    public static CommandLine commandLine() {
        CommandLine cli = configure(new CommandLine(new DvkCommand()));
        cli.setOut(new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        cli.setErr(new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        return cli;
    }

    /**
     * An exception no command expected is a bug of dvk: one line on stderr, not a stack trace,
     * and exit 2 from every subcommand (picocli would otherwise use 1).
     */
    static CommandLine configure(CommandLine cli) {
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("dvk: internal error: " + e);
            return ExitCodes.USAGE;
        });
        return cli;
    }
}
