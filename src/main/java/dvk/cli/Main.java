package dvk.cli;

import dvk.io.TemporaryFiles;
import java.nio.file.Path;
import org.apache.poi.util.TempFile;

/** {@code java -jar dvk.jar …}: exits with the command's exit code. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        // what a killed run left behind; POI's temporary files under the same care as dvk's
        TemporaryFiles.sweep(Path.of(System.getProperty("java.io.tmpdir")));
        TempFile.setTempFileCreationStrategy(TemporaryFiles.forPoi());
        int code;
        try {
            code = DvkCommand.commandLine().execute(args);
        } catch (OutOfMemoryError e) {
            // outputs are written whole or not at all, so nothing partial is left behind
            System.err.println("dvk: out of memory (the heap is " + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                    + " MB; give java more with -Xmx); nothing was written");
            code = ExitCodes.USAGE;
        }
        System.exit(code);
    }
}
