package dvk.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dvk.store.Database;
import dvk.store.Role;
import dvk.store.Rounds;
import dvk.store.TestDatabases;
import dvk.testing.XlsxFile;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workspace over HTTP, as a browser and another system use it: who may do what, forms and
 * their tokens, uploads, the round's pages and downloads, and the API. One workspace on an H2 file
 * for the class; each test signs in people of its own.
 */
class WorkspaceTest {
    static final Path SAMPLE_XLSX = Path.of("fixtures/samples/gia-lam-2024.xlsx");
    static final Path SAMPLE_JSON = Path.of("fixtures/samples/gia-lam-2024.json");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestWorkspace server;

    @BeforeAll
    static void start() {
        server = new TestWorkspace(TestDatabases.migrated(Database.Kind.H2), 2L << 20, false);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Every route of the workspace, as declared, with a path that matches it. */
    static final List<String[]> ROUTES = List.of(
            new String[] {"GET", "/"}, new String[] {"GET", "/rounds"}, new String[] {"GET", "/rounds/new"},
            new String[] {"POST", "/rounds"}, new String[] {"GET", "/rounds/1"}, new String[] {"POST", "/rounds/1/versions"},
            new String[] {"GET", "/rounds/1/versions/1"}, new String[] {"GET", "/rounds/1/versions/1/nominations/0"},
            new String[] {"GET", "/rounds/1/versions/1/report.html"}, new String[] {"GET", "/rounds/1/versions/1/decisions.xlsx"},
            new String[] {"GET", "/rounds/1/versions/1/decisions.json"}, new String[] {"GET", "/rounds/1/versions/1/input"},
            new String[] {"GET", "/users"}, new String[] {"POST", "/users"}, new String[] {"POST", "/users/1"},
            new String[] {"GET", "/audit"}, new String[] {"GET", "/account"}, new String[] {"POST", "/account/password"},
            new String[] {"POST", "/account/tokens"}, new String[] {"POST", "/account/tokens/1/revoke"}, new String[] {"POST", "/logout"},
            new String[] {"POST", "/api/v1/evaluations"}, new String[] {"GET", "/api/v1/rules"}, new String[] {"GET", "/api/v1/rounds"},
            new String[] {"POST", "/api/v1/rounds"}, new String[] {"GET", "/api/v1/rounds/1"},
            new String[] {"POST", "/api/v1/rounds/1/versions"}, new String[] {"GET", "/api/v1/rounds/1/versions/1/decisions"},
            new String[] {"GET", "/api/v1/rounds/1/versions/1/decisions/GL-2024-001"},
            // the council and the register
            new String[] {"POST", "/rounds/1/versions/1/verdicts"}, new String[] {"POST", "/rounds/1/versions/1/issue"},
            new String[] {"POST", "/rounds/1/revoke"}, new String[] {"GET", "/rounds/1/versions/1/papers/du-thao-quyet-dinh-2024.docx"},
            new String[] {"GET", "/register"}, new String[] {"GET", "/register.xlsx"}, new String[] {"POST", "/register/import"},
            new String[] {"GET", "/statistics"}, new String[] {"GET", "/api/v1/rounds/1/versions/1/verdicts"},
            new String[] {"POST", "/api/v1/rounds/1/versions/1/verdicts"}, new String[] {"GET", "/api/v1/rounds/1/decision"},
            new String[] {"POST", "/api/v1/rounds/1/decision"}, new String[] {"GET", "/api/v1/register"},
            new String[] {"GET", "/api/v1/register/models/MH-000001"});

    @Test
    void noPageAndNoApiWorksWithoutSigningIn() throws Exception {
        for (String[] route : ROUTES) {
            HttpResponse<String> answer = TestWorkspace.api(server.base, route[0], route[1], null, null, null);
            if (route[1].startsWith("/api/")) {
                assertThat(answer.statusCode()).as(String.join(" ", route)).isEqualTo(401);
                assertThat(answer.headers().firstValue("Content-Type")).as(String.join(" ", route)).contains("application/problem+json");
            } else if (route[0].equals("GET")) {
                assertThat(answer.statusCode()).as(String.join(" ", route)).isEqualTo(303);
                assertThat(answer.headers().firstValue("Location")).get().asString().startsWith("/login?next=");
            } else {
                assertThat(answer.statusCode()).as(String.join(" ", route)).isEqualTo(401);
            }
        }
        HttpResponse<String> forged = TestWorkspace.api(server.base, "GET", "/api/v1/rounds", "dvk_not-a-token", null, null);
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(forged.body()).path("code").asText()).isEqualTo("unauthorized");
    }

