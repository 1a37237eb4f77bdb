package dvk.bench;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The formats a batch is read in, chosen by the file's extension as {@code dvk.io.BatchReader} does. */
public enum BatchFormat {
    JSON, CSV;

    /** The format for a file name, or empty for an extension dvk cannot read. */
    public static Optional<BatchFormat> forFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) return Optional.of(JSON);
        if (name.endsWith(".csv")) return Optional.of(CSV);
        return Optional.empty();
    }
}
