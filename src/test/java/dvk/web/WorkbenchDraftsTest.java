package dvk.web;

import static org.assertj.core.api.Assertions.assertThat;

import dvk.app.DraftRunner;
import dvk.store.Database;
import dvk.store.Role;
import dvk.store.Store;
import dvk.store.TestDatabases;
import dvk.store.User;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A person's draft outlives a restart of the workspace, and is gone once discarded. */
class WorkbenchDraftsTest {
    @TempDir
    Path directory;

    @Test
    void aDraftIsKeptAcrossARestartUntilDiscarded() throws Exception {
        try (Database database = TestDatabases.migrated(Database.Kind.H2)) {
            Store store = new Store(database);
            User lan = store.transaction(tx -> tx.users().create("lan", "Trần Thị Lan", "hash", Set.of(Role.POLICY), Instant.now()));
            RulesInForce rules = new RulesInForce(TestWorkspace.rules());
            Workbench first = open(rules, store);
            RuleEditSession draft = first.draft(lan, "2024-2025");
            draft.put("district-model.drl", draft.text("district-model.drl").replace("$m.months(), 12)", "$m.months(), 10)"));
            first.kept(lan, draft);

            Workbench again = open(rules, store);
            RuleEditSession restored = again.draftOf(lan, "2024-2025");
            assertThat(restored).isNotNull();
            assertThat(restored.base).isEqualTo(draft.base);
            assertThat(restored.changed()).isTrue();
            assertThat(restored.text("district-model.drl")).contains("$m.months(), 10)");
            assertThat(restored.diffs()).containsOnlyKeys("district-model.drl");

            again.discard(lan, "2024-2025");
            assertThat(open(rules, store).draftOf(lan, "2024-2025")).isNull();
        }
    }

    private Workbench open(RulesInForce rules, Store store) throws Exception {
        return Workbench.open(directory, rules, store, new DraftRunner(DraftRunner.Limits.standard(Duration.ofSeconds(10)), 1),
                Clock.systemUTC(), new PrintWriter(new StringWriter()));
    }
}
