package dvk.app;

import dvk.engine.RuleCatalog;
import dvk.engine.RuleCompiler;
import dvk.engine.RuleLibrary;
import dvk.engine.RuleProblem;
import dvk.engine.RuleSet;
import dvk.engine.RulesException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a library of rule sets says: each set checked (compiled, sandboxed, linted: the use case
 * under {@code dvk check}), and its catalog for reading the policy without DRL ({@code dvk rules}).
 */
public final class RuleSetDescriptions {

    /** One rule set checked: compiled with its warnings, or its errors. */
    public record Checked(RuleLibrary.Entry entry, RuleSet rules, List<RuleProblem> errors) {
        public boolean compiles() {
            return errors.isEmpty();
        }

        public List<RuleProblem> warnings() {
            return rules == null ? List.of() : rules.warnings();
        }
    }

    /** Every rule set of the library, each on its own: one's errors do not hide another's. */
    public List<Checked> check(RuleLibrary library) {
        RuleCompiler compiler = new RuleCompiler();
        List<Checked> checked = new ArrayList<>();
        for (RuleLibrary.Entry entry : library.ruleSets()) {
            try {
                checked.add(new Checked(entry, compiler.compile(entry), List.of()));
            } catch (RulesException e) {
                checked.add(new Checked(entry, null, e.problems()));
            }
        }
        return checked;
    }

    /**
     * A criterion rule (by {@code @id}) that several rule sets have, whose requirement differs between
     * them: each rule set's requirement, by its label, in the library's order.
     */
    public record Difference(String ruleId, String title, String criterion, Map<String, String> requirements) {}

    /**
     * The criteria that rule sets of one library share but require differently: a change made to one
     * period's rules and not to the other's, or meant for one only. Rule sets that do not compile are
     * left out.
     */
    public List<Difference> differences(List<Checked> checked) {
        Map<String, Map<String, RuleCatalog.Entry>> byId = new LinkedHashMap<>();
        for (Checked set : checked) {
            if (!set.compiles()) continue;
            try {
                for (RuleCatalog.Entry entry : RuleCatalog.read(set.entry(), set.rules()).rules()) {
                    if (entry.kind() != RuleCatalog.Kind.CRITERION && entry.kind() != RuleCatalog.Kind.ELIGIBILITY) continue;
                    byId.computeIfAbsent(entry.id(), id -> new LinkedHashMap<>()).put(set.entry().label(), entry);
                }
            } catch (RulesException e) {
                // the files changed while being read: check reports the rule set as it compiled
            }
        }
        List<Difference> differences = new ArrayList<>();
        byId.forEach((id, sets) -> {
            if (sets.size() < 2 || sets.values().stream().map(RuleCatalog.Entry::requirement).distinct().count() < 2) return;
            RuleCatalog.Entry any = sets.values().iterator().next();
            Map<String, String> requirements = new LinkedHashMap<>();
            sets.forEach((label, entry) -> requirements.put(label, entry.requirement()));
            differences.add(new Difference(id, any.titleShown(), any.criterion(), requirements));
        });
        return differences;
    }

    /** Every rule set's catalog; the problems of all rule sets together when any does not compile. */
    public Outcome<List<RuleCatalog>> catalogs(RuleLibrary library) {
        List<RuleCatalog> catalogs = new ArrayList<>();
        List<RuleProblem> problems = new ArrayList<>();
        for (Checked set : check(library)) {
            if (!set.compiles()) {
                problems.addAll(set.errors());
                continue;
            }
            try {
                catalogs.add(RuleCatalog.read(set.entry(), set.rules()));
            } catch (RulesException e) {
                problems.addAll(e.problems());
            }
        }
        return problems.isEmpty() ? Outcome.done(catalogs) : new Outcome.RulesUnusable<>(problems);
    }
}
