package dvk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dvk.app.Evaluations;
import dvk.engine.Evaluation;
import dvk.engine.RuleSet;
import dvk.testing.TestRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The council's and the register's repositories, against H2 and a real PostgreSQL alike. */
class RegisterStoreTest {
    private static final Path SAMPLE = Path.of("fixtures/samples/gia-lam-2024.json");
    private static final Instant NOW = Instant.parse("2026-03-04T05:06:07Z");
    private static final LocalDate ISSUED_ON = LocalDate.of(2024, 12, 15);
    private static Rounds.NewVersion sampleVersion;
    private static RuleSets.StoredRuleSet rules;

    @BeforeAll
    static void evaluateTheSample() throws Exception {
        RuleSet standard = TestRules.standard();
        Evaluation sample = new Evaluations().collect(SAMPLE, standard);
        sampleVersion = RoundContent.of(sample, "gia-lam-2024.json", Files.readAllBytes(SAMPLE), null);
        rules = RoundContent.ruleSet(standard, TestRules.RULES);
    }

    /** A store with a secretary and the sample as round 1's first version. */
    private record Setup(Store store, User secretary, long roundId, Rounds.Version version) {}

    private static Setup setup(Database.Kind kind) {
        Store store = new Store(TestDatabases.migrated(kind));
        User secretary = store.transaction(tx -> tx.users().create("thu", "Thư", "hash", Set.of(Role.SECRETARY), NOW));
        Rounds.Version version = store.transaction(tx -> {
            tx.ruleSets().remember(rules, NOW);
            long round = tx.rounds().create(2024, "Gia Lâm 2024", secretary.id(), NOW);
            return tx.rounds().addVersion(round, sampleVersion, secretary.id(), NOW);
        });
        return new Setup(store, secretary, version.roundId(), version);
    }

