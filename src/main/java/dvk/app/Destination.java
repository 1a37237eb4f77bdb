package dvk.app;

import dvk.io.AtomicFile;
import java.io.IOException;

/**
 * Where an output goes once it is complete: a file written atomically, the command's standard
 * output, a stored round. The command line and the web each give theirs.
 */
@FunctionalInterface
public interface Destination {
    void write(AtomicFile.Content content) throws IOException;
}
