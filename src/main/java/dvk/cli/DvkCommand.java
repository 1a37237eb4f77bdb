package dvk.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "dvk",
        mixinStandardHelpOptions = true,
        version = "dvk 0.1.0",
        description = "Decides \"Dân vận khéo\" titles for a year's nominations with the Drools rules in rules/,"
                + " every decision with its reasons.",
        subcommands = {EvaluateCommand.class, CommandLine.HelpCommand.class},
        exitCodeOnInvalidInput = ExitCodes.USAGE,
        exitCodeOnExecutionException = ExitCodes.USAGE)
public final class DvkCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The command line with dvk's settings; output in UTF-8 whatever the platform default. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new DvkCommand());
        cli.setOut(new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        cli.setErr(new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        return cli;
    }
}
