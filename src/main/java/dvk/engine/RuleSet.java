package dvk.engine;

import dvk.domain.RuleSetManifest;
import dvk.domain.TitleDefinition;
import dvk.domain.YearRange;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kie.api.KieBase;

/**
 * Compiled rules ready to evaluate: the KieBase (thread-safe, one session per district), the
 * titles data (with the criteria each title requires, and those every title requires), a fingerprint of the files they came from, and what the lints warn about them
 * (warnings do not stop evaluation; errors stop compilation), and how the KieBase was built
 * ({@code precompiled executable model}, {@code executable model, compiled now}), and the rule
 * each generated class holds the code of.
 */
public record RuleSet(String source, RuleSetManifest manifest, String fingerprint, KieBase kieBase,
                      List<TitleDefinition> titles, List<String> everyTitleRequires, Map<String, RuleInfo> rulesById, List<RuleProblem> warnings,
                      String build, Map<String, String> ruleOfClass) {

    public RuleSet {
        warnings = List.copyOf(warnings);
        titles = List.copyOf(titles);
        everyTitleRequires = List.copyOf(everyTitleRequires);
        rulesById = Map.copyOf(rulesById);
        ruleOfClass = Map.copyOf(ruleOfClass);
    }

    /** The rule whose code a generated class holds (from a stack trace: which rule was running), if any. */
    public Optional<String> ruleOfClass(String className) {
        return Optional.ofNullable(ruleOfClass.get(className));
    }

    public YearRange years() {
        return manifest.years();
    }

    public int ruleCount() {
        return rulesById.size();
    }

    public Optional<TitleDefinition> title(String code) {
        return titles.stream().filter(t -> t.code().equals(code)).findFirst();
    }

    /**
     * The criteria an award of {@code code} rests on: those every title requires, then the title's
     * own, as the titles data lists them; empty for a title the data lacks.
     */
    public List<String> requiredCriteria(String code) {
        return title(code).map(t -> {
            List<String> all = new java.util.ArrayList<>(everyTitleRequires);
            all.addAll(t.requires());
            return List.copyOf(all);
        }).orElse(List.of());
    }

    /** Position of a title in the titles data; unknown codes sort last. */
    public int titleOrder(String code) {
        for (int i = 0; i < titles.size(); i++) {
            if (titles.get(i).code().equals(code)) return i;
        }
        return titles.size();
    }

    /** Titles that some rule awards, in the order of the titles data. */
    public List<TitleDefinition> awardedTitles() {
        return titles.stream()
                .filter(t -> rulesById.values().stream().anyMatch(r -> t.code().equals(r.awards())))
                .toList();
    }

    public int ruleOrder(String ruleId) {
        RuleInfo info = rulesById.get(ruleId);
        return info == null ? Integer.MAX_VALUE : info.order();
    }
}
