package dvk.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dvk.store.Database;
import dvk.store.Rounds;
import dvk.store.Store;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar serving: the one-time link, a clean stop on SIGTERM, a backup taken while it
 * runs and restored, and a SIGKILL in the middle of an upload that leaves no half-stored round.
 */
class ServeIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN_PASSWORD = "administrator 1";

    @Test
    void stopsCleanlyOnSigtermAndIsBackedUpWhileRunningAndRestored(@TempDir Path directory) throws Exception {
        Path backup = directory.resolve("backup.zip");
        try (ServedJar served = ServedJar.start(directory)) {
            assertThat(served.setupLink()).as(served.errors()).isNotNull();
            TestWorkspace.Browser admin = createAdministrator(served);
            assertThat(admin.get("/health").body()).contains("\"ok\"");
            assertThat(ServedJar.dvk(directory, directory.resolve("backup.log"), "backup", "--out", backup.toString()))
                    .as(Files.readString(directory.resolve("backup.log"))).isZero();
            assertThat(ServedJar.dvk(directory, directory.resolve("restore-busy.log"), "restore", "--from", backup.toString()))
                    .as("restore refuses a database in use").isEqualTo(2);
            assertThat(Files.readString(directory.resolve("restore-busy.log"))).contains("stop dvk serve first");
            assertThat(served.requests()).containsPattern("127\\.0\\.0\\.1 admin GET /health 200 \\d+ ms");
            int code = served.terminate();
            assertThat(served.errors()).contains("dvk: stopping").contains("dvk: stopped");
            assertThat(code).isIn(0, 143);
        }
        Path elsewhere = Files.createDirectories(directory.resolve("elsewhere"));
        assertThat(ServedJar.dvk(elsewhere, directory.resolve("restore.log"), "restore", "--from", backup.toString()))
                .as(Files.readString(directory.resolve("restore.log"))).isZero();
        try (ServedJar restored = ServedJar.start(elsewhere)) {
            assertThat(restored.setupLink()).as("the restored database has its administrator").isNull();
            new TestWorkspace.Browser(restored.base).signIn("admin", ADMIN_PASSWORD);
            restored.terminate();
        }
    }

    @Test
    void aKillDuringAnUploadLeavesNoHalfStoredRound(@TempDir Path directory) throws Exception {
        Path batch = directory.resolve("batch.csv");
        assertThat(ServedJar.dvk(directory, directory.resolve("generate.log"), "generate", "--n", "2000", "--out", batch.toString()))
                .isZero();
        try (ServedJar served = ServedJar.start(directory)) {
            TestWorkspace.Browser admin = createAdministrator(served);
            admin.formToken("/users");
            admin.submit("/users", "login", "thuky", "displayName", "Thư ký", "password", ADMIN_PASSWORD, "roles", "SECRETARY");
            TestWorkspace.Browser secretary = new TestWorkspace.Browser(served.base).signIn("thuky", ADMIN_PASSWORD);
            secretary.formToken("/rounds/new");
            HttpResponse<String> first = secretary.upload("/rounds", Map.of("name", "Trước", "year", "2024"), "batch.csv",
                    Files.readAllBytes(batch));
            assertThat(first.statusCode()).isEqualTo(303);
            CompletableFuture<HttpResponse<String>> second = CompletableFuture.supplyAsync(() -> {
                try {
                    return secretary.upload("/rounds", Map.of("name", "Bị cắt", "year", "2024"), "batch.csv", Files.readAllBytes(batch));
                } catch (Exception e) {
                    return null;
                }
            });
            Thread.sleep(1000);
            served.kill();
            second.handle((r, e) -> r).get();
        }
        // what the killed server left: every round whole, or not there at all
        try (Database database = Database.open(Database.embedded(directory.resolve("dvk-data")))) {
            Store store = new Store(database);
            List<Rounds.Round> rounds = store.read(tx -> tx.rounds().list());
            assertThat(rounds).extracting(Rounds.Round::name).contains("Trước");
            for (Rounds.Round round : rounds) {
                assertThat(round.versions()).as(round.name()).isPositive();
                Rounds.Version v = round.latest();
                long decided = store.read(tx -> tx.rounds().decisions(v.id(), Rounds.Filter.all(1)).total());
                int rejected = store.read(tx -> tx.rounds().rejected(v.id()).size());
                assertThat(decided + rejected).as(round.name()).isEqualTo(v.records()).isEqualTo(2000);
            }
        }
        try (ServedJar again = ServedJar.start(directory)) {
            assertThat(TestWorkspace.api(again.base, "GET", "/health", null, null, null).statusCode()).isEqualTo(200);
            again.terminate();
        }
    }

    @Test
    void aSigtermDuringAnUploadLetsItFinishBeforeStopping(@TempDir Path directory) throws Exception {
        Path batch = directory.resolve("batch.csv");
        assertThat(ServedJar.dvk(directory, directory.resolve("generate.log"), "generate", "--n", "6000", "--out", batch.toString()))
                .isZero();
        HttpResponse<String> answer;
        try (ServedJar served = ServedJar.start(directory)) {
            TestWorkspace.Browser admin = createAdministrator(served);
            admin.formToken("/users");
            admin.submit("/users", "login", "thuky", "displayName", "Thư ký", "password", ADMIN_PASSWORD, "roles", "SECRETARY");
            TestWorkspace.Browser secretary = new TestWorkspace.Browser(served.base).signIn("thuky", ADMIN_PASSWORD);
            secretary.formToken("/rounds/new");
            byte[] content = Files.readAllBytes(batch);
            CompletableFuture<HttpResponse<String>> upload = CompletableFuture.supplyAsync(() -> {
                try {
                    return secretary.upload("/rounds", Map.of("name", "Giữa chừng", "year", "2024"), "batch.csv", content);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(700);
            assertThat(upload).as("the upload is still running when the stop comes").isNotDone();
            served.terminate();
            answer = upload.get();
            assertThat(served.errors()).contains("dvk: stopping").doesNotContain("internal error");
        }
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(303);
        try (Database database = Database.open(Database.embedded(directory.resolve("dvk-data")))) {
            Rounds.Round round = new Store(database).read(tx -> tx.rounds().list()).get(0);
            assertThat(round.name()).isEqualTo("Giữa chừng");
            assertThat(round.latest().records()).isEqualTo(6000);
        }
    }

    private static TestWorkspace.Browser createAdministrator(ServedJar served) throws Exception {
        TestWorkspace.Browser browser = new TestWorkspace.Browser(served.base);
        String link = served.setupLink();
        browser.formToken(link);
        HttpResponse<String> made = browser.submit("/setup", "token", link.substring(link.indexOf("token=") + 6), "login", "admin",
                "displayName", "Quản trị", "password", ADMIN_PASSWORD, "repeated", ADMIN_PASSWORD);
        assertThat(made.statusCode()).as(made.body()).isEqualTo(303);
        return browser;
    }

    @SuppressWarnings("unused")
    private static JsonNode json(String body) throws Exception {
        return JSON.readTree(body);
    }
}
