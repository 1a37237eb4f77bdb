package dvk.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** A dvk command run in-process through picocli, with its output captured. */
record CommandRun(int exitCode, String out, String err) {

    static CommandRun of(String... args) {
        StringWriter out = new StringWriter();
        CommandRun run = with(new PrintWriter(out, true), args);
        return new CommandRun(run.exitCode(), out.toString(), run.err());
    }

    /** Standard output on a full disk, as {@code > /dev/full}: every write fails; {@link #out} is empty. */
    static CommandRun onFullDisk(String... args) {
        return with(StandardOutput.of(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        }), args);
    }

    /** The command with {@code out} as its standard output, which the run does not capture. */
    static CommandRun with(PrintWriter out, String... args) {
        StringWriter err = new StringWriter();
        CommandLine cli = DvkCommand.configure(new CommandLine(new DvkCommand()));
        cli.setOut(out);
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new CommandRun(code, "", err.toString());
    }
}
