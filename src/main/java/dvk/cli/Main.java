package dvk.cli;


/** {@code java -jar dvk.jar …}: exits with the command's exit code. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(DvkCommand.commandLine().execute(args));
    }
}
