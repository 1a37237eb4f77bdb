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
 * stays out, and uploads of its years are refused with its problems. A saved version of a rule set
 * that an administrator put in force for some years ({@link #put}) decides those years instead.
 */
final class RulesInForce {
    /** The compiled rule set of a year, the directory of its files, and its commit in the rules' repository (null when none). */
    record InForce(RuleSet rules, Path directory, String commit) {}

    /** A saved version put in force for a range of years; the newest first. */
    private record Put(int from, int to, InForce rules) {}

    private final RuleLibrary library;
    private final Map<String, RuleSetDescriptions.Checked> checked = new LinkedHashMap<>();
    private final Map<String, String> commitOfLabel = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.CopyOnWriteArrayList<Put> put = new java.util.concurrent.CopyOnWriteArrayList<>();

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
        for (Put p : put) {
            if (p.from() <= year && year <= p.to()) return p.rules();
        }
        RuleLibrary.Entry entry = library.forYear(year);
        RuleSetDescriptions.Checked set = checked.get(entry.label());
        if (!set.compiles()) throw new RulesException(set.errors());
        return new InForce(set.rules(), entry.directory(), commitOfLabel.get(entry.label()));
    }

    Optional<RuleSet> byFingerprint(String fingerprint) {
        for (Put p : put) {
            if (p.rules().rules().fingerprint().equals(fingerprint)) return Optional.of(p.rules().rules());
        }
        return checked.values().stream().filter(RuleSetDescriptions.Checked::compiles).map(RuleSetDescriptions.Checked::rules)
                .filter(r -> r.fingerprint().equals(fingerprint)).findFirst();
    }

    /** A saved version decides the years {@code from} to {@code to} from now on (before any put earlier). */
    void put(int from, int to, InForce rules) {
        put.add(0, new Put(from, to, rules));
    }

    /** The rule set of the library labelled so is this commit of the rules' repository. */
    void commitOf(String label, String commit) {
        commitOfLabel.put(label, commit);
    }

    /** Every problem of the rule sets that do not compile. */
    List<RuleProblem> problems() {
        return checked.values().stream().flatMap(c -> c.errors().stream()).toList();
    }
}
