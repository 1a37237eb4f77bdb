package dvk.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A fresh database of each kind the workspace runs on, for tests that run against both. */
public final class TestDatabases {
    private TestDatabases() {}

    /** Where a new empty database of that kind is: an H2 file in a new directory, or a new PostgreSQL database. */
    public static Database.Location empty(Database.Kind kind) {
        if (kind == Database.Kind.POSTGRESQL) return TestPostgres.shared().newDatabase();
        try {
            return Database.embedded(Files.createTempDirectory("dvk-test-h2-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Database migrated(Database.Kind kind) {
        return Database.openMigrated(empty(kind));
    }

    public static Path dataDirectory(Database.Location location) {
        return Path.of(location.url().replaceFirst("^jdbc:h2:file:", "").replaceFirst(";.*", "")).getParent();
    }
}
