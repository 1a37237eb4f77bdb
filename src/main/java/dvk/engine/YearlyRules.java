package dvk.engine;

import java.util.HashMap;
import java.util.Map;

/** A rule library with each rule set compiled once, on first use, for the batches of its years. */
public final class YearlyRules {
    private final RuleLibrary library;
    private final RuleCompiler compiler;
    private final Map<String, RuleSet> compiled = new HashMap<>();

    public YearlyRules(RuleLibrary library, RuleCompiler compiler) {
        this.library = library;
        this.compiler = compiler;
    }

    public YearlyRules(RuleLibrary library) {
        this(library, new RuleCompiler());
    }

    public RuleLibrary library() {
        return library;
    }

    public synchronized RuleSet forYear(int year) throws RulesException {
        return of(library.forYear(year));
    }

    /** A rule set of the library, compiled once. */
    public synchronized RuleSet of(RuleLibrary.Entry entry) throws RulesException {
        RuleSet rules = compiled.get(entry.label());
        if (rules == null) {
            rules = compiler.compile(entry);
            compiled.put(entry.label(), rules);
        }
        return rules;
    }
}
