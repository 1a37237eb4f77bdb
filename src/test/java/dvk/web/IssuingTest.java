package dvk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dvk.store.Actor;
import dvk.store.Council;
import dvk.store.Database;
import dvk.store.Role;
import dvk.store.Rounds;
import dvk.store.Store;
import dvk.store.TestDatabases;
import dvk.store.User;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issuing a round is one transaction: a failure halfway through writing the register leaves the
 * round unissued and the register as it was; two secretaries issuing at once give one decision,
 * the other refused with its number. On H2 and PostgreSQL.
 */
class IssuingTest {
    private static final CouncilService.IssueRequest REQUEST = new CouncilService.IssueRequest("123/QĐ-UBND", LocalDate.of(2024, 12, 15),
            "Nguyễn Văn Ký");

    private record Setup(Store store, RoundService rounds, Actor secretary, Rounds.Round round, Rounds.Version version) {}

    private static Setup setup(Database.Kind kind) {
        Store store = new Store(TestDatabases.migrated(kind));
        User user = store.transaction(tx -> tx.users().create("thu", "Thư", "hash", Set.of(Role.SECRETARY), Instant.now()));
        Actor actor = Actor.of(user, "127.0.0.1");
        RoundService rounds = new RoundService(store, new RulesInForce(TestWorkspace.rules()), Clock.systemUTC(), 2, Duration.ofMinutes(2));
        Rounds.Version version = rounds.upload(new RoundService.Upload(null, 2024, "Gia Lâm 2024", "gia-lam-2024.json",
                WorkspaceTest.SAMPLE_JSON, null), actor, timing -> {});
        Rounds.Round round = store.read(tx -> tx.rounds().round(version.roundId())).orElseThrow();
        return new Setup(store, rounds, actor, round, version);
    }

    @ParameterizedTest
    @EnumSource(Database.Kind.class)
    void aFailureHalfwayThroughIssuingLeavesTheRoundUnissuedAndTheRegisterUntouched(Database.Kind kind) {
        Setup s = setup(kind);
        List<Integer> told = new ArrayList<>();
        CouncilService failing = new CouncilService(s.store(), s.rounds(), Clock.systemUTC(), written -> {
            told.add(written);
            throw new IllegalStateException("the process died here");
        });
        assertThatThrownBy(() -> failing.issue(s.round(), s.version(), REQUEST, s.secretary())).hasMessageContaining("the process died here");
        assertThat(told).singleElement().as("half the titles were written when it failed").isEqualTo(26);
        assertThat(s.store().<Long>read(tx -> tx.register().count())).isZero();
        assertThat(s.store().<Boolean>read(tx -> tx.council().roundIssued(s.round().id()))).isFalse();
        List<Council.RoundDecision> decisions = s.store().read(tx -> tx.council().decisions(s.round().id()));
        assertThat(decisions).isEmpty();
        List<String> actions = s.store().read(tx -> tx.audit().about("round:" + s.round().id())).stream().map(a -> a.action()).toList();
        assertThat(actions).doesNotContain("round.issue");
        long models = s.store().read(tx -> tx.register().search(dvk.store.Register.Search.all(10)).total());
        assertThat(models).isZero();

        // the round is issued afterwards as if nothing had happened; model codes start from where the sequence is
        Council.RoundDecision issued = new CouncilService(s.store(), s.rounds(), Clock.systemUTC()).issue(s.round(), s.version(), REQUEST,
                s.secretary());
        assertThat(issued.titles()).isEqualTo(53);
        assertThat(s.store().<Long>read(tx -> tx.register().count())).isEqualTo(53);
    }

    @ParameterizedTest
    @EnumSource(Database.Kind.class)
    void twoSecretariesIssuingAtOnceGiveOneDecisionAndTheOtherIsTold(Database.Kind kind) throws Exception {
        Setup s = setup(kind);
        CouncilService council = new CouncilService(s.store(), s.rounds(), Clock.systemUTC());
        s.rounds().evaluation(s.version()); // in memory for both
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<Future<Object>> outcomes = new ArrayList<>();
        for (String number : List.of("123/QĐ-UBND", "124/QĐ-UBND")) {
            outcomes.add(threads.submit(() -> {
                together.await();
                try {
                    return council.issue(s.round(), s.version(), new CouncilService.IssueRequest(number, REQUEST.date(), REQUEST.signer()),
                            s.secretary());
                } catch (Refusal refusal) {
                    return refusal;
                }
            }));
        }
        List<Object> results = new ArrayList<>();
        for (Future<Object> outcome : outcomes) results.add(outcome.get());
        threads.shutdown();
        assertThat(results).filteredOn(r -> r instanceof Council.RoundDecision).hasSize(1);
        assertThat(results).filteredOn(r -> r instanceof Refusal).singleElement()
                .satisfies(r -> {
                    assertThat(((Refusal) r).status).isEqualTo(409);
                    assertThat(((Refusal) r).code).isEqualTo("already-issued");
                });
        List<Council.RoundDecision> decisions = s.store().read(tx -> tx.council().decisions(s.round().id()));
        assertThat(decisions).hasSize(1);
        assertThat(s.store().<Long>read(tx -> tx.register().count())).as("the titles once").isEqualTo(53);
    }
}
