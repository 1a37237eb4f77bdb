package dvk.web;

import static org.assertj.core.api.Assertions.assertThat;

import dvk.store.Database;
import dvk.store.Store;
import dvk.store.TestDatabases;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kill -9 halfway through issuing a round, through the packaged jar on PostgreSQL: the issuing
 * transaction is watched from outside (PostgreSQL shows the locks it holds on the register's
 * tables while it writes), the server is killed while it holds them, and what is left is the round
 * unissued and the register untouched. The round is then issued after a restart.
 */
class IssueKillIT {
    private static final String PASSWORD = "mat khau thu ky 1";

    @Test
    void aKillHalfwayThroughIssuingLeavesTheRoundUnissuedAndTheRegisterUntouched(@TempDir Path directory) throws Exception {
        Database.Location location = TestDatabases.empty(Database.Kind.POSTGRESQL);
        Path batch = directory.resolve("batch.csv");
        assertThat(ServedJar.dvk(directory, directory.resolve("generate.log"), "generate", "--n", "2000", "--out", batch.toString()))
                .isZero();
        String round;
        try (ServedJar served = ServedJar.start(directory, "--db", location.url())) {
            TestWorkspace.Browser secretary = secretary(served);
            secretary.formToken("/rounds/new");
            HttpResponse<String> created = secretary.upload("/rounds", Map.of("name", "Hà Nội 2024", "year", "2024"), "batch.csv",
                    Files.readAllBytes(batch));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
            String page = created.headers().firstValue("Location").orElseThrow();
            round = page.replaceAll("/versions/1$", "");
            secretary.formToken(page);
            CompletableFuture<HttpResponse<String>> issuing = CompletableFuture.supplyAsync(() -> {
                try {
                    return secretary.submit(page + "/issue", "number", "123/QĐ-UBND", "date", "2024-12-15", "signer", "Nguyễn Văn Ký");
                } catch (Exception e) {
                    return null;
                }
            });
            boolean caught = false;
            try (Connection watcher = DriverManager.getConnection(location.url())) {
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (!caught && !issuing.isDone() && System.nanoTime() < deadline) {
                    caught = writingTheRegister(watcher);
                    if (!caught) Thread.sleep(2);
                }
            }
            assertThat(caught).as("the issuing transaction was seen writing the register before it ended").isTrue();
            served.kill();
            assertThat(issuing.handle((r, e) -> r).get()).as("no answer from a killed server").isNull();
        }

        try (Database database = Database.open(location)) {
            Store store = new Store(database);
            long roundId = Long.parseLong(round.replaceAll("\\D+", ""));
            assertThat(store.<Boolean>read(tx -> tx.council().roundIssued(roundId))).isFalse();
            assertThat(store.<Integer>read(tx -> tx.council().decisions(roundId).size())).isZero();
            assertThat(store.<Long>read(tx -> tx.register().count())).isZero();
            assertThat(count(database, "register_models")).isZero();
        }

        // after a restart the round is issued whole
        try (ServedJar again = ServedJar.start(directory, "--db", location.url())) {
            TestWorkspace.Browser secretary = new TestWorkspace.Browser(again.base).signIn("thuky", PASSWORD);
            secretary.formToken(round + "/versions/1");
            HttpResponse<String> issued = secretary.submit(round + "/versions/1/issue", "number", "123/QĐ-UBND", "date", "2024-12-15",
                    "signer", "Nguyễn Văn Ký");
            assertThat(issued.statusCode()).as(issued.body()).isEqualTo(303);
            assertThat(secretary.get(round + "/versions/1").body()).contains("data-testid=\"issued\"");
            again.terminate();
        }
        try (Database database = Database.open(location)) {
            assertThat(count(database, "register_entries")).isPositive();
        }
    }

    /** Whether a transaction other than the watcher's holds a write lock on the register's tables: issuing, not committed. */
    private static boolean writingTheRegister(Connection watcher) throws Exception {
        try (PreparedStatement query = watcher.prepareStatement("select count(*) from pg_locks l join pg_class c on c.oid = l.relation"
                + " where c.relname in ('register_models', 'register_entries') and l.mode = 'RowExclusiveLock'"
                + " and l.pid <> pg_backend_pid()"); ResultSet rs = query.executeQuery()) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }

    private static long count(Database database, String table) {
        return database.jdbi().withHandle(h -> h.createQuery("select count(*) from " + table).mapTo(Long.class).one());
    }

    private static TestWorkspace.Browser secretary(ServedJar served) throws Exception {
        TestWorkspace.Browser admin = new TestWorkspace.Browser(served.base);
        String link = served.setupLink();
        admin.formToken(link);
        HttpResponse<String> made = admin.submit("/setup", "token", link.substring(link.indexOf("token=") + 6), "login", "admin",
                "displayName", "Quản trị", "password", PASSWORD, "repeated", PASSWORD);
        assertThat(made.statusCode()).as(made.body()).isEqualTo(303);
        admin.formToken("/users");
        admin.submit("/users", "login", "thuky", "displayName", "Thư ký", "password", PASSWORD, "roles", "SECRETARY");
        return new TestWorkspace.Browser(served.base).signIn("thuky", PASSWORD);
    }
}