    @Test
    void publicPagesAreTheSignInTheHealthAndTheApiDocumentOnly() throws Exception {
        assertThat(server.browser().get("/login").statusCode()).isEqualTo(200);
        HttpResponse<String> health = server.browser().get("/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(health.body()).path("database").asText()).isEqualTo("ok");
        HttpResponse<String> openApi = server.browser().get("/api/v1/openapi.json");
        assertThat(JSON.readTree(openApi.body()).path("paths").has("/api/v1/evaluations")).isTrue();
        assertThat(server.browser().get("/static/web.css").statusCode()).isEqualTo(200);
        assertThat(server.browser().get("/no/such/page").statusCode()).isEqualTo(404);
    }

    @Test
    void aViewerReadsButCannotUpload() throws Exception {
        TestWorkspace.Browser viewer = server.signedIn("viewer1", Role.VIEWER);
        assertThat(viewer.get("/rounds").statusCode()).isEqualTo(200);
        assertThat(viewer.get("/rounds/new").statusCode()).isEqualTo(403);
        HttpResponse<String> upload = viewer.upload("/rounds", Map.of("name", "x", "year", "2024"), "s.xlsx", Files.readAllBytes(SAMPLE_XLSX));
        assertThat(upload.statusCode()).isEqualTo(403);
        assertThat(viewer.get("/rounds").body()).doesNotContain("data-testid=\"new-round\"");
    }

    @Test
    void aSecretaryCannotManageAccountsAndAnAdministratorCannotUpload() throws Exception {
        TestWorkspace.Browser secretary = server.signedIn("secretary1", Role.SECRETARY);
        assertThat(secretary.get("/users").statusCode()).isEqualTo(403);
        assertThat(secretary.get("/audit").statusCode()).isEqualTo(403);
        assertThat(secretary.submit("/users", "login", "intruder", "displayName", "X", "password", "0123456789ab", "roles", "ADMIN")
                .statusCode()).isEqualTo(403);
        assertThat(secretary.submit("/users/1", "roles", "ADMIN", "active", "true").statusCode()).isEqualTo(403);
        boolean intruder = server.store.read(tx -> tx.users().loginTaken("intruder"));
        assertThat(intruder).isFalse();

        TestWorkspace.Browser admin = server.signedIn("admin1", Role.ADMIN);
        assertThat(admin.get("/users").statusCode()).isEqualTo(200);
        assertThat(admin.get("/rounds/new").statusCode()).isEqualTo(403);
    }

    @Test
    void formsWithoutTheirPageTokenAreRefused() throws Exception {
        TestWorkspace.Browser secretary = server.signedIn("secretary2", Role.SECRETARY);
        HttpResponse<String> none = secretary.post("/account/tokens", TestWorkspace.form("name", "portal"));
        assertThat(none.statusCode()).isEqualTo(403);
        assertThat(none.body()).contains(server.workspace == null ? "" : "Biểu mẫu đã hết hạn");
        HttpResponse<String> wrong = secretary.post("/account/tokens", TestWorkspace.form("name", "portal", "_csrf", "guessed"));
        assertThat(wrong.statusCode()).isEqualTo(403);
        HttpResponse<String> upload = secretary.upload("/rounds", Map.of("name", "x", "year", "2024", "_csrf", "guessed"), "s.xlsx",
                Files.readAllBytes(SAMPLE_XLSX));
        assertThat(upload.statusCode()).isEqualTo(403);
        assertThat(secretary.submit("/account/tokens", "name", "portal").statusCode()).isEqualTo(200);

        TestWorkspace.Browser stranger = server.browser();
        server.person("victim", Role.SECRETARY);
        HttpResponse<String> login = stranger.post("/login", TestWorkspace.form("login", "victim", "password", TestWorkspace.PASSWORD));
        assertThat(login.statusCode()).as("a sign-in posted from another site").isEqualTo(403);
    }

    @Test
    void sessionCookiesAreHttpOnlyAndStrictAndAKeptSessionSurvivesARestart() throws Exception {
        TestWorkspace.Browser browser = server.browser();
        server.person("keeper", Role.VIEWER);
        HttpResponse<String> answer = browser.post("/login", TestWorkspace.form("_csrf", browser.formToken("/login"), "login", "keeper",
                "password", TestWorkspace.PASSWORD, "next", "/rounds"));
        String setCookie = answer.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("dvk_session=")).findFirst().orElseThrow();
        assertThat(setCookie).contains("HttpOnly").containsIgnoringCase("SameSite=Strict").doesNotContain("Secure");

        String cookie = browser.cookie("dvk_session").getValue();
        try (TestWorkspace again = new TestWorkspace(Database.openMigrated(server.database.location()), 1 << 20, true)) {
            TestWorkspace.Browser same = again.browser();
            java.net.HttpCookie kept = new java.net.HttpCookie("dvk_session", cookie);
            kept.setPath("/");
            kept.setVersion(0);
            same.cookies.getCookieStore().add(java.net.URI.create(again.base), kept);
            assertThat(same.get("/rounds").statusCode()).as("the same session on a second server of the same database").isEqualTo(200);
            HttpResponse<String> form = again.browser().get("/login");
            assertThat(form.headers().allValues("Set-Cookie")).as("with --secure-cookies")
                    .anySatisfy(c -> assertThat(c).startsWith("dvk_form=").contains("Secure").contains("HttpOnly"));
        }
    }

