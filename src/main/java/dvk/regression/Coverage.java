package dvk.regression;

import dvk.domain.Award;
import dvk.domain.CriterionOutcome;
import dvk.domain.Decision;
import dvk.engine.RuleInfo;
import dvk.engine.RuleSet;
import dvk.engine.RuleThresholds.Threshold;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the regression fixtures test, rule set by rule set: every criterion rule with the number of
 * fixture nominations it passed and failed, every award rule with how often it fired, and every
 * threshold with a nomination sitting exactly on it and one a unit short, if the fixtures have one.
 * Counted from the decisions the current rules make on the fixtures' batches, whether or not the
 * fixtures' expectations hold.
 */
public record Coverage(List<RuleSetCoverage> ruleSets) {
    /** The first number of an outcome's actual value: {@code 1,200}, {@code 69.99%}, {@code rank 4 in Gia Lâm}. */
    private static final Pattern NUMBER = Pattern.compile("-?\\d[\\d,]*(?:\\.\\d+)?");

    public Coverage {
        ruleSets = List.copyOf(ruleSets);
    }

    /** One rule set: the fixtures evaluated with it, their decided nominations, and what they exercised. */
    public record RuleSetCoverage(String source, String fingerprint, List<String> fixtures, int nominations,
                                  List<CriterionCount> criteria, List<AwardCount> awards, List<ThresholdCover> thresholds) {
        public RuleSetCoverage {
            fixtures = List.copyOf(fixtures);
            criteria = List.copyOf(criteria);
            awards = List.copyOf(awards);
            thresholds = List.copyOf(thresholds);
        }
    }

    /**
     * A criterion rule: how many fixture nominations it passed and failed; {@code note} is its
     * {@code @coverage} ({@code passes only: …}), or null.
     */
    public record CriterionCount(String ruleId, String title, String criterion, String file, int line, int passed, int failed,
                                 String note) {
        public boolean seenPassing() {
            return passed > 0;
        }

        public boolean seenFailing() {
            return failed > 0;
        }

        /** Never passing, though it can pass. */
        public boolean passingMissing() {
            return passed == 0 && (note == null || !note.startsWith(RuleInfo.FAILS_ONLY));
        }

        /** Never failing, though it can fail. */
        public boolean failingMissing() {
            return failed == 0 && (note == null || !note.startsWith(RuleInfo.PASSES_ONLY));
        }
    }

    /** An award rule: how many fixture nominations it awarded its title. */
    public record AwardCount(String ruleId, String title, String file, int line, int fired) {}

    /** A nomination of a fixture. */
    public record Example(String fixture, String nomination) {
        @Override
        public String toString() {
            return nomination + " (" + fixture + ")";
        }
    }

    /** A threshold with the first fixture nomination exactly on it and the first one unit short; null where none is. */
    public record ThresholdCover(Threshold threshold, Example on, Example oneShort) {}

    /** A rule set with the fixtures run with it (none: every count is 0) and its thresholds. */
    public record Input(RuleSet rules, List<FixtureSuite.Result> results, List<Threshold> thresholds) {}

    public static Coverage of(List<Input> inputs) {
        List<RuleSetCoverage> sets = new ArrayList<>();
        for (Input input : inputs) sets.add(ruleSet(input));
        return new Coverage(sets);
    }

    private static RuleSetCoverage ruleSet(Input input) {
        RuleSet rules = input.rules();
        Map<String, Set<String>> passed = new HashMap<>();
        Map<String, Set<String>> failed = new HashMap<>();
        Map<String, Set<String>> fired = new HashMap<>();
        Map<String, Example> on = new HashMap<>();
        Map<String, Example> oneShort = new HashMap<>();
        Map<String, List<Threshold>> thresholdsOf = new LinkedHashMap<>();
        input.thresholds().forEach(t -> thresholdsOf.computeIfAbsent(t.ruleId(), id -> new ArrayList<>()).add(t));
        List<String> fixtures = new ArrayList<>();
        int nominations = 0;
        for (FixtureSuite.Result result : input.results()) {
            String fixture = result.fixture().name();
            fixtures.add(fixture);
            for (Decision decision : result.evaluation().decisions()) {
                nominations++;
                // a fixture's nominations are counted by fixture and id: two fixtures may share a batch
                String key = fixture + "\u0000" + decision.nomination().id();
                Example example = new Example(fixture, decision.nomination().id());
                for (CriterionOutcome o : decision.outcomes()) {
                    (o.passed() ? passed : failed).computeIfAbsent(o.rule(), r -> new HashSet<>()).add(key);
                    List<Threshold> thresholds = thresholdsOf.getOrDefault(o.rule(), List.of());
                    BigDecimal actual = number(o.actual());
                    if (actual == null) continue;
                    for (Threshold t : thresholds) {
                        String id = thresholdKey(t);
                        if (t.isOn(actual)) on.putIfAbsent(id, example);
                        if (t.isOneShort(actual)) oneShort.putIfAbsent(id, example);
                    }
                }
                for (Award a : decision.awards()) fired.computeIfAbsent(a.rule(), r -> new HashSet<>()).add(key);
            }
        }
        List<RuleInfo> inOrder = rules.rulesById().values().stream()
                .sorted(Comparator.comparingInt(RuleInfo::order).thenComparing(RuleInfo::id)).toList();
        List<CriterionCount> criteria = new ArrayList<>();
        List<AwardCount> awards = new ArrayList<>();
        for (RuleInfo rule : inOrder) {
            if (rule.criterion() != null) {
                criteria.add(new CriterionCount(rule.id(), rule.title(), rule.criterion(), rule.file(), rule.line(),
                        passed.getOrDefault(rule.id(), Set.of()).size(), failed.getOrDefault(rule.id(), Set.of()).size(),
                        rule.coverage()));
            }
            if (rule.awards() != null) {
                awards.add(new AwardCount(rule.id(), rule.awards(), rule.file(), rule.line(),
                        fired.getOrDefault(rule.id(), Set.of()).size()));
            }
        }
        List<ThresholdCover> thresholds = new ArrayList<>();
        for (Threshold t : input.thresholds()) {
            thresholds.add(new ThresholdCover(t, on.get(thresholdKey(t)), oneShort.get(thresholdKey(t))));
        }
        return new RuleSetCoverage(rules.source(), rules.fingerprint(), fixtures, nominations, criteria, awards, thresholds);
    }

    private static String thresholdKey(Threshold t) {
        return t.ruleId() + "\u0000" + t.file() + ":" + t.line() + "\u0000" + t.literal();
    }

    /** The first number in an outcome's actual value, or null when it has none ("no total value"). */
    static BigDecimal number(String actual) {
        if (actual == null) return null;
        Matcher m = NUMBER.matcher(actual);
        return m.find() ? new BigDecimal(m.group().replace(",", "")) : null;
    }
}
