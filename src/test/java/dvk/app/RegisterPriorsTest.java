package dvk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dvk.domain.Batch;
import dvk.domain.Decision;
import dvk.domain.Indexed;
import dvk.domain.Level;
import dvk.domain.Nomination;
import dvk.engine.Evaluation;
import dvk.engine.Evaluator;
import dvk.testing.NominationBuilder;
import dvk.testing.TestRules;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The register feeding the next review: what the rules are given, and what is flagged on the card. */
class RegisterPriorsTest {
    private static final RegisterPriors.Known DISTRICT_MODEL_2023 = new RegisterPriors.Known(2023, Level.DISTRICT, "DISTRICT_MODEL", "123/QĐ-UBND");
    private static final RegisterPriors.Known GIAY_KHEN_2023 = new RegisterPriors.Known(2023, Level.DISTRICT, "DISTRICT_GIAY_KHEN", "124/QĐ-UBND");

    @Test
    void theRegistersTitlesAreMergedWithTheTypedOnesEachWithItsSourceAndEveryUnbackedClaimIsFlagged() {
        Nomination typed = code(NominationBuilder.model("A").noPriors().prior(2022, Level.COMMUNE, "COMMUNE_MODEL")
                .prior(2023, Level.DISTRICT, "DISTRICT_MODEL").prior(2021, Level.DISTRICT, "DISTRICT_GIAY_KHEN"), "MH-000001");
        Nomination unknown = code(NominationBuilder.model("B"), "MH-999999");
        Nomination none = NominationBuilder.model("C").build();
        Batch batch = new Batch(2024, List.of(new Indexed<>(0, typed), new Indexed<>(1, unknown), new Indexed<>(2, none)), List.of());
        assertThat(RegisterPriors.codes(batch)).containsExactly("MH-000001", "MH-999999");

        RegisterPriors.Result result = RegisterPriors.merge(batch, Map.of("MH-000001", List.of(DISTRICT_MODEL_2023, GIAY_KHEN_2023)),
                Set.of("MH-000001"));

        RegisterPriors.Merged a = result.merged().get(0);
        assertThat(a.position()).isZero();
        assertThat(a.known()).isTrue();
        assertThat(a.priors()).containsExactly(
                new RegisterPriors.Prior(2021, Level.DISTRICT, "DISTRICT_GIAY_KHEN", RegisterPriors.TYPED, null),
                new RegisterPriors.Prior(2022, Level.COMMUNE, "COMMUNE_MODEL", RegisterPriors.TYPED, null),
                new RegisterPriors.Prior(2023, Level.DISTRICT, "DISTRICT_GIAY_KHEN", RegisterPriors.REGISTER, "124/QĐ-UBND"),
                new RegisterPriors.Prior(2023, Level.DISTRICT, "DISTRICT_MODEL", RegisterPriors.BOTH, "123/QĐ-UBND"));
        assertThat(a.flags()).containsExactly(
                new RegisterPriors.Flag(2022, Level.COMMUNE, "COMMUNE_MODEL", List.of()),
                new RegisterPriors.Flag(2021, Level.DISTRICT, "DISTRICT_GIAY_KHEN", List.of(2023)));
        assertThat(result.batch().accepted().get(0).value().priorRecognitions()).as("nothing typed is dropped").hasSize(4);

        RegisterPriors.Merged b = result.merged().get(1);
        assertThat(b.known()).isFalse();
        assertThat(b.flags()).isEmpty();
        assertThat(result.batch().accepted().get(1).value().priorRecognitions()).isEqualTo(unknown.priorRecognitions());
        assertThat(result.merged()).as("a nomination without a code is left as typed").hasSize(2);
        assertThat(result.batch().accepted().get(2).value()).isEqualTo(none);

        Batch replayed = RegisterPriors.replay(batch, Map.of(0, a.priors()));
        assertThat(replayed.accepted().get(0).value()).isEqualTo(result.batch().accepted().get(0).value());
    }

    @Test
    void theRegistersTitlesDecideAsPriorsDo() {
        // typed: only the commune recognition; the district model of 2023 and a Giấy khen of 2023 are in the register
        Nomination model = code(NominationBuilder.model("GL-1").noPriors().prior(2022, Level.COMMUNE, "COMMUNE_MODEL"), "MH-000001");
        Batch batch = new Batch(2024, List.of(new Indexed<>(0, model)), List.of());
        Evaluator evaluator = new Evaluator(TestRules.standard());

        Decision typedOnly = evaluator.evaluate(batch).decisions().get(0);
        assertThat(TestRules.titles(typedOnly)).contains("DISTRICT_MODEL", "DISTRICT_GIAY_KHEN").doesNotContain("CITY_MODEL");

        Batch merged = RegisterPriors.merge(batch, Map.of("MH-000001", List.of(DISTRICT_MODEL_2023, GIAY_KHEN_2023)), Set.of("MH-000001"))
                .batch();
        Evaluation withRegister = evaluator.evaluate(merged);
        Decision decided = withRegister.decisions().get(0);
        assertThat(TestRules.titles(decided)).as("the district model of 2023 opens the city title; the Giấy khen of 2023 bars a repeat")
                .contains("DISTRICT_MODEL", "CITY_MODEL").doesNotContain("DISTRICT_GIAY_KHEN");
        assertThat(TestRules.failed(decided, "DISTRICT_GIAY_KHEN")).contains("no-repeat-giay-khen");
    }

    private static Nomination code(NominationBuilder builder, String code) {
        Nomination n = builder.build();
        return new Nomination(n.id(), n.name(), n.type(), n.kind(), n.field(), n.sponsor(), n.commune(), n.district(), n.city(),
                n.startDate(), n.completedDate(), n.fundsVnd(), n.laborDays(), n.beneficiaries(), n.replicationSites(),
                n.approvalPercent(), n.totalValueVnd(), n.peopleContributionVnd(), n.priorRecognitions(), n.violations(), n.dossier(),
                code, null);
    }
}
