package dvk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The workbench's tables on H2 and PostgreSQL: what is in force for which years, and the drafts. */
class WorkbenchStoreTest {
    private static final Instant NOW = Instant.parse("2026-11-30T01:02:03Z");

    @ParameterizedTest
    @EnumSource(Database.Kind.class)
    void theNewestEntryCoveringAYearIsInForce(Database.Kind kind) {
        try (Database database = TestDatabases.migrated(kind)) {
            Store store = new Store(database);
            User admin = store.transaction(tx -> tx.users().create("admin", "Quản trị", "hash", Set.of(Role.ADMIN), NOW));
            store.transaction(tx -> tx.rulesInForce().put("2024-2025", "a".repeat(40), "sha256:aa", 2024, 2025, admin.id(), NOW));
            store.transaction(tx -> tx.rulesInForce().put("2024-2025", "b".repeat(40), "sha256:bb", 2025, 2025, admin.id(), NOW.plusSeconds(60)));
            Optional<RulesPutInForce.Entry> y2024 = store.read(tx -> tx.rulesInForce().forYear(2024));
            Optional<RulesPutInForce.Entry> y2025 = store.read(tx -> tx.rulesInForce().forYear(2025));
            Optional<RulesPutInForce.Entry> y2026 = store.read(tx -> tx.rulesInForce().forYear(2026));
            assertThat(y2024).map(RulesPutInForce.Entry::commit).hasValue("a".repeat(40));
            assertThat(y2025).map(RulesPutInForce.Entry::commit).hasValue("b".repeat(40));
            assertThat(y2026).isEmpty();
            List<RulesPutInForce.Entry> all = store.read(tx -> tx.rulesInForce().all());
            assertThat(all).extracting(RulesPutInForce.Entry::putBy).containsExactly("Quản trị", "Quản trị");
            assertThat(all.get(0).putAt()).isEqualTo(NOW.plusSeconds(60));
            List<RulesPutInForce.Decided> none = store.read(tx -> tx.rulesInForce().decidedWith("a".repeat(40)));
            assertThat(none).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Kind.class)
    void aDraftIsKeptReplacedAndDeleted(Database.Kind kind) {
        try (Database database = TestDatabases.migrated(kind)) {
            Store store = new Store(database);
            User lan = store.transaction(tx -> tx.users().create("lan", "Lan", "hash", Set.of(Role.POLICY), NOW));
            Map<String, byte[]> files = Map.of("district-model.drl", "rule \"Tháng\"\n".getBytes(StandardCharsets.UTF_8),
                    "titles.json", "{}".getBytes(StandardCharsets.UTF_8));
            store.transaction(tx -> {
                tx.ruleDrafts().keep(lan.id(), new RuleDrafts.Draft("2024-2025", "c".repeat(40), files, NOW), NOW);
                tx.ruleDrafts().keep(lan.id(), new RuleDrafts.Draft("2024-2025", "c".repeat(40),
                        Map.of("titles.json", "{ }".getBytes(StandardCharsets.UTF_8)), NOW), NOW.plusSeconds(1));
                return null;
            });
            Optional<RuleDrafts.Draft> kept = store.read(tx -> tx.ruleDrafts().find(lan.id(), "2024-2025"));
            assertThat(kept).get().satisfies(d -> {
                assertThat(d.base()).isEqualTo("c".repeat(40));
                assertThat(d.files()).containsOnlyKeys("titles.json");
                assertThat(new String(d.files().get("titles.json"), StandardCharsets.UTF_8)).isEqualTo("{ }");
                assertThat(d.openedAt()).isEqualTo(NOW);
            });
            Optional<RuleDrafts.Draft> other = store.read(tx -> tx.ruleDrafts().find(lan.id(), "2026"));
            assertThat(other).isEmpty();
            store.transaction(tx -> {
                tx.ruleDrafts().delete(lan.id(), "2024-2025");
                return null;
            });
            Optional<RuleDrafts.Draft> gone = store.read(tx -> tx.ruleDrafts().find(lan.id(), "2024-2025"));
            assertThat(gone).isEmpty();
        }
    }
}