    @Test
    void signingInIsThrottledPerAccountEvenWithTheRightPassword() throws Exception {
        server.person("target", Role.VIEWER);
        TestWorkspace.Browser guesser = server.browser();
        for (int i = 0; i < LoginThrottle.PER_ACCOUNT; i++) {
            HttpResponse<String> wrong = guesser.post("/login", TestWorkspace.form("_csrf", guesser.formToken("/login"), "login", "TARGET",
                    "password", "wrong guess " + i));
            assertThat(wrong.statusCode()).isEqualTo(401);
        }
        HttpResponse<String> right = guesser.post("/login", TestWorkspace.form("_csrf", guesser.formToken("/login"), "login", "target",
                "password", TestWorkspace.PASSWORD));
        assertThat(right.statusCode()).isEqualTo(429);
        assertThat(right.headers().firstValue("Retry-After")).isPresent();
        HttpResponse<String> nobody = guesser.post("/login", TestWorkspace.form("_csrf", guesser.formToken("/login"), "login", "nobody-here",
                "password", "whatever it is"));
        assertThat(nobody.statusCode()).as("an unknown login is answered as a wrong password").isEqualTo(401);
    }

    @Test
    void aSecretaryUploadsReadsAndUploadsACorrectedVersion() throws Exception {
        TestWorkspace.Browser secretary = server.signedIn("lan", Role.SECRETARY);
        secretary.formToken("/rounds/new");
        HttpResponse<String> created = secretary.upload("/rounds", Map.of("name", "Gia Lâm 2024", "year", "2024"), "gia-lam-2024.xlsx",
                Files.readAllBytes(SAMPLE_XLSX));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
        assertThat(created.headers().firstValue("Server-Timing")).get().asString().contains("evaluate;dur=").contains("store;dur=");
        String page = created.headers().firstValue("Location").orElseThrow();
        assertThat(page).matches("/rounds/\\d+/versions/1");

        String html = secretary.get(page).body();
        assertThat(html).contains("data-testid=\"records\">60<").contains("data-testid=\"title-CITY_MODEL\">3<")
                .contains("data-testid=\"title-DISTRICT_MODEL\">27<").contains("data-testid=\"title-CITY_WORK_SIGN\">2<");
        String filtered = secretary.get(page + "?title=CITY_MODEL").body();
        assertThat(filtered).contains(">Hiển thị 3 trong 60 hồ sơ được xét<");
        String english = secretary.get(page + "?title=CITY_MODEL&lang=en").body();
        assertThat(english).contains(">Showing 3 of 60 decided records<");
        assertThat(secretary.get(page).body()).as("the language is remembered").contains("Showing 60 of 60");
        secretary.get(page + "?lang=vi");

        HttpResponse<String> card = secretary.get(page + "/nominations/0");
        assertThat(card.statusCode()).isEqualTo(200);
        assertThat(card.body()).contains("data-testid=\"card\"").contains("GL-2024-001")
                .as("the report's own card, its reasons in words").contains("class=\"failed\"").doesNotContain(">min-score<");
        assertThat(secretary.get("/static/card.css").body()).isEqualTo(dvk.report.Assets.text("card.css"));
        HttpResponse<String> report = secretary.get(page + "/report.html");
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.headers().firstValue("Content-Security-Policy")).get().asString().contains("script-src 'unsafe-inline'");
        HttpResponse<byte[]> xlsx = secretary.getBytes(page + "/decisions.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.body()))) {
            assertThat(workbook.getSheet("Kết quả xét").getLastRowNum()).isEqualTo(60);
        }
        assertThat(secretary.getBytes(page + "/input").body()).isEqualTo(Files.readAllBytes(SAMPLE_XLSX));
        JsonNode decisions = JSON.readTree(secretary.get(page + "/decisions.json").body());
        assertThat(decisions.path("summary").path("records").asInt()).isEqualTo(60);

