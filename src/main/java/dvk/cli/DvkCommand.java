package dvk.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
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
                PapersCommand.class, GenerateCommand.class, BenchCommand.class, RulesCommand.class, TemplateCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeOnInvalidInput = ExitCodes.USAGE,
        exitCodeOnExecutionException = ExitCodes.INTERNAL_ERROR)
public final class DvkCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Without a command there is nothing to do: show how to use dvk. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /**
     * The command line with dvk's settings; output in UTF-8 whatever the platform default, to file
     * descriptor 1 itself: {@code System.out} would swallow a failed write.
     */
    public static CommandLine commandLine() {
        CommandLine cli = configure(new CommandLine(new DvkCommand()));
        cli.setOut(StandardOutput.of(new FileOutputStream(FileDescriptor.out)));
        cli.setErr(new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        return cli;
    }

    /**
     * An exception no command expected is a bug of dvk: one line on stderr, not a stack trace, and
     * an exit code of its own, apart from a bad flag's. Output that was lost (a full disk,
     * {@code > /dev/full}) is exit 2, whatever printed it, even {@code --help}. Every command's
     * help lists the exit codes.
     */
    static CommandLine configure(CommandLine cli) {
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("dvk: internal error: " + e);
            return ExitCodes.INTERNAL_ERROR;
        });
        cli.setExecutionStrategy(DvkCommand::executeCheckingOutput);
        listExitCodes(cli);
        return cli;
    }

    private static void listExitCodes(CommandLine command) {
        command.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(ExitCodes.described());
        command.getSubcommands().values().forEach(DvkCommand::listExitCodes);
    }

    /**
     * Runs the command, then makes sure its standard output was written. Commands that print check
     * it themselves before their last word on stderr; this catches the rest (help, version). A
     * command that already exits 2 has said what went wrong.
     */
    private static int executeCheckingOutput(CommandLine.ParseResult parseResult) {
        int code = new CommandLine.RunLast().execute(parseResult);
        CommandLine cli = parseResult.commandSpec().commandLine();
        try {
            StandardOutput.check(cli.getOut());
        } catch (StandardOutput.Lost e) {
            if (code != ExitCodes.USAGE) cli.getErr().println("dvk: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        return code;
    }
}
