package dvk.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dvk.engine.RuleLibrary;
import dvk.store.Database;
import dvk.store.Role;
import dvk.store.TestDatabases;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The workspace on PostgreSQL, as a province's shared server runs it; and a round's report after
 * a restart with another rule set in force: evaluated again from the stored file with the stored rule
 * set, and checked against the stored decisions.
 */
class WorkspacePostgresTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aRoundUploadedOnPostgresIsReportedAfterARestartWithAnotherRuleSetInForce() throws Exception {
        Database.Location location = TestDatabases.empty(Database.Kind.POSTGRESQL);
        String page;
        String json;
        try (TestWorkspace server = new TestWorkspace(Database.openMigrated(location))) {
            TestWorkspace.Browser secretary = server.signedIn("thuky", Role.SECRETARY);
            secretary.formToken("/rounds/new");
            HttpResponse<String> created = secretary.upload("/rounds", Map.of("name", "Gia Lâm 2024", "year", "2024"),
                    "gia-lam-2024.xlsx", Files.readAllBytes(WorkspaceTest.SAMPLE_XLSX));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
            page = created.headers().firstValue("Location").orElseThrow();
            assertThat(secretary.get(page).body()).contains("data-testid=\"title-CITY_MODEL\">3<");
            assertThat(secretary.get(page + "?q=bat%20trang").body()).contains("Bát Tràng");
            json = secretary.get(page + "/decisions.json").body();
        }
        // only the 2026 rule set in force now: the round's own is read back from the store
        try (TestWorkspace restarted = new TestWorkspace(Database.openMigrated(location), RuleLibrary.open(Path.of("rules/2026")),
                8L << 20, false)) {
            TestWorkspace.Browser viewer = restarted.browser().signIn("thuky", TestWorkspace.PASSWORD);
            HttpResponse<String> report = viewer.get(page + "/report.html");
            assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
            String fingerprint = JSON.readTree(json).path("rules").path("fingerprint").asText();
            assertThat(report.body()).as("the rule set that decided the round, not the one in force").contains(fingerprint);
            assertThat(viewer.get(page + "/decisions.json").body()).isEqualTo(json);
        }
    }
}
