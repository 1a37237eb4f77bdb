package dvk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The schema's migrations, on H2 and on PostgreSQL: from an empty database, and from the previous version with data in it. */
class MigrationsTest {
    private static final String LATEST = "11";

    @ParameterizedTest
    @EnumSource(Database.Kind.class)
    void anEmptyDatabaseGetsTheWholeSchemaAndASecondStartChangesNothing(Database.Kind kind) {
        Database.Location location = TestDatabases.empty(kind);
        try (Database database = Database.open(location)) {
            assertThat(database.schemaVersion()).isEqualTo("none");
            assertThat(database.migrate()).isEqualTo(5);
            assertThat(database.schemaVersion()).isEqualTo(LATEST);
        }
        try (Database again = Database.openMigrated(location)) {
            assertThat(again.migrate()).isZero();
            assertThat(again.schemaVersion()).isEqualTo(LATEST);
            java.util.List<Rounds.Round> rounds = new Store(again).read(tx -> tx.rounds().list());
            assertThat(rounds).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Kind.class)
    void aDatabaseOfThePreviousVersionKeepsItsDataWhenMigrated(Database.Kind kind) {
        Database.Location location = TestDatabases.empty(kind);
        Instant now = Instant.parse("2026-01-02T03:04:05Z");
        try (Database previous = Database.open(location)) {
            assertThat(previous.migrate("1")).isEqualTo(1);
            new Store(previous).transaction(tx -> {
                User admin = tx.users().create("Admin", "Quản trị", "hash", Set.of(Role.ADMIN), now);
                tx.audit().record(Actor.of(admin, "127.0.0.1"), now, "user.create", "user:" + admin.id(), null, "{}");
                return admin;
            });
        }
        try (Database current = Database.openMigrated(location)) {
            assertThat(current.schemaVersion()).isEqualTo(LATEST);
            Store store = new Store(current);
            User admin = store.read(tx -> tx.users().credentials("admin")).orElseThrow().user();
            assertThat(admin.displayName()).isEqualTo("Quản trị");
            assertThat(admin.roles()).containsExactly(Role.ADMIN);
            assertThat(admin.createdAt()).isEqualTo(now);
            long entries = store.read(tx -> tx.audit().count());
            assertThat(entries).isEqualTo(1);
            long round = store.transaction(tx -> tx.rounds().create(2024, "Gia Lâm 2024", admin.id(), now));
            assertThat(store.read(tx -> tx.rounds().round(round)).orElseThrow().versions()).isZero();
            java.util.List<RulesPutInForce.Entry> inForce = store.read(tx -> tx.rulesInForce().all());
            assertThat(inForce).isEmpty();
        }
    }
}