        // a corrected file: one nomination's funds set to a number it did not have
        Path corrected = Files.createTempFile("corrected", ".xlsx");
        XlsxFile.fromJson(SAMPLE_JSON).set(0, "fundsVnd", 999_000_000L).write(corrected);
        String round = page.replaceAll("/versions/1$", "");
        HttpResponse<String> second = secretary.upload(round + "/versions", Map.of("note", "sửa kinh phí GL-2024-001"),
                "gia-lam-2024-sua.xlsx", Files.readAllBytes(corrected));
        assertThat(second.statusCode()).as(second.body()).isEqualTo(303);
        assertThat(second.headers().firstValue("Location")).contains(round + "/versions/2");
        String v2 = secretary.get(round + "/versions/2").body();
        assertThat(v2).contains("gia-lam-2024-sua.xlsx").contains("sửa kinh phí GL-2024-001");
        assertThat(secretary.get(round + "/versions/1").body()).as("the first version is kept").contains("gia-lam-2024.xlsx")
                .contains(server.browser() == null ? "" : "Đây không phải lần tải mới nhất");
        long id = Long.parseLong(round.replaceAll("\\D+", ""));
        List<dvk.store.AuditLog.Entry> history = server.store.read(tx -> tx.audit().about("round:" + id));
        assertThat(history).extracting(a -> a.action())
                .containsExactly("round.create", "round.upload", "round.upload");
        assertThat(server.log.toString()).containsPattern("\\S+ 127\\.0\\.0\\.1 lan POST /rounds 303 \\d+ ms");
    }

    @Test
    void aBrokenFileStoresNothingAndSaysWhichCell() throws Exception {
        TestWorkspace.Browser secretary = server.signedIn("broken", Role.SECRETARY);
        secretary.formToken("/rounds/new");
        int before = server.store.read(tx -> tx.rounds().list()).size();
        Path broken = Files.createTempFile("broken", ".xlsx");
        XlsxFile.fromJson(SAMPLE_JSON).set(4, "year", "hai không hai bốn").write(broken);
        HttpResponse<String> answer = secretary.upload("/rounds", Map.of("name", "Hỏng", "year", "2024"), "hong.xlsx", Files.readAllBytes(broken));
        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body()).contains("chưa lưu gì").containsPattern("row 6, column [A-Z]+");
        List<Rounds.Round> after = server.store.read(tx -> tx.rounds().list());
        assertThat(after).hasSize(before);

        HttpResponse<String> notABatch = secretary.upload("/rounds", Map.of("name", "Hỏng", "year", "2024"), "notes.txt", "hello".getBytes());
        assertThat(notABatch.statusCode()).isEqualTo(415);
        HttpResponse<String> wrongYear = secretary.upload("/rounds", Map.of("name", "Năm khác", "year", "2025"), "s.xlsx",
                Files.readAllBytes(SAMPLE_XLSX));
        assertThat(wrongYear.statusCode()).isEqualTo(422);
        assertThat(wrongYear.body()).contains("năm 2024").contains("năm 2025");
        List<Rounds.Round> finally_ = server.store.read(tx -> tx.rounds().list());
        assertThat(finally_).hasSize(before);
    }

    @Test
    void aRecordWithAMistakeIsListedWithItsCellWhileTheRestIsDecided() throws Exception {
        TestWorkspace.Browser secretary = server.signedIn("mistake", Role.SECRETARY);
        secretary.formToken("/rounds/new");
        Path file = Files.createTempFile("mistake", ".xlsx");
        XlsxFile.fromJson(SAMPLE_JSON).set(6, "fundsVnd", "abc").write(file);
        HttpResponse<String> answer = secretary.upload("/rounds", Map.of("name", "Có lỗi", "year", "2024"), "co-loi.xlsx", Files.readAllBytes(file));
        assertThat(answer.statusCode()).isEqualTo(303);
        String page = secretary.get(answer.headers().firstValue("Location").orElseThrow()).body();
        assertThat(page).contains("data-testid=\"rejected\">1<").contains("data-testid=\"rejected-list\"")
                .containsPattern("fundsVnd: [^<]*abc[^<]*hàng 8, cột [A-Z]+");
        String english = secretary.get(answer.headers().firstValue("Location").orElseThrow() + "?lang=en").body();
        secretary.get("/rounds?lang=vi");
        assertThat(english).containsPattern("fundsVnd: [^<]*abc[^<]*row 8, column [A-Z]+");
    }

    @Test
    void anUploadLargerThanTheLimitIsRefusedSayingTheLimit() throws Exception {
        TestWorkspace.Browser secretary = server.signedIn("big", Role.SECRETARY);
        secretary.formToken("/rounds/new");
        HttpResponse<String> answer = secretary.upload("/rounds", Map.of("name", "Lớn", "year", "2024"), "lon.csv", new byte[3 << 20]);
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.body()).contains("tối đa 2 MB");
    }

    @Test
    void theApiEvaluatesAsTheCommandLineAndServesRoundsToTokensOfTheRightRole() throws Exception {
        TestWorkspace.Browser secretary = server.signedIn("portal-owner", Role.SECRETARY);
        String token = token(secretary, "portal");
        assertThat(token).startsWith("dvk_");

        HttpResponse<String> evaluated = TestWorkspace.api(server.base, "POST", "/api/v1/evaluations", token, "application/json",
                Files.readAllBytes(SAMPLE_JSON));
        assertThat(evaluated.statusCode()).isEqualTo(200);
        ByteArrayOutputStream cli = new ByteArrayOutputStream();
        dvk.report.DecisionJsonWriter.write(new dvk.app.Evaluations().collect(SAMPLE_JSON,
                new dvk.engine.RuleCompiler().compile(TestWorkspace.rules().forYear(2024))), dvk.report.Words.vietnamese(), cli);
        assertThat(evaluated.body()).isEqualTo(cli.toString(java.nio.charset.StandardCharsets.UTF_8));

        HttpResponse<String> broken = TestWorkspace.api(server.base, "POST", "/api/v1/evaluations?format=json", token, null,
                "{\"year\": 2024, \"nominations\": [".getBytes());
        assertThat(broken.statusCode()).isEqualTo(422);
        assertThat(broken.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(JSON.readTree(broken.body()).path("code").asText()).isEqualTo("batch-broken");
        assertThat(JSON.readTree(broken.body()).path("errors").get(0).asText()).contains("line 1");
        HttpResponse<String> unknown = TestWorkspace.api(server.base, "POST", "/api/v1/evaluations", token, "text/plain", "x".getBytes());
        assertThat(unknown.statusCode()).isEqualTo(415);
        HttpResponse<String> tooLarge = TestWorkspace.api(server.base, "POST", "/api/v1/evaluations", token, "text/csv", new byte[3 << 20]);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(tooLarge.body()).path("detail").asText()).contains("2 MB");

        HttpResponse<String> created = TestWorkspace.api(server.base, "POST", "/api/v1/rounds?year=2024&name=T%E1%BB%AB%20API&filename=gl.xlsx",
                token, null, Files.readAllBytes(SAMPLE_XLSX));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode round = JSON.readTree(created.body());
        assertThat(round.path("name").asText()).isEqualTo("Từ API");
        String decisionsPath = round.path("versions").get(0).path("decisions").asText();
        JsonNode decisions = JSON.readTree(TestWorkspace.api(server.base, "GET", decisionsPath, token, null, null).body());
        assertThat(decisions.path("decisions")).hasSize(60);
        String firstId = decisions.path("decisions").get(0).path("id").asText();
        JsonNode one = JSON.readTree(TestWorkspace.api(server.base, "GET", decisionsPath + "/" + firstId, token, null, null).body());
        assertThat(one).isEqualTo(decisions.path("decisions").get(0));
        JsonNode list = JSON.readTree(TestWorkspace.api(server.base, "GET", "/api/v1/rounds", token, null, null).body());
        assertThat(list.path("rounds").findValuesAsText("name")).contains("Từ API");
        HttpResponse<String> catalog = TestWorkspace.api(server.base, "GET", "/api/v1/rules", token, null, null);
        assertThat(catalog.statusCode()).isEqualTo(200);
        assertThat(catalog.body()).contains("CITY_MODEL");
        assertThat(TestWorkspace.api(server.base, "GET", "/api/v1/rounds/999999", token, null, null).statusCode()).isEqualTo(404);

        TestWorkspace.Browser viewer = server.signedIn("reader", Role.VIEWER);
        String readOnly = token(viewer, "dashboard");
        assertThat(TestWorkspace.api(server.base, "GET", decisionsPath, readOnly, null, null).statusCode()).isEqualTo(200);
        HttpResponse<String> refused = TestWorkspace.api(server.base, "POST", "/api/v1/evaluations", readOnly, "application/json",
                Files.readAllBytes(SAMPLE_JSON));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(refused.body()).path("code").asText()).isEqualTo("forbidden");

        viewer.formToken("/account");
        long tokenId = server.store.read(tx -> tx.apiTokens().of(tx.users().credentials("reader").orElseThrow().user().id())).get(0).id();
        assertThat(viewer.submit("/account/tokens/" + tokenId + "/revoke").statusCode()).isEqualTo(303);
        assertThat(TestWorkspace.api(server.base, "GET", "/api/v1/rounds", readOnly, null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void theAdministratorManagesAccountsAndEveryChangeIsInTheAuditLog() throws Exception {
        TestWorkspace.Browser admin = server.signedIn("boss", Role.ADMIN);
        admin.formToken("/users");
        assertThat(admin.submit("/users", "login", "Thu", "displayName", "Trần Thu", "password", "short", "roles", "VIEWER").statusCode())
                .isEqualTo(422);
        assertThat(admin.submit("/users", "login", "Thu", "displayName", "Trần Thu", "password", "long enough 1", "roles", "VIEWER")
                .statusCode()).isEqualTo(303);
        TestWorkspace.Browser thu = server.browser().signIn("thu", "long enough 1");
        assertThat(thu.get("/rounds/new").statusCode()).isEqualTo(403);
        long id = server.store.read(tx -> tx.users().credentials("thu")).orElseThrow().user().id();
        admin.formToken("/users");
        assertThat(admin.submit("/users/" + id, "roles", "SECRETARY", "active", "true").statusCode()).isEqualTo(303);
        assertThat(thu.get("/rounds/new").statusCode()).as("roles are read on every request").isEqualTo(200);
        assertThat(admin.submit("/users/" + id, "roles", "SECRETARY").statusCode()).isEqualTo(303);
        assertThat(thu.get("/rounds").statusCode()).as("a deactivated account is signed out").isEqualTo(303);

        long self = server.store.read(tx -> tx.users().credentials("boss")).orElseThrow().user().id();
        long admins = server.store.read(tx -> tx.users().activeAdmins());
        if (admins == 1) {
            assertThat(admin.submit("/users/" + self, "roles", "VIEWER", "active", "true").statusCode()).isEqualTo(409);
        }
        String audit = admin.get("/audit").body();
        assertThat(audit).contains("user.create").contains("user.update").contains("SECRETARY").contains("Trần Thu");
    }

    private static String token(TestWorkspace.Browser browser, String name) throws Exception {
        browser.formToken("/account");
        HttpResponse<String> answer = browser.submit("/account/tokens", "name", name);
        var m = java.util.regex.Pattern.compile("data-testid=\"new-token\">([^<]+)<").matcher(answer.body());
        assertThat(m.find()).as("the new token is shown").isTrue();
        return m.group(1);
    }
}
