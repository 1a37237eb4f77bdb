package dvk.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThresholdEditTest {
    private static final Path DISTRICT_MODEL = Path.of("rules/2024-2025/district-model.drl");

    @Test
    void findsEachCriterionThresholdWithItsRuleAndPlace() throws Exception {
        List<ThresholdEdit.Literal> found = ThresholdEdit.find(Files.readString(DISTRICT_MODEL, StandardCharsets.UTF_8));
        assertThat(found).extracting(ThresholdEdit.Literal::id)
                .containsExactly("district-model.months-running", "district-model.min-score", "district-model.min-approval");
        ThresholdEdit.Literal months = found.get(0);
        assertThat(months.criterion()).isEqualTo("months-running");
        assertThat(months.title()).isEqualTo("DISTRICT_MODEL");
        assertThat(months.quantity()).isEqualTo("months");
        assertThat(months.literal()).isEqualTo("12");
        assertThat(months.requirement()).isEqualTo(">= 12");
        assertThat(months.line()).isEqualTo(23);
        assertThat(months.column()).isEqualTo("    insertLogical(Check.atLeast(kcontext, $n.id(), $m.months(), ".length() + 1);
    }

    @Test
    void loweringDistrictModelsMonthsChangesThoseTwoBytesAndNothingElse() throws Exception {
        byte[] before = Files.readAllBytes(DISTRICT_MODEL);
        String text = new String(before, StandardCharsets.UTF_8);
        String after = ThresholdEdit.rewrite(text, "district-model.months-running", 23, "12", "10");
        byte[] written = after.getBytes(StandardCharsets.UTF_8);
        int at = text.indexOf("$m.months(), 12)") + "$m.months(), ".length();
        int byteAt = text.substring(0, at).getBytes(StandardCharsets.UTF_8).length;
        assertThat(written.length).isEqualTo(before.length);
        for (int i = 0; i < before.length; i++) {
            if (i == byteAt) assertThat(new String(written, i, 2, StandardCharsets.UTF_8)).isEqualTo("10");
            else if (i != byteAt + 1) assertThat(written[i]).as("byte %d", i).isEqualTo(before[i]);
        }
    }

    @Test
    void aLiteralWithUnderscoresAndASuffixKeepsItsSuffix() throws Exception {
        String text = rule("Check.atLeast(kcontext, $n.id(), $n.totalValueVnd(), 50_000_000L)");
        assertThat(ThresholdEdit.rewrite(text, "r.value", 9, "50_000_000L", "60000000"))
                .isEqualTo(rule("Check.atLeast(kcontext, $n.id(), $n.totalValueVnd(), 60000000L)"));
    }

    @Test
    void theShareOfAShareCheckAndTheQuotaAreTheirLastArgument() throws Exception {
        String text = rule("Check.shareAtLeast(kcontext, $n.id(), $n.peopleContributionVnd(), $n.totalValueVnd(), 50)");
        ThresholdEdit.Literal share = ThresholdEdit.find(text).get(0);
        assertThat(share.requirement()).isEqualTo(">= 50%");
        assertThat(ThresholdEdit.rewrite(text, "r.value", 9, "50", "60")).isEqualTo(text.replace(", 50)", ", 60)"));
    }

    @Test
    void refusesAnExpressionTwoCallsOnALineAChangedFileAndWhatIsNoNumber() {
        String expression = rule("Check.atLeast(kcontext, $n.id(), $m.months(), 6 * 2)");
        assertThatThrownBy(() -> ThresholdEdit.rewrite(expression, "r.value", 9, "6 * 2", "10"))
                .isInstanceOf(ThresholdEdit.Refused.class).hasMessageContaining("not a number");
        String twice = rule("Check.atLeast(kcontext, $n.id(), $m.months(), 12)); insertLogical(Check.atLeast(kcontext, $n.id(), $m.months(), 12)");
        assertThatThrownBy(() -> ThresholdEdit.rewrite(twice, "r.value", 9, "12", "10"))
                .isInstanceOf(ThresholdEdit.Refused.class).hasMessageContaining("2 thresholds");
        String text = rule("Check.atLeast(kcontext, $n.id(), $m.months(), 12)");
        assertThatThrownBy(() -> ThresholdEdit.rewrite(text, "r.value", 9, "18", "10"))
                .isInstanceOf(ThresholdEdit.Refused.class).hasMessageContaining("changed");
        assertThatThrownBy(() -> ThresholdEdit.rewrite(text, "r.value", 8, "12", "10"))
                .isInstanceOf(ThresholdEdit.Refused.class).hasMessageContaining("no threshold on line 8");
        for (String wrong : List.of("", "ten", "-1", "1e3", "10); System.exit(0", "12.5", "99999999999")) {
            assertThatThrownBy(() -> ThresholdEdit.rewrite(text, "r.value", 9, "12", wrong)).as(wrong)
                    .isInstanceOf(ThresholdEdit.Refused.class);
        }
    }

    @Test
    void aCallInACommentOrAStringIsNoThreshold() {
        String text = rule("Check.atLeast(kcontext, $n.id(), $m.months(), 12)")
                .replace("then\n", "then\n    // Check.atLeast(kcontext, $n.id(), $m.months(), 99)\n    String s = \"Check.atLeast(a, b, c, 98)\";\n");
        assertThat(ThresholdEdit.find(text)).extracting(ThresholdEdit.Literal::literal).containsExactly("12");
    }

    private static String rule(String call) {
        return """
                package dvk.rules;

                rule "r: value"
                    @id("r.value") @title("T") @criterion("value")
                    @cite("x")
                when
                    $n : Nomination()
                then
                    insertLogical(%s);
                end
                """.formatted(call);
    }
}
