package dvk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dvk.app.Evaluations;
import dvk.engine.Evaluation;
import dvk.engine.RuleSet;
import dvk.testing.TestRules;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The repositories, against H2 and a real PostgreSQL alike. */
class StoreTest {
    private static final Path SAMPLE = Path.of("fixtures/samples/gia-lam-2024.json");
    private static final Instant NOW = Instant.parse("2026-03-04T05:06:07Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Evaluation sample;
    private static Rounds.NewVersion sampleVersion;
    private static RuleSets.StoredRuleSet rules;

    @BeforeAll
    static void evaluateTheSample() throws Exception {
        RuleSet standard = TestRules.standard();
        sample = new Evaluations().collect(SAMPLE, standard);
        sampleVersion = RoundContent.of(sample, "gia-lam-2024.json", Files.readAllBytes(SAMPLE), "first upload");
        rules = RoundContent.ruleSet(standard, TestRules.RULES);
    }

    private static Store store(Database.Kind kind) {
        return new Store(TestDatabases.migrated(kind));
    }

    private static User someone(Store store, String login, Role... roles) {
        return store.transaction(tx -> tx.users().create(login, login.toUpperCase(), "hash-" + login, Set.of(roles), NOW));
    }

    @ParameterizedTest
    @EnumSource(Database.Kind.class)
    void accountsKeepTheirRolesAndLoginsAreOnePersonWhateverTheirCase(Database.Kind kind) {
        Store store = store(kind);
        User admin = someone(store, "Admin", Role.ADMIN, Role.SECRETARY);
        assertThat(admin.login()).isEqualTo("admin");
        assertThat(admin.roles()).containsExactlyInAnyOrder(Role.ADMIN, Role.SECRETARY);
        boolean taken = store.read(tx -> tx.users().loginTaken(" ADMIN "));
        assertThat(taken).isTrue();
        assertThatThrownBy(() -> someone(store, "admin", Role.VIEWER)).isInstanceOf(RuntimeException.class);
        Users.Credentials credentials = store.read(tx -> tx.users().credentials("ADMIN")).orElseThrow();
        assertThat(credentials.passwordHash()).isEqualTo("hash-Admin");

        store.transaction(tx -> {
            tx.users().setRoles(admin.id(), Set.of(Role.VIEWER));
            tx.users().setActive(admin.id(), false);
            return null;
        });
        User changed = store.read(tx -> tx.users().byId(admin.id())).orElseThrow();
        assertThat(changed.roles()).containsExactly(Role.VIEWER);
        assertThat(changed.active()).isFalse();
        long admins = store.read(tx -> tx.users().activeAdmins());
        assertThat(admins).isZero();
        List<User> all = store.read(tx -> tx.users().all());
        assertThat(all).extracting(User::login).containsExactly("admin");
    }

    @ParameterizedTest
    @EnumSource(Database.Kind.class)
    void sessionsEndAtTheirTimeAndWithTheirUser(Database.Kind kind) {
        Store store = store(kind);
        User user = someone(store, "lan", Role.SECRETARY);
        store.transaction(tx -> {
            tx.sessions().create("h1", user.id(), "csrf1", NOW, NOW.plusSeconds(3600));
            return null;
        });
        Sessions.Session open = store.read(tx -> tx.sessions().find("h1", NOW.plusSeconds(10))).orElseThrow();
        assertThat(open.user().roles()).containsExactly(Role.SECRETARY);
        assertThat(open.csrfToken()).isEqualTo("csrf1");
        var got94 = store.read(tx -> tx.sessions().find("h1", NOW.plusSeconds(3600)));
        assertThat(got94).isEmpty();
        var got95 = store.read(tx -> tx.sessions().find("other", NOW));
        assertThat(got95).isEmpty();
        store.transaction(tx -> {
            tx.users().setActive(user.id(), false);
            return null;
        });
        var got100 = store.read(tx -> tx.sessions().find("h1", NOW));
        assertThat(got100).as("a deactivated user's session").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Database.Kind.class)
    void apiTokensOpenTheirUserUntilRevoked(Database.Kind kind) {
        Store store = store(kind);
        User user = someone(store, "sys", Role.VIEWER);
        ApiTokens.Token token = store.transaction(tx -> tx.apiTokens().create(user.id(), "portal", "th", "dvk_ab12", NOW));
        var got109 = store.read(tx -> tx.apiTokens().user("th", NOW));
        assertThat(got109).map(User::login).contains("sys");
        var got110 = store.read(tx -> tx.apiTokens().of(user.id()));
        assertThat(got110).singleElement().satisfies(t -> assertThat(t.lastUsedAt()).isEqualTo(NOW));
        boolean revoked = store.transaction(tx -> tx.apiTokens().revoke(token.id(), user.id() + 1, NOW));
        assertThat(revoked).as("someone else's token").isFalse();
        revoked = store.transaction(tx -> tx.apiTokens().revoke(token.id(), user.id(), NOW));
        assertThat(revoked).isTrue();
        var got115 = store.read(tx -> tx.apiTokens().user("th", NOW));
        assertThat(got115).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Database.Kind.class)
    void theSetupLinkIsOneAtATimeUsedOnceAndExpires(Database.Kind kind) {
        Store store = store(kind);
        store.transaction(tx -> {
            tx.setupLinks().replace("old", NOW, NOW.plusSeconds(60));
            tx.setupLinks().replace("new", NOW, NOW.plusSeconds(60));
            return null;
        });
        boolean old = store.read(tx -> tx.setupLinks().valid("old", NOW));
        assertThat(old).isFalse();
        boolean late = store.read(tx -> tx.setupLinks().valid("new", NOW.plusSeconds(61)));
        assertThat(late).isFalse();
        boolean used = store.transaction(tx -> tx.setupLinks().consume("new", NOW));
        assertThat(used).isTrue();
        boolean again = store.transaction(tx -> tx.setupLinks().consume("new", NOW));
        assertThat(again).isFalse();
    }

    @org.junit.jupiter.api.Test
    void aNewEmbeddedDatabasesDirectoryIsItsOwnersOnly(@org.junit.jupiter.api.io.TempDir Path temporary) throws Exception {
        Path made = temporary.resolve("dvk-data");
        Database.embedded(made);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(made))).isEqualTo("rwx------");
        Path shared = Files.createDirectories(temporary.resolve("shared"));
        Files.writeString(shared.resolve("someone-else's.txt"), "x");
        Files.setPosixFilePermissions(shared, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Database.embedded(shared);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(shared)))
                .as("a directory holding something already is left as it is").isEqualTo("rwxr-xr-x");
    }

    @ParameterizedTest
    @EnumSource(Database.Kind.class)
    void theSetupLinkSentTwiceAtOnceIsUsedOnceAndAWrongTokenLeavesIt(Database.Kind kind) throws Exception {
        Store store = store(kind);
        store.transaction(tx -> {
            tx.setupLinks().replace("link", NOW, NOW.plusSeconds(60));
            return null;
        });
        boolean wrong = store.transaction(tx -> tx.setupLinks().consume("guessed", NOW));
        assertThat(wrong).isFalse();
        boolean left = store.read(tx -> tx.setupLinks().valid("link", NOW));
        assertThat(left).isTrue();

        java.util.concurrent.CountDownLatch firstUsed = new java.util.concurrent.CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Boolean> first = pool.submit(() -> store.transaction(tx -> {
                boolean used = tx.setupLinks().consume("link", NOW);
                firstUsed.countDown();
                Thread.sleep(300); // the second is sent meanwhile, and waits for this one
                return used;
            }));
            firstUsed.await();
            Future<Boolean> second = pool.submit(() -> store.transaction(tx -> tx.setupLinks().consume("link", NOW)));
            assertThat(first.get()).isTrue();
            assertThat(second.get()).isFalse();
        } finally {
            pool.shutdown();
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Kind.class)
    void aSessionIsOpenedFromTheHashAnActiveAccountStillHasAndAdministratorsAreLockedBeforeAChange(Database.Kind kind) {
        Store store = store(kind);
        User admin = someone(store, "chief", Role.ADMIN);
        User clerk = someone(store, "clerk", Role.SECRETARY);
        Optional<String> hash = store.transaction(tx -> {
            tx.users().lockAdministrators();
            return tx.users().lockedPasswordHash(clerk.id());
        });
        assertThat(hash).contains("hash-clerk");
        store.transaction(tx -> {
            tx.users().setActive(clerk.id(), false);
            return null;
        });
        Optional<String> inactive = store.transaction(tx -> tx.users().lockedPasswordHash(clerk.id()));
        assertThat(inactive).isEmpty();
        assertThat(admin.roles()).containsExactly(Role.ADMIN);
    }

    @ParameterizedTest
    @EnumSource(Database.Kind.class)
    void aRoundKeepsItsFileItsRulesAndEveryDecision(Database.Kind kind) throws Exception {
        Store store = store(kind);
        User secretary = someone(store, "thu", Role.SECRETARY);
        Rounds.Version version = store.transaction(tx -> {
            tx.ruleSets().remember(rules, NOW);
            tx.ruleSets().remember(rules, NOW);
            long round = tx.rounds().create(2024, "Gia Lâm 2024", secretary.id(), NOW);
            return tx.rounds().addVersion(round, sampleVersion, secretary.id(), NOW);
        });
        assertThat(version.number()).isEqualTo(1);
        assertThat(version.records()).isEqualTo(60);
        assertThat(version.decided()).isEqualTo(sample.decisions().size());
        assertThat(version.ruleSet()).isEqualTo(sample.rules().fingerprint()).startsWith("sha256:");
        assertThat(version.uploadedBy()).isEqualTo("thu");
        assertThat(JSON.readTree(version.summaryJson()).path("titles").path("CITY_MODEL").asInt()).isEqualTo(3);

        byte[] input = store.read(tx -> tx.rounds().input(version.id())).orElseThrow();
        assertThat(input).isEqualTo(Files.readAllBytes(SAMPLE));
        byte[] decisions = new GZIPInputStream(new ByteArrayInputStream(
                store.read(tx -> tx.rounds().decisionsGzip(version.id())).orElseThrow())).readAllBytes();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        dvk.report.DecisionJsonWriter.write(sample, dvk.report.Words.vietnamese(), expected);
        assertThat(decisions).as("the data contract's JSON, as dvk evaluate writes it").isEqualTo(expected.toByteArray())
                .isEqualTo(RoundContent.document(sample));
        assertThat(RoundContent.sha256(decisions)).isEqualTo(version.decisionsSha256());

        byte[] files = store.read(tx -> tx.ruleSets().files(version.ruleSet())).orElseThrow();
        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(files))) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) names.add(e.getName());
        }
        assertThat(names).contains("ruleset.json", "titles.json").anyMatch(n -> n.endsWith(".drl"));
        var got170 = store.read(tx -> tx.ruleSets().find(version.ruleSet()));
        assertThat(got170).get()
                .satisfies(r -> assertThat(r.titlesJson()).contains("CITY_MODEL"));

        Rounds.DecisionRow first = store.read(tx -> tx.rounds().decision(version.id(), 0)).orElseThrow();
        JsonNode detail = JSON.readTree(first.detailJson());
        assertThat(detail).as("a row's decision is the document's, without its indentation")
                .isEqualTo(JSON.readTree(decisions).path("decisions").get(0));
        assertThat(first.detailJson()).doesNotContain("\n");
        assertThat(detail.path("id").asText()).isEqualTo(first.nominationId()).isEqualTo(sample.decisions().get(0).nomination().id());
        assertThat(first.titles()).containsExactlyInAnyOrderElementsOf(sample.decisions().get(0).awards().stream().map(a -> a.title()).distinct().toList());
        var got177 = store.read(tx -> tx.rounds().decision(version.id(), first.nominationId()));
        assertThat(got177).isPresent();
        List<String> details = store.read(tx -> tx.rounds().details(version.id()));
        assertThat(details).hasSize(sample.decisions().size());
    }

    @ParameterizedTest
    @EnumSource(Database.Kind.class)
    void decisionsFilterByDistrictTitleTypeAndTextWithoutAccents(Database.Kind kind) {
        Store store = store(kind);
        User secretary = someone(store, "thu", Role.SECRETARY);
        Rounds.Version version = store.transaction(tx -> {
            tx.ruleSets().remember(rules, NOW);
            return tx.rounds().addVersion(tx.rounds().create(2024, "GL", secretary.id(), NOW), sampleVersion, secretary.id(), NOW);
        });
        long id = version.id();
        Rounds.Page<Rounds.DecisionRow> all = store.read(tx -> tx.rounds().decisions(id, Rounds.Filter.all(500)));
        assertThat(all.total()).isEqualTo(sample.decisions().size());
        assertThat(all.items()).extracting(Rounds.DecisionRow::position).isSorted();

        Rounds.Page<Rounds.DecisionRow> cityModels = store.read(tx -> tx.rounds().decisions(id,
                new Rounds.Filter(null, "CITY_MODEL", null, null, 0, 500)));
        assertThat(cityModels.total()).isEqualTo(sample.count("CITY_MODEL"));
        assertThat(cityModels.items()).allSatisfy(r -> assertThat(r.titles()).contains("CITY_MODEL"));

        long none = sample.decisions().stream().filter(d -> d.awards().isEmpty()).count();
        assertThat(store.read(tx -> tx.rounds().decisions(id, new Rounds.Filter(null, Rounds.Filter.NO_TITLE, null, null, 0, 5))).total())
                .isEqualTo(none);
        long works = sample.decisions().stream().filter(d -> d.nomination().type().name().equals("WORK")).count();
        assertThat(store.read(tx -> tx.rounds().decisions(id, new Rounds.Filter(null, null, "WORK", null, 0, 5))).total())
                .isEqualTo(works);

        var named = sample.decisions().get(3).nomination();
        String unaccented = Texts.folded(named.commune());
        Rounds.Page<Rounds.DecisionRow> found = store.read(tx -> tx.rounds().decisions(id,
                new Rounds.Filter(named.district(), null, null, unaccented.toUpperCase(), 0, 500)));
        assertThat(found.items()).extracting(Rounds.DecisionRow::nominationId).contains(named.id());
        long percent = sample.decisions().stream().filter(d -> d.nomination().name().contains("%")).count();
        assertThat(percent).isPositive().isLessThan(all.total());
        assertThat(store.read(tx -> tx.rounds().decisions(id, new Rounds.Filter(null, null, null, "%", 0, 5))).total())
                .as("a % is a character, not a wildcard").isEqualTo(percent);
        assertThat(store.read(tx -> tx.rounds().decisions(id, new Rounds.Filter(null, null, null, "' or 1=1 --", 0, 5))).total()).isZero();

        Rounds.Page<Rounds.DecisionRow> second = store.read(tx -> tx.rounds().decisions(id, new Rounds.Filter(null, null, null, null, 10, 10)));
        assertThat(second.items()).hasSize(10).first().extracting(Rounds.DecisionRow::position).isEqualTo(all.items().get(10).position());

        Map<String, Map<String, Long>> byDistrict = store.read(tx -> tx.rounds().titlesByDistrict(id));
        long districtModels = byDistrict.values().stream().mapToLong(m -> m.getOrDefault("DISTRICT_MODEL", 0L)).sum();
        assertThat(districtModels).isEqualTo(sample.count("DISTRICT_MODEL"));
        List<String> districts = store.read(tx -> tx.rounds().districts(id));
        assertThat(districts).contains(named.district());
    }

    @ParameterizedTest
    @EnumSource(Database.Kind.class)
    void uploadsToOneRoundAtOnceGetConsecutiveVersionsAndNothingIsOverwritten(Database.Kind kind) throws Exception {
        Store store = store(kind);
        User secretary = someone(store, "thu", Role.SECRETARY);
        long round = store.transaction(tx -> {
            tx.ruleSets().remember(rules, NOW);
            return tx.rounds().create(2024, "GL", secretary.id(), NOW);
        });
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> numbers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            numbers.add(pool.submit(() -> store.transaction(tx -> tx.rounds().addVersion(round, sampleVersion, secretary.id(), NOW)).number()));
        }
        List<Integer> got = new ArrayList<>();
        for (Future<Integer> n : numbers) got.add(n.get());
        pool.shutdown();
        assertThat(got).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6);
        List<Rounds.Version> versions = store.read(tx -> tx.rounds().versions(round));
        assertThat(versions).extracting(Rounds.Version::number).containsExactly(1, 2, 3, 4, 5, 6);
        var got247 = store.read(tx -> tx.rounds().round(round));
        assertThat(got247).get().satisfies(r -> {
            assertThat(r.versions()).isEqualTo(6);
            assertThat(r.latest().number()).isEqualTo(6);
        });
        List<Rounds.Round> rounds = store.read(tx -> tx.rounds().list());
        assertThat(rounds).singleElement().satisfies(r -> assertThat(r.latest().number()).isEqualTo(6));
    }

    @ParameterizedTest
    @EnumSource(Database.Kind.class)
    void aFailureMidwayStoresNothing(Database.Kind kind) {
        Store store = store(kind);
        User secretary = someone(store, "thu", Role.SECRETARY);
        assertThatThrownBy(() -> store.transaction(tx -> {
            tx.ruleSets().remember(rules, NOW);
            long round = tx.rounds().create(2024, "GL", secretary.id(), NOW);
            tx.rounds().addVersion(round, sampleVersion, secretary.id(), NOW);
            tx.audit().record(Actor.of(secretary, null), NOW, "round.create", "round:" + round, null, "{}");
            throw new IllegalStateException("the disk is full");
        })).hasMessageContaining("the disk is full");
        List<Rounds.Round> rounds = store.read(tx -> tx.rounds().list());
        assertThat(rounds).isEmpty();
        long audit = store.read(tx -> tx.audit().count());
        assertThat(audit).isZero();
        boolean known = store.read(tx -> tx.ruleSets().known(rules.fingerprint()));
        assertThat(known).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Database.Kind.class)
    void theAuditLogListsNewestFirstAndBySubject(Database.Kind kind) {
        Store store = store(kind);
        User admin = someone(store, "admin", Role.ADMIN);
        store.transaction(tx -> {
            tx.audit().record(Actor.setup("10.0.0.1"), NOW, "user.create", "user:1", null, "{\"login\":\"admin\"}");
            tx.audit().record(Actor.of(admin, "10.0.0.2"), NOW.plusSeconds(1), "user.roles", "user:2", "[\"VIEWER\"]", "[\"SECRETARY\"]");
            return null;
        });
        List<AuditLog.Entry> newest = store.read(tx -> tx.audit().newest(0, 10));
        assertThat(newest).extracting(AuditLog.Entry::action).containsExactly("user.roles", "user.create");
        assertThat(newest.get(0).before()).isEqualTo("[\"VIEWER\"]");
        assertThat(newest.get(1).actor()).isEqualTo("setup");
        var got289 = store.read(tx -> tx.audit().about("user:2"));
        assertThat(got289).singleElement().extracting(AuditLog.Entry::ip).isEqualTo("10.0.0.2");
    }
}
