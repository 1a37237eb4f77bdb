package dvk.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementException;
import org.jdbi.v3.core.statement.StatementExceptions;

/**
 * The workspace's database: an H2 file under a data directory (the default, nothing to install), or
 * a PostgreSQL server for a province's shared workspace. The schema comes from Flyway's migrations
 * ({@code dvk/store/migration}), applied when the database is opened; the same scripts serve both.
 */
public final class Database implements AutoCloseable {
    /** Which database: the scripts differ only in the type of large binary columns. */
    public enum Kind {
        H2("binary large object"), POSTGRESQL("bytea");

        final String bytes;

        Kind(String bytes) {
            this.bytes = bytes;
        }
    }

    /** Where the database is: a JDBC URL and its credentials. */
    public record Location(String url, String user, String password) {
        public Kind kind() {
            return url.startsWith("jdbc:postgresql:") ? Kind.POSTGRESQL : Kind.H2;
        }

        /** How messages name it, without credentials. */
        public String shown() {
            int parameters = url.indexOf('?');
            String shown = parameters < 0 ? url : url.substring(0, parameters);
            return kind() == Kind.H2 ? shown.replaceAll(";.*", "") : shown;
        }
    }

    /** The file of the embedded database in a data directory: {@code dvk.mv.db}. */
    public static final String EMBEDDED_NAME = "dvk";
    /** The embedded database's password, made on its first start, readable by its owner only. */
    public static final String SECRET_FILE = "db.secret";

    private final Location location;
    private final HikariDataSource pool;
    private final Jdbi jdbi;

    private Database(Location location, int connections) {
        this.location = location;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(location.url());
        config.setUsername(location.user());
        config.setPassword(location.password());
        config.setMaximumPoolSize(connections);
        config.setMinimumIdle(1);
        config.setPoolName("dvk");
        config.setAutoCommit(true);
        config.setInitializationFailTimeout(10_000);
        this.pool = new HikariDataSource(config);
        this.jdbi = Jdbi.create(pool);
        // a failed statement names its SQL, never the values bound to it: they are password hashes,
        // files and decisions, and the message goes to the server's log
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(Database::withoutArguments);
    }

    private static String withoutArguments(StatementException e) {
        String sql = e.getStatementContext() == null ? null : e.getStatementContext().getRawSql();
        return sql == null ? e.getShortMessage() : e.getShortMessage() + " [statement:\"" + sql + "\"]";
    }

    /** Opens the database without touching its schema (backup, tests of migrations). */
    public static Database open(Location location) {
        return new Database(location, 10);
    }

    /** Opens the database and brings its schema up to date. */
    public static Database openMigrated(Location location) {
        Database database = open(location);
        try {
            database.migrate();
            return database;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /**
     * The embedded database in {@code dataDirectory}, made with a password of its own on first use.
     * Other processes reach it while a server holds it open (H2's automatic mixed mode): that is how
     * {@code dvk backup} copies it while the workspace runs.
     */
    public static Location embedded(Path dataDirectory) throws IOException {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        boolean made = !Files.exists(directory);
        Files.createDirectories(directory);
        if (made || isEmptyDirectory(directory)) ownerOnly(directory);
        return new Location(embeddedUrl(directory, true), "dvk", secret(directory));
    }

    /**
     * A new database's directory is readable by its owner only: the database file is not encrypted
     * (password hashes, the nominations' files as uploaded) and the umask made it readable by anyone
     * on the machine, beside a {@code db.secret} kept to its owner. A directory that already holds
     * something is left as it is.
     */
    private static void ownerOnly(Path directory) throws IOException {
        try {
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its own access rules apply
        }
    }

    private static boolean isEmptyDirectory(Path directory) throws IOException {
        try (var entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        }
    }

    static String embeddedUrl(Path directory, boolean autoServer) {
        return "jdbc:h2:file:" + directory.resolve(EMBEDDED_NAME).toString().replace('\\', '/')
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
                // a commit is written before it is answered: with H2's default delay (500 ms) a kill -9
                // just after an upload's commit left part of its round in the file
                + ";WRITE_DELAY=0"
                + (autoServer ? ";AUTO_SERVER=TRUE" : "");
    }

    /** Whether a data directory holds an embedded database. */
    public static boolean embeddedExists(Path dataDirectory) {
        return Files.isRegularFile(dataDirectory.resolve(EMBEDDED_NAME + ".mv.db"));
    }

    /**
     * Whether a process holds the embedded database in {@code dataDirectory} open: a running
     * {@code dvk serve}, a backup. Tried by opening it without the mixed mode, which H2 refuses then.
     */
    public static boolean inUse(Path dataDirectory) throws IOException {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        if (!embeddedExists(directory)) return false;
        String url = embeddedUrl(directory, false) + ";IFEXISTS=TRUE";
        try {
            java.sql.DriverManager.getConnection(url, "dvk", secret(directory)).close();
            return false;
        } catch (SQLException e) {
            if (e.getErrorCode() == org.h2.api.ErrorCode.DATABASE_ALREADY_OPEN_1) return true;
            throw new IOException(e.getMessage(), e);
        }
    }

    private static String secret(Path directory) throws IOException {
        Path file = directory.resolve(SECRET_FILE);
        if (Files.isRegularFile(file)) return Files.readString(file, StandardCharsets.UTF_8).strip();
        if (embeddedExists(directory)) {
            throw new IOException(file + " is missing: the database beside it cannot be opened without it");
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String secret = HexFormat.of().formatHex(random);
        Path written = directory.resolve(SECRET_FILE + ".new");
        Files.writeString(written, secret + "\n", StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the directory's own permissions protect it
        }
        Files.move(written, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return secret;
    }

    /** Applies every migration not yet applied; the number applied. */
    public int migrate() {
        return migrate(null);
    }

    /** Applies the migrations up to {@code target} (a version such as "1"), or all when null. */
    public int migrate(String target) {
        var configuration = Flyway.configure()
                .dataSource(pool)
                .locations("classpath:dvk/store/migration")
                .placeholders(Map.of("bytes", location.kind().bytes))
                .failOnMissingLocations(true);
        if (target != null) configuration.target(MigrationVersion.fromVersion(target));
        MigrateResult result = configuration.load().migrate();
        return result.migrationsExecuted;
    }

    /** The version of the newest migration applied, e.g. {@code 2}. */
    public String schemaVersion() {
        var current = Flyway.configure().dataSource(pool).locations("classpath:dvk/store/migration")
                .placeholders(Map.of("bytes", location.kind().bytes)).load().info().current();
        return current == null ? "none" : current.getVersion().getVersion();
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public Location location() {
        return location;
    }

    public Kind kind() {
        return location.kind();
    }

    /** Whether the database answers. */
    public boolean answers() {
        try (Connection connection = pool.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * A consistent copy of the embedded database, taken while it is in use ({@code BACKUP TO}: a zip
     * holding the database file). PostgreSQL has its own tools (pg_dump).
     */
    public void backup(Path zip) throws SQLException {
        if (kind() != Kind.H2) throw new IllegalStateException("backup copies the embedded database; use pg_dump for PostgreSQL");
        String file = zip.toAbsolutePath().normalize().toString().replace('\\', '/');
        try (Connection connection = pool.getConnection();
             var statement = connection.prepareStatement("BACKUP TO ?")) {
            statement.setString(1, file);
            statement.execute();
        }
    }

    /** Closes every connection; the embedded database is written whole when its last one closes. */
    @Override
    public void close() {
        pool.close();
    }
}
