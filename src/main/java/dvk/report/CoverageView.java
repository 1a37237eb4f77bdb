package dvk.report;

import dvk.domain.CriterionOutcome;
import dvk.regression.Coverage;
import java.util.List;

/**
 * What the regression fixtures test, laid out once for the text, and the page
 * ({@code coverage.jte}): per rule set its criterion rules with how many fixture nominations passed
 * and failed each, its award rules with how often each awarded its title, and its thresholds with a
 * nomination exactly on each and one a unit short. Words a person reads are in the language of
 * {@code words}; names from the rules (ids, criteria, titles) are shown as written.
 */
public record CoverageView(Words words, String title, List<RuleSetView> ruleSets) {

    /** One rule set: the heading (which rules, which fixtures, how many nominations) and its rows. */
    public record RuleSetView(String heading, List<CriterionRow> criteria, List<AwardRow> awards, List<ThresholdRow> thresholds) {}

    /** A criterion rule; {@code gap} says what the fixtures never show (null when they show both), {@code note} its @coverage. */
    public record CriterionRow(String rule, String title, String criterion, int passed, int failed, String gap, String note,
                               String where) {}

    /** An award rule; {@code gap} when it never awarded its title. */
    public record AwardRow(String rule, String title, int fired, String gap, String where) {}

    /** A threshold: its rule, what it compares, the requirement, and the nominations on it and a unit short ("—" if none). */
    public record ThresholdRow(String rule, String quantity, String requirement, String on, String oneShort, String where) {
        public boolean missing() {
            return on.equals(NONE) || oneShort.equals(NONE);
        }
    }

    static final String NONE = "—";

    public static CoverageView of(Coverage coverage, Words words) {
        return new CoverageView(words, words.text("coverage.pageTitle"),
                coverage.ruleSets().stream().map(s -> ruleSet(s, words)).toList());
    }

    private static RuleSetView ruleSet(Coverage.RuleSetCoverage set, Words words) {
        String rules = set.source() + " " + shortFingerprint(set.fingerprint());
        String heading = set.fixtures().isEmpty() ? words.text("coverage.noFixture", rules)
                : words.text(set.fixtures().size() == 1 ? "coverage.headingOne" : "coverage.heading", rules,
                        set.fixtures().size(), String.join(", ", set.fixtures()), set.nominations());
        List<CriterionRow> criteria = set.criteria().stream().map(c -> new CriterionRow(c.ruleId(),
                c.title().equals(CriterionOutcome.EVERY_TITLE) ? words.text("coverage.everyTitle") : c.title(),
                c.criterion(), c.passed(), c.failed(), gap(c, words), c.note(), c.file() + ":" + c.line())).toList();
        List<AwardRow> awards = set.awards().stream().map(a -> new AwardRow(a.ruleId(), a.title(), a.fired(),
                a.fired() == 0 ? words.text("coverage.neverFired") : null, a.file() + ":" + a.line())).toList();
        List<ThresholdRow> thresholds = set.thresholds().stream().map(t -> new ThresholdRow(t.threshold().ruleId(),
                t.threshold().quantity(), t.threshold().requirement(), t.on() == null ? NONE : t.on().toString(),
                t.oneShort() == null ? NONE : t.oneShort().toString(), t.threshold().file() + ":" + t.threshold().line()))
                .toList();
        return new RuleSetView(heading, criteria, awards, thresholds);
    }

    private static String gap(Coverage.CriterionCount c, Words words) {
        if (c.passingMissing() && c.failingMissing()) return words.text("coverage.neverChecked");
        if (c.failingMissing()) return words.text("coverage.neverFailing");
        if (c.passingMissing()) return words.text("coverage.neverPassing");
        return null;
    }

    /** {@code sha256:} and 12 hex digits, as the command line's summaries show a fingerprint. */
    private static String shortFingerprint(String fingerprint) {
        int end = fingerprint.indexOf(':') + 13;
        return end < fingerprint.length() ? fingerprint.substring(0, end) : fingerprint;
    }
}