    @ParameterizedTest
    @EnumSource(Database.Kind.class)
    void anOverrideNeedsAReasonInTheRepositoryAndInTheSchema(Database.Kind kind) {
        Setup s = setup(kind);
        long versionId = s.version().id();
        assertThatThrownBy(() -> s.store().transaction(tx -> {
            tx.council().override(versionId, 0, "CITY_MODEL", Council.Verdict.GRANT, "   ", s.secretary().id(), NOW);
            return null;
        })).isInstanceOf(Council.ReasonRequired.class);
        // past the repository, straight into the table: the check constraint refuses it too
        assertThatThrownBy(() -> s.store().transaction(tx -> {
            Handle handle = handleOf(tx);
            handle.execute("insert into council_verdicts (version_id, position, title, verdict, reason, decided_by, decided_at)"
                    + " values (?, 0, 'CITY_MODEL', 'GRANT', ' ', ?, ?)", versionId, s.secretary().id(), java.sql.Timestamp.from(NOW));
            return null;
        })).isInstanceOf(RuntimeException.class);

        s.store().transaction(tx -> {
            tx.council().override(versionId, 0, "CITY_MODEL", Council.Verdict.GRANT, " Hiệu quả vượt trội ", s.secretary().id(), NOW);
            tx.council().override(versionId, 1, "DISTRICT_MODEL", Council.Verdict.WITHHOLD, "Hồ sơ thiếu chữ ký", s.secretary().id(), NOW);
            // a second verdict on the same title replaces the first
            tx.council().override(versionId, 0, "CITY_MODEL", Council.Verdict.GRANT, "Hiệu quả vượt trội, đã xác minh", s.secretary().id(), NOW);
            return null;
        });
        List<Council.Override> overrides = s.store().read(tx -> tx.council().overrides(versionId));
        assertThat(overrides).extracting(Council.Override::position, Council.Override::title, Council.Override::verdict,
                Council.Override::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(0, "CITY_MODEL", Council.Verdict.GRANT, "Hiệu quả vượt trội, đã xác minh"),
                org.assertj.core.groups.Tuple.tuple(1, "DISTRICT_MODEL", Council.Verdict.WITHHOLD, "Hồ sơ thiếu chữ ký"));
        assertThat(overrides.get(0).decidedBy()).isEqualTo("thu");
        boolean taken = s.store().transaction(tx -> tx.council().asRecommended(versionId, 1, "DISTRICT_MODEL"));
        assertThat(taken).isTrue();
        assertThat(s.store().<List<Council.Override>>read(tx -> tx.council().overrides(versionId))).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Database.Kind.class)
    void aRoundIsIssuedOnceItsTitlesGoIntoTheRegisterAndARevocationMarksThem(Database.Kind kind) {
        Setup s = setup(kind);
        Council.RoundDecision decision = s.store().transaction(tx -> {
            tx.council().lock(s.roundId());
            Council.RoundDecision d = tx.council().issue(s.roundId(), s.version().id(), " 123/QĐ-UBND ", ISSUED_ON, "Nguyễn Văn Ký", 2,
                    s.secretary().id(), NOW);
            String code = tx.register().newModel("MODEL", "Tổ đoàn kết phố Đức Giang", "Đức Giang", "Long Biên", "Hà Nội", NOW);
            tx.register().add(List.of(
                    entry(code, "DISTRICT_MODEL", "Tổ đoàn kết phố Đức Giang", "Đức Giang", "Long Biên", d.id()),
                    entry(code, "DISTRICT_GIAY_KHEN", "Tổ đoàn kết phố Đức Giang", "Đức Giang", "Long Biên", d.id())), NOW);
            return d;
        });
        assertThat(decision.number()).isEqualTo("123/QĐ-UBND");
        assertThat(decision.versionNumber()).isEqualTo(1);
        assertThat(decision.madeBy()).isEqualTo("thu");
        Council.Issued issued = s.store().read(tx -> tx.council().issued(s.roundId())).orElseThrow();
        assertThat(issued.decision()).isEqualTo(decision);

        // a second decision on the round is refused by the schema, whatever the caller checked
        assertThatThrownBy(() -> s.store().transaction(tx -> tx.council().issue(s.roundId(), s.version().id(), "124/QĐ-UBND", ISSUED_ON,
                "Người khác", 0, s.secretary().id(), NOW))).isInstanceOf(RuntimeException.class);
        assertThat(s.store().<List<Council.RoundDecision>>read(tx -> tx.council().decisions(s.roundId()))).hasSize(1);

        List<Register.Entry> titles = s.store().read(tx -> tx.register().issuedBy(decision.id()));
        assertThat(titles).hasSize(2).allSatisfy(e -> {
            assertThat(e.modelCode()).isEqualTo("MH-000001");
            assertThat(e.decisionNumber()).isEqualTo("123/QĐ-UBND");
            assertThat(e.decisionDate()).isEqualTo(ISSUED_ON);
            assertThat(e.revoked()).isFalse();
        });
        Map<String, List<Register.Entry>> byCode = s.store().read(tx -> tx.register().titlesOf(List.of("MH-000001", "MH-999999")));
        assertThat(byCode).containsOnlyKeys("MH-000001");
        assertThat(s.store().<Set<String>>read(tx -> tx.register().known(List.of("MH-000001", "MH-999999")))).containsExactly("MH-000001");

        Council.RoundDecision revoking = s.store().transaction(tx -> {
            tx.council().lock(s.roundId());
            Council.Issued inForce = tx.council().issued(s.roundId()).orElseThrow();
            Council.RoundDecision r = tx.council().revoke(inForce, "130/QĐ-UBND", ISSUED_ON.plusDays(5), "Nguyễn Văn Ký", "Sai sót",
                    s.secretary().id(), NOW);
            assertThat(tx.register().revoke(inForce.decision().id(), r.id(), r.number())).isEqualTo(2);
            return r;
        });
        assertThat(revoking.revokes()).isEqualTo(decision.id());
        assertThat(s.store().<java.util.Optional<Council.Issued>>read(tx -> tx.council().issued(s.roundId()))).isEmpty();
        assertThat(s.store().<List<Register.Entry>>read(tx -> tx.register().issuedBy(decision.id()))).allMatch(e -> "130/QĐ-UBND".equals(e.revokedNumber()));
        assertThat(s.store().<Map<String, List<Register.Entry>>>read(tx -> tx.register().titlesOf(List.of("MH-000001")))).as("revoked titles are no priors").isEmpty();
        assertThat(s.store().<List<Register.Count>>read(tx -> tx.register().counts())).as("nor counted").isEmpty();
        // issued again after the revocation, under a new number
        s.store().transaction(tx -> tx.council().issue(s.roundId(), s.version().id(), "131/QĐ-UBND", ISSUED_ON.plusDays(6), "Nguyễn Văn Ký", 0,
                s.secretary().id(), NOW));
        assertThat(s.store().<List<Council.RoundDecision>>read(tx -> tx.council().decisions(s.roundId()))).extracting(Council.RoundDecision::kind)
                .containsExactly("ISSUE", "REVOKE", "ISSUE");
    }

