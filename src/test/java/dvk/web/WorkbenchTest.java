package dvk.web;

import static org.assertj.core.api.Assertions.assertThat;

import dvk.store.Database;
import dvk.store.Role;
import dvk.store.TestDatabases;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The policy workbench over HTTP: who may read, edit, save and put in force; the threshold form's
 * change in the draft; saving with a note into the history; and a draft that loops for ever stopped
 * at the deadline while the workspace keeps answering.
 */
class WorkbenchTest {
    private static final Path SAMPLE_XLSX = Path.of("fixtures/samples/gia-lam-2024.xlsx");
    private static final String MONTHS = "district-model.months-running";
    private static TestWorkspace server;
    private static String round;

    @BeforeAll
    static void start() throws Exception {
        server = new TestWorkspace(TestDatabases.migrated(Database.Kind.H2), 2L << 20, false);
        TestWorkspace.Browser secretary = server.signedIn("thuky", Role.SECRETARY);
        HttpResponse<String> created = secretary.upload("/rounds", Map.of("name", "Gia Lâm 2024", "year", "2024"), "gia-lam-2024.xlsx",
                Files.readAllBytes(SAMPLE_XLSX));
        assertThat(created.statusCode()).isEqualTo(303);
        Matcher m = Pattern.compile("/rounds/(\\d+)/versions/(\\d+)").matcher(created.headers().firstValue("Location").orElseThrow());
        assertThat(m.find()).isTrue();
        round = m.group(1) + "/" + m.group(2);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void nothingWithoutSigningIn() throws Exception {
        for (String[] route : List.of(new String[] {"GET", "/workbench"}, new String[] {"GET", "/workbench/2024-2025"},
                new String[] {"GET", "/workbench/2024-2025/history"}, new String[] {"GET", "/workbench/2024-2025/draft"},
                new String[] {"GET", "/workbench/2024-2025/files/score.drl"})) {
            HttpResponse<String> answer = TestWorkspace.api(server.base, route[0], route[1], null, null, null);
            assertThat(answer.statusCode()).as(route[1]).isEqualTo(303);
        }
        for (String path : List.of("/workbench/in-force", "/workbench/2024-2025/thresholds", "/workbench/2024-2025/save",
                "/workbench/2024-2025/files/score.drl", "/workbench/2024-2025/files/score.drl/check", "/workbench/2024-2025/draft/discard")) {
            assertThat(TestWorkspace.api(server.base, "POST", path, null, null, null).statusCode()).as(path).isEqualTo(401);
        }
    }

    @Test
    void aViewerAndASecretaryReadTheCatalogAndHistoryButCannotEdit() throws Exception {
        for (Role role : List.of(Role.VIEWER, Role.SECRETARY)) {
            TestWorkspace.Browser reader = server.signedIn("reader-" + role.name().toLowerCase(), role);
            HttpResponse<String> catalog = reader.get("/workbench/2024-2025");
            assertThat(catalog.statusCode()).isEqualTo(200);
            // the months are 12, or 10 once the policy test saved its version: the tests share the workspace
            assertThat(catalog.body()).contains("data-rule=\"" + MONTHS + "\"", "district-model.drl:15", "70-KH/BDVTW",
                    "Thời gian duy trì", "Dân vận khéo\" tiêu biểu cấp huyện").containsPattern("tối thiểu 1[02] tháng")
                    .doesNotContain("data-testid=\"threshold-");
            assertThat(reader.get("/workbench/2024-2025/history").statusCode()).isEqualTo(200);
            assertThat(reader.get("/workbench").body()).doesNotContain("data-testid=\"put-in-force\"");
            assertThat(reader.get("/workbench?lang=en").body()).contains("The award rules", "rules/2024-2025", "rules/2026");
            assertThat(reader.get("/workbench/2024-2025").body()).contains("Catalog of the rules", "every title");
            reader.get("/workbench?lang=vi");
            assertThat(reader.get("/workbench/2024-2025/draft").statusCode()).isEqualTo(403);
            assertThat(reader.get("/workbench/2024-2025/files/district-model.drl").statusCode()).isEqualTo(403);
            assertThat(reader.submit("/workbench/2024-2025/thresholds", "file", "district-model.drl", "rule", MONTHS, "line", "23",
                    "literal", "12", "value", "10").statusCode()).isEqualTo(403);
            assertThat(reader.submit("/workbench/2024-2025/save", "note", "x").statusCode()).isEqualTo(403);
            assertThat(reader.submit("/workbench/2024-2025/files/district-model.drl", "text", "x").statusCode()).isEqualTo(403);
            assertThat(reader.submit("/workbench/in-force", "ruleSet", "2024-2025", "commit", "0".repeat(40), "from", "2024", "to", "2024")
                    .statusCode()).isEqualTo(403);
        }
    }

    @Test
    void policyStaffLowerAThresholdInTheFormSaveItWithANoteAndSeeItInTheHistory() throws Exception {
        TestWorkspace.Browser policy = server.signedIn("chinhsach", Role.POLICY);
        HttpResponse<String> catalog = policy.get("/workbench/2024-2025");
        assertThat(catalog.body()).contains("data-testid=\"threshold-" + MONTHS + "\"");
        // a form without its token changes nothing
        assertThat(policy.post("/workbench/2024-2025/thresholds", TestWorkspace.form("file", "district-model.drl", "rule", MONTHS,
                "line", "23", "literal", "12", "value", "10")).statusCode()).isEqualTo(403);
        assertThat(policy.submit("/workbench/2024-2025/thresholds", "file", "district-model.drl", "rule", MONTHS, "line", "23",
                "literal", "12", "value", "ten").statusCode()).isEqualTo(422);
        HttpResponse<String> set = policy.submit("/workbench/2024-2025/thresholds", "file", "district-model.drl", "rule", MONTHS,
                "line", "23", "literal", "12", "value", "10");
        assertThat(set.statusCode()).isEqualTo(303);
        assertThat(set.headers().firstValue("Location")).hasValue("/workbench/2024-2025/draft");
        HttpResponse<String> draft = policy.get("/workbench/2024-2025/draft");
        assertThat(draft.body()).contains("<span class=\"del\">-    insertLogical(Check.atLeast(kcontext, $n.id(), $m.months(), 12));</span>",
                "<span class=\"add\">+    insertLogical(Check.atLeast(kcontext, $n.id(), $m.months(), 10));</span>");
        assertThat(policy.submit("/workbench/2024-2025/save", "note", "  ").statusCode()).isEqualTo(400);

        HttpResponse<String> saved = policy.submit("/workbench/2024-2025/save", "note", "Hạ số tháng của DISTRICT_MODEL xuống 10");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
        String history = saved.headers().firstValue("Location").orElseThrow();
        assertThat(history).startsWith("/workbench/2024-2025/history?saved=");
        HttpResponse<String> page = policy.get(history);
        assertThat(page.body()).contains("data-testid=\"saved\"", "Hạ số tháng của DISTRICT_MODEL xuống 10", "Người chinhsach (chinhsach)",
                "+    insertLogical(Check.atLeast(kcontext, $n.id(), $m.months(), 10));");
        assertThat(policy.get("/workbench/2024-2025").body()).contains("tối thiểu 10 tháng").doesNotContain("tối thiểu 12 tháng");

        // an administrator puts it in force for 2024; an upload of 2024 records the version that decided it
        TestWorkspace.Browser admin = server.signedIn("quantri-wb", Role.ADMIN);
        String commit = history.substring(history.indexOf('=') + 1);
        assertThat(policy.submit("/workbench/in-force", "ruleSet", "2024-2025", "commit", commit, "from", "2024", "to", "2024")
                .statusCode()).isEqualTo(403);
        assertThat(admin.submit("/workbench/in-force", "ruleSet", "2024-2025", "commit", commit, "from", "2026", "to", "2026")
                .statusCode()).isEqualTo(422);
        HttpResponse<String> put = admin.submit("/workbench/in-force", "ruleSet", "2024-2025", "commit", commit, "from", "2024", "to", "2024");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(303);
        // the same version's other rule set, for its own year
        assertThat(admin.submit("/workbench/in-force", "ruleSet", "2026", "commit", commit, "from", "2026", "to", "2026").statusCode())
                .isEqualTo(303);
        assertThat(admin.get("/workbench").body()).contains(commit.substring(0, 10), "2024–2024", "2026–2026");
        TestWorkspace.Browser secretary = server.signedIn("thuky-wb", Role.SECRETARY);
        HttpResponse<String> upload = secretary.upload("/rounds", Map.of("name", "Gia Lâm 2024 (số tháng 10)", "year", "2024"), "gia-lam-2024.xlsx",
                Files.readAllBytes(SAMPLE_XLSX));
        assertThat(upload.statusCode()).isEqualTo(303);
        Matcher m = Pattern.compile("/rounds/(\\d+)/versions/(\\d+)").matcher(upload.headers().firstValue("Location").orElseThrow());
        assertThat(m.find()).isTrue();
        long versionId = server.store.read(tx -> tx.rounds().version(Long.parseLong(m.group(1)), Integer.parseInt(m.group(2)))).orElseThrow().id();
        // decided by the version in force: GL-2024-016's 11 months now suffice (27 DISTRICT_MODEL with the rules served)
        assertThat(secretary.get(upload.headers().firstValue("Location").orElseThrow()).body())
                .contains("data-testid=\"title-DISTRICT_MODEL\">28<");
        List<dvk.store.RulesPutInForce.Entry> entries = server.store.read(tx -> tx.rulesInForce().all());
        dvk.store.Rounds.Version decidedVersion = server.store.read(tx -> tx.rounds().version(Long.parseLong(m.group(1)),
                Integer.parseInt(m.group(2)))).orElseThrow();
        assertThat(decidedVersion.ruleSet()).isEqualTo(entries.stream().filter(e -> e.covers(2024)).findFirst().orElseThrow().fingerprint());
        java.util.Optional<String> decidedBy = server.store.read(tx -> tx.rulesInForce().commitOf(versionId));
        assertThat(decidedBy).hasValue(commit);
        assertThat(policy.get(history.substring(0, history.indexOf('?'))).body()).contains("data-testid=\"decided\"",
                "Gia Lâm 2024 (số tháng 10), lần tải 1");

        // a criterion rules/2026 holds too: saving the change reminds of 2026's requirement, and changes nothing there
        assertThat(policy.submit("/workbench/2024-2025/thresholds", "file", "city-model.drl", "rule", "city-model.min-replication-sites",
                "line", "45", "literal", "3", "value", "2").statusCode()).isEqualTo(303);
        HttpResponse<String> second = policy.submit("/workbench/2024-2025/save", "note", "Hai nơi nhân rộng là đủ cho CITY_MODEL");
        assertThat(second.statusCode()).as(second.body()).isEqualTo(303);
        HttpResponse<String> reminded = policy.get(second.headers().firstValue("Location").orElseThrow());
        assertThat(reminded.body()).contains("data-testid=\"reminders\"",
                "rules/2026 vẫn yêu cầu &gt;= 3 cho city-model.min-replication-sites (rules/2024-2025 nay yêu cầu &gt;= 2).")
                .doesNotContain("district-model.months-running (rules");
        assertThat(policy.get("/workbench/2026").body())
                .contains("value=\"3\" size=\"10\" inputmode=\"decimal\" data-testid=\"threshold-city-model.min-replication-sites\"");
        List<dvk.store.AuditLog.Entry> audit = server.store.read(tx -> tx.audit().about("rules:2024-2025"));
        assertThat(audit).extracting(dvk.store.AuditLog.Entry::action).contains("rules.save", "rules.inForce");
    }

    @Test
    void aDraftThatLoopsForEverIsStoppedAtTheDeadlineWhileTheWorkspaceAnswers() throws Exception {
        TestWorkspace.Browser policy = server.signedIn("chinhsach-loop", Role.POLICY);
        String drl = policy.get("/workbench/2024-2025/files/score.drl").body();
        assertThat(drl).contains("id=\"drl\"");
        String text = new String(Files.readAllBytes(Path.of("rules/2024-2025/score.drl")), StandardCharsets.UTF_8) + """

                rule "score: again and again"
                    @id("score.again") @cite("a test")
                when
                    $m : Measures()
                then
                    insert(new Measures($m.nominationId(), $m.months() + 1, $m.resourcesVnd()));
                end
                """;
        assertThat(policy.submit("/workbench/2024-2025/files/score.drl", "text", text).statusCode()).isEqualTo(303);
        CompletableFuture<HttpResponse<String>> impact = CompletableFuture.supplyAsync(() -> {
            try {
                return policy.get("/workbench/2024-2025/draft?round=" + round);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(1500);
        assertThat(impact).isNotDone();
        long started = System.nanoTime();
        HttpResponse<String> health = server.browser().get("/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(policy.get("/workbench").statusCode()).isEqualTo(200);
        HttpResponse<String> answer = impact.get();
        assertThat(answer.statusCode()).isEqualTo(200);
        // the engine stops it: at its deadline, or sooner when it sees the rules fire without settling
        assertThat(answer.body()).contains("data-testid=\"draft-failure\"").containsPattern("did not finish within 10 s|does it loop");
    }

    @Test
    void theLiveCheckAnswersWithTheProblemAtItsLineInTheReadersLanguage() throws Exception {
        TestWorkspace.Browser policy = server.signedIn("chinhsach-check", Role.POLICY);
        policy.formToken("/workbench/2024-2025/files/district-model.drl");
        String text = new String(Files.readAllBytes(Path.of("rules/2024-2025/district-model.drl")), StandardCharsets.UTF_8)
                .replace("$m : Measures(nominationId == $n.id)", "$m : Measures(nominationId == $n.id");
        String body = "{\"text\": " + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(text) + "}";
        HttpResponse<String> noToken = policy.http.send(policy.request("/workbench/2024-2025/files/district-model.drl/check")
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(noToken.statusCode()).isEqualTo(403);
        HttpResponse<String> checked = policy.http.send(policy.request("/workbench/2024-2025/files/district-model.drl/check")
                .header("Content-Type", "application/json").header("X-CSRF-Token", policy.csrf)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(checked.statusCode()).isEqualTo(200);
        var answer = new com.fasterxml.jackson.databind.ObjectMapper().readTree(checked.body());
        assertThat(answer.path("compiles").asBoolean()).isFalse();
        assertThat(answer.path("problems")).anySatisfy(p -> {
            assertThat(p.path("line").asInt()).isEqualTo(21);
            assertThat(p.path("here").asBoolean()).isTrue();
            assertThat(p.path("message").asText()).contains("thiếu");
        });
    }
}
