package dvk.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The thresholds of a rule set: the literal numbers its criterion rules compare with, read from
 * their {@code Check} calls as written ({@code Check.atLeast(kcontext, $n.id(), $m.months(), 12)} is
 * months at least 12). A threshold's outcomes are those of its rule; a fixture sits on it when the
 * actual value equals it, and one unit short when it is below by at most one (a quota: one place past).
 */
public final class RuleThresholds {
    /** How a threshold is compared. */
    public enum Comparison {
        /** {@code Check.atLeast}: actual >= the value */
        AT_LEAST,
        /** {@code Check.shareAtLeast}: a share of a total >= the value, in per cent */
        SHARE_AT_LEAST,
        /** {@code Check.withinQuota}: a rank <= the value */
        WITHIN_QUOTA
    }

    /**
     * One threshold: the criterion rule's id, title and criterion, what it compares (as the rule writes
     * it: {@code months}), how, the value as written and as a number, and where it is written.
     */
    public record Threshold(String ruleId, String title, String criterion, String quantity, Comparison comparison,
                            String literal, BigDecimal value, String file, int line) {
        /** The requirement as people read it: {@code >= 12}, {@code >= 70%}, {@code rank <= 3}. */
        public String requirement() {
            String number = RuleCalls.number(literal);
            return switch (comparison) {
                case AT_LEAST -> ">= " + number;
                case SHARE_AT_LEAST -> ">= " + number + "%";
                case WITHIN_QUOTA -> "rank <= " + number;
            };
        }

        /** Whether an actual value sits exactly on the threshold. */
        public boolean isOn(BigDecimal actual) {
            return actual.compareTo(value) == 0;
        }

        /** Whether an actual value misses the threshold by at most one unit (a rank one place past the quota). */
        public boolean isOneShort(BigDecimal actual) {
            if (comparison == Comparison.WITHIN_QUOTA) return actual.compareTo(value.add(BigDecimal.ONE)) == 0;
            return actual.compareTo(value) < 0 && actual.compareTo(value.subtract(BigDecimal.ONE)) >= 0;
        }
    }

    private RuleThresholds() {}

    /** The thresholds of the compiled rules, read from their sources (which must be those they were compiled from). */
    public static List<Threshold> of(RuleSet rules, RuleSources sources) throws RulesException {
        if (!sources.fingerprint().equals(rules.fingerprint())) {
            throw new RulesException(new RuleProblem(rules.source(), 0, null,
                    "the rule files changed while they were being read; run again"));
        }
        Map<String, RuleInfo> byName = new HashMap<>();
        rules.rulesById().values().forEach(r -> byName.put(r.name(), r));
        List<Threshold> thresholds = new ArrayList<>(of(RuleBodies.of(sources), byName));
        thresholds.sort(Comparator.comparingInt((Threshold t) -> rules.ruleOrder(t.ruleId())).thenComparingInt(Threshold::line));
        return thresholds;
    }

    /** The thresholds of the criterion rules among {@code bodies}, in the order of the bodies. */
    static List<Threshold> of(List<RuleBodies.Body> bodies, Map<String, RuleInfo> rulesByName) {
        List<Threshold> thresholds = new ArrayList<>();
        for (RuleBodies.Body body : bodies) {
            RuleInfo info = rulesByName.get(body.rule());
            if (info == null || info.criterion() == null) continue;
            for (RuleCalls.Call call : RuleCalls.in(body.code(), body.line())) {
                if (!call.owner().equals("Check")) continue;
                Threshold threshold = switch (call.method()) {
                    case "atLeast" -> threshold(info, body, call, RuleCalls.quantity(call.arg(2)), Comparison.AT_LEAST, call.arg(3));
                    case "shareAtLeast" -> threshold(info, body, call, "share of " + RuleCalls.quantity(call.arg(2)),
                            Comparison.SHARE_AT_LEAST, call.arg(4));
                    case "withinQuota" -> threshold(info, body, call, "quota rank", Comparison.WITHIN_QUOTA, call.arg(4));
                    default -> null;
                };
                if (threshold != null) thresholds.add(threshold);
            }
        }
        return thresholds;
    }

    private static Threshold threshold(RuleInfo info, RuleBodies.Body body, RuleCalls.Call call, String quantity,
                                       Comparison comparison, String literal) {
        if (!RuleCalls.isNumber(literal)) return null;
        return new Threshold(info.id(), info.title(), info.criterion(), quantity, comparison, literal.strip(),
                RuleCalls.value(literal), body.file(), call.line());
    }
}