    @ParameterizedTest
    @EnumSource(Database.Kind.class)
    void theRegisterIsSearchedWithoutAccentsByNameCommuneDistrictYearAndTitle(Database.Kind kind) {
        Setup s = setup(kind);
        s.store().transaction(tx -> {
            Register r = tx.register();
            String duc = r.newModel("MODEL", "Tổ đoàn kết phố Đức Giang", "Đức Giang", "Long Biên", "Hà Nội", NOW);
            String bat = r.newModel("MODEL", "Gốm sứ Bát Tràng 100% tự nguyện", "Bát Tràng", "Gia Lâm", "Hà Nội", NOW);
            String work = r.newModel("WORK", "Đường làng Đa Tốn", "Đa Tốn", "Gia Lâm", "Hà Nội", NOW);
            r.knownModel("HN-2019-7", "MODEL", "Mô hình cũ", "Kiêu Kỵ", "Gia Lâm", "Hà Nội", NOW);
            r.knownModel("HN-2019-7", "MODEL", "Mô hình cũ", "Kiêu Kỵ", "Gia Lâm", "Hà Nội", NOW);
            r.add(List.of(entry(duc, "DISTRICT_MODEL", "Tổ đoàn kết phố Đức Giang", "Đức Giang", "Long Biên", null),
                    entry(bat, "DISTRICT_MODEL", "Gốm sứ Bát Tràng 100% tự nguyện", "Bát Tràng", "Gia Lâm", null),
                    entry(bat, "CITY_MODEL", "Gốm sứ Bát Tràng 100% tự nguyện", "Bát Tràng", "Gia Lâm", null),
                    entry(work, "DISTRICT_WORK_SIGN", "Đường làng Đa Tốn", "Đa Tốn", "Gia Lâm", null),
                    new Register.NewEntry("HN-2019-7", 2019, "COMMUNE", "COMMUNE_MODEL", "Mô hình cũ", "MODEL", null, "Kiêu Kỵ", "Gia Lâm",
                            "Hà Nội", "12/QĐ-UBND", LocalDate.of(2019, 11, 2), "UBND xã Kiêu Kỵ", "IMPORTED", null, null, false)), NOW);
            assertThat(duc).isEqualTo("MH-000001");
            assertThat(work).startsWith("CT-");
            return null;
        });
        assertThat(search(s, "duc giang", null, null, null, null)).extracting(Register.Entry::name).containsExactly("Tổ đoàn kết phố Đức Giang");
        assertThat(search(s, null, "bat trang", null, null, null)).hasSize(2);
        assertThat(search(s, null, null, "gia lam", null, null)).hasSize(4);
        assertThat(search(s, null, null, "GIA LÂM", 2024, "CITY_MODEL")).singleElement().extracting(Register.Entry::commune).isEqualTo("Bát Tràng");
        assertThat(search(s, "100%", null, null, null, null)).as("% is a character, not a pattern").hasSize(2);
        assertThat(search(s, "1_0", null, null, null, null)).as("_ is a character, not a pattern").isEmpty();
        assertThat(search(s, "12/qđ-ubnd", null, null, null, null)).extracting(Register.Entry::modelCode).containsExactly("HN-2019-7");
        assertThat(search(s, null, null, null, 2019, null)).extracting(Register.Entry::level).containsExactly("COMMUNE");
        Register.Page page = s.store().read(tx -> tx.register().search(new Register.Search(null, null, null, null, null, 2, 2)));
        assertThat(page.total()).isEqualTo(5);
        assertThat(page.entries()).hasSize(2);
        assertThat(s.store().<List<Register.Count>>read(tx -> tx.register().counts())).extracting(Register.Count::year, Register.Count::district,
                Register.Count::title, Register.Count::count).contains(org.assertj.core.groups.Tuple.tuple(2024, "Gia Lâm", "DISTRICT_MODEL", 1L));
        List<String> all = new java.util.ArrayList<>();
        s.store().read(tx -> {
            tx.register().each(e -> all.add(e.modelCode()));
            return null;
        });
        assertThat(all).hasSize(5).first().isEqualTo("HN-2019-7");
    }

    @ParameterizedTest
    @EnumSource(Database.Kind.class)
    void aVersionKeepsWhatTheRegisterToldItsEvaluation(Database.Kind kind) {
        Setup s = setup(kind);
        s.store().transaction(tx -> {
            tx.versionPriors().add(s.version().id(), List.of(new VersionPriors.Stored(3, "MH-000004", true,
                    "[{\"year\":2024,\"level\":\"DISTRICT\",\"title\":\"DISTRICT_MODEL\",\"source\":\"register\",\"decisionNumber\":\"1/QĐ\"}]",
                    "[{\"year\":2022,\"level\":\"DISTRICT\",\"title\":\"DISTRICT_MODEL\",\"registerYears\":[2024]}]")));
            return null;
        });
        VersionPriors.Stored stored = s.store().read(tx -> tx.versionPriors().of(s.version().id(), 3)).orElseThrow();
        assertThat(stored.modelCode()).isEqualTo("MH-000004");
        assertThat(stored.flagsJson()).contains("\"registerYears\":[2024]");
        assertThat(s.store().<java.util.Optional<VersionPriors.Stored>>read(tx -> tx.versionPriors().of(s.version().id(), 4))).isEmpty();
    }

    private static List<Register.Entry> search(Setup s, String text, String commune, String district, Integer year, String title) {
        return s.store().read(tx -> tx.register().search(new Register.Search(text, commune, district, year, title, 0, 100))).entries();
    }

    private static Register.NewEntry entry(String code, String title, String name, String commune, String district, Long decision) {
        String level = title.startsWith("CITY") ? "CITY" : "DISTRICT";
        return new Register.NewEntry(code, 2024, level, title, name, code.startsWith("CT") ? "WORK" : "MODEL", "ECONOMIC", commune,
                district, "Hà Nội", "123/QĐ-UBND", ISSUED_ON, "UBND huyện " + district, decision == null ? "IMPORTED" : "ISSUED",
                decision, null, false);
    }

    private static Handle handleOf(Store.Tx tx) throws Exception {
        var field = Store.Tx.class.getDeclaredField("handle");
        field.setAccessible(true);
        return (Handle) field.get(tx);
    }
}
