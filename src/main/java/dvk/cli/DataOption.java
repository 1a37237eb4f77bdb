package dvk.cli;

import dvk.store.Database;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data DIR} and {@code --db URL}: where the workspace keeps everything. */
public final class DataOption {
    static final Path DEFAULT_DATA = Path.of("dvk-data");

    @Option(names = "--data", paramLabel = "DIR",
            description = "The directory of the embedded database (an H2 file, made on first start) and of the workbench's"
                    + " repository of the rules (rules.git). Default: dvk-data.")
    Path data = DEFAULT_DATA;

    @Option(names = "--db", paramLabel = "URL",
            description = {"A PostgreSQL database instead of the embedded one, for a province's shared server:"
                    + " jdbc:postgresql://HOST:5432/NAME. The user and password come from the environment variables"
                    + " DVK_DB_USER and DVK_DB_PASSWORD (or the URL's ?user=…&password=…), never from the command line."})
    String url;

    Database.Location location() throws IOException {
        if (url == null) return Database.embedded(data);
        if (!url.startsWith("jdbc:postgresql://")) {
            throw new IOException("--db takes a PostgreSQL URL, jdbc:postgresql://HOST:PORT/NAME (the embedded database needs no --db)");
        }
        return new Database.Location(url, System.getenv("DVK_DB_USER"), System.getenv("DVK_DB_PASSWORD"));
    }

    boolean embedded() {
        return url == null;
    }
}
