package dvk.app;

import dvk.engine.RuleCatalog;
import dvk.engine.RuleCompiler;
import dvk.engine.RuleLibrary;
import dvk.engine.RuleProblem;
import dvk.engine.RuleSet;
import dvk.engine.RulesException;
import java.util.ArrayList;
import java.util.List;

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
