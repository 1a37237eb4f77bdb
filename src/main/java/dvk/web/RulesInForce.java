package dvk.web;

import dvk.app.RuleSetDescriptions;
import dvk.engine.RuleLibrary;
import dvk.engine.RuleProblem;
import dvk.engine.RuleSet;
import dvk.engine.RulesException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules the workspace evaluates with: the library given to {@code dvk serve} (as for the
 * command line: {@code --rules}, else {@code rules/} in the working directory, else the bundled
 * copy), every rule set checked and compiled once at start. A rule set that does not compile
 * stays out, and uploads of its years are refused with its problems.
 */
final class RulesInForce {
    /** The compiled rule set of a year, and the directory of its files. */
    record InForce(RuleSet rules, Path directory) {}

    private final RuleLibrary library;
    private final Map<String, RuleSetDescriptions.Checked> checked = new LinkedHashMap<>();

    RulesInForce(RuleLibrary library) {
        this.library = library;
        for (RuleSetDescriptions.Checked set : new RuleSetDescriptions().check(library)) {
            checked.put(set.entry().label(), set);
        }
    }

    RuleLibrary library() {
        return library;
    }

    List<RuleSetDescriptions.Checked> all() {
        return List.copyOf(checked.values());
    }

    InForce forYear(int year) throws RulesException {
        RuleLibrary.Entry entry = library.forYear(year);
        RuleSetDescriptions.Checked set = checked.get(entry.label());
        if (!set.compiles()) throw new RulesException(set.errors());
        return new InForce(set.rules(), entry.directory());
    }

    Optional<RuleSet> byFingerprint(String fingerprint) {
        return checked.values().stream().filter(RuleSetDescriptions.Checked::compiles).map(RuleSetDescriptions.Checked::rules)
                .filter(r -> r.fingerprint().equals(fingerprint)).findFirst();
    }

    /** Every problem of the rule sets that do not compile. */
    List<RuleProblem> problems() {
        return checked.values().stream().flatMap(c -> c.errors().stream()).toList();
    }
}
