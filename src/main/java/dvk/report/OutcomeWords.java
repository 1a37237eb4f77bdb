package dvk.report;

import dvk.domain.Comparison;
import dvk.domain.CriterionOutcome;
import dvk.domain.PriorRecognition;
import dvk.domain.TitleDefinition;
import dvk.domain.Violation;
import dvk.engine.RuleSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A criterion outcome in its reader's words: the criterion's name ({@code min-score} → "Điểm tối
 * thiểu"), and the actual and required values written from the outcome's {@link Comparison}
 * ({@code >= 80} → "tối thiểu 80 điểm", {@code rank 6 in Gia Lâm} → "xếp thứ 6 trong Gia Lâm"),
 * numbers grouped as the language groups them, titles by their names in the rule set. An outcome made
 * without the rule kit ({@link Comparison.AsWritten}) keeps the strings it was given, and a criterion
 * with no word keeps its code.
 */
public final class OutcomeWords {
    private final Words words;
    private final Map<String, String> titleNames;

    /** @param titleNames the names of the titles a rule set knows, in the words' language, by code */
    public OutcomeWords(Words words, Map<String, String> titleNames) {
        this.words = words;
        this.titleNames = Map.copyOf(titleNames);
    }

    /** With the names of the rule set's titles. */
    public static OutcomeWords of(Words words, RuleSet rules) {
        Map<String, String> names = new HashMap<>();
        for (TitleDefinition t : rules.titles()) names.put(t.code(), words.isVietnamese() ? t.nameVi() : t.nameEn());
        return new OutcomeWords(words, names);
    }

    public Words words() {
        return words;
    }

    /** The criterion's name: {@code criterion.ID} in the bundles, else the id itself. */
    public String criterion(String criterion) {
        return words.textOr("criterion." + criterion, criterion);
    }

    /** A title's name in this language: from the rule set's titles data, else {@code title.CODE}, else the code. */
    public String title(String code) {
        String name = titleNames.get(code);
        return name != null ? name : words.textOr("title." + code, code);
    }

    public String actual(CriterionOutcome outcome) {
        Comparison c = outcome.comparison();
        if (c instanceof Comparison.AtLeast a) return quantity(outcome.criterion(), a.actual());
        if (c instanceof Comparison.ShareAtLeast s) {
            return s.share() == null ? words.text("outcome.noTotal") : words.text("outcome.shareActual", words.number(s.share()));
        }
        if (c instanceof Comparison.PriorTitle p) return priors(p.held(), words.text("outcome.noneYet"));
        if (c instanceof Comparison.NoPriorTitle p) return priors(p.found(), words.text("outcome.none"));
        if (c instanceof Comparison.PriorAtLevel p) {
            return priors(p.held(), words.text("outcome.noneAtLevel", level(p.level())));
        }
        if (c instanceof Comparison.NoViolation v) return violations(v.found());
        if (c instanceof Comparison.TitleAwarded t) {
            return words.text(t.awarded() ? "outcome.awarded" : "outcome.notAwarded", title(t.title()));
        }
        if (c instanceof Comparison.WithinQuota q) return words.text("outcome.rank", words.number(q.rank()), q.district());
        if (c instanceof Comparison.Documents d) {
            return d.missing().isEmpty() ? words.text("outcome.complete") : words.text("outcome.missing", documents(d.missing()));
        }
        return outcome.actual();
    }

    public String required(CriterionOutcome outcome) {
        Comparison c = outcome.comparison();
        if (c instanceof Comparison.AtLeast a) {
            return words.text("outcome.atLeast", quantity(outcome.criterion(), a.minimum()));
        }
        if (c instanceof Comparison.ShareAtLeast s) return words.text("outcome.share", words.number(s.percent()));
        if (c instanceof Comparison.PriorTitle p) return words.text("outcome.priorTitle", title(p.title()), years(p.years()));
        if (c instanceof Comparison.NoPriorTitle p) return words.text("outcome.noPriorTitle", title(p.title()), years(p.years()));
        if (c instanceof Comparison.PriorAtLevel p) return words.text("outcome.priorAtLevel", level(p.level()), years(p.years()));
        if (c instanceof Comparison.NoViolation v) return words.text("outcome.noViolation", years(v.years()));
        if (c instanceof Comparison.TitleAwarded t) return words.text("outcome.awardedThisYear", title(t.title()));
        if (c instanceof Comparison.WithinQuota q) return words.text("outcome.quota", words.number(q.quota()));
        if (c instanceof Comparison.Documents d) return capitalised(documents(d.needed()));
        return outcome.required();
    }

    /** A number with the criterion's unit where the bundles give one ({@code unit.months-running}: "24 tháng"). */
    private String quantity(String criterion, Number n) {
        String number = words.number(n);
        String unit = "unit." + criterion;
        return words.has(unit) ? words.text(unit, number) : number;
    }

    private boolean named(String code) {
        return titleNames.containsKey(code) || words.has("title." + code);
    }

    private String level(dvk.domain.Level level) {
        return words.text("level." + level.name());
    }

    private String years(Comparison.Years years) {
        if (years.open()) return words.text("outcome.yearsUpTo", years.to());
        if (years.single()) return words.text("outcome.year", years.from());
        return words.text("outcome.years", years.from(), years.to());
    }

    private String priors(List<PriorRecognition> priors, String none) {
        if (priors.isEmpty()) return none;
        List<String> each = new ArrayList<>(priors.size());
        for (PriorRecognition p : priors) {
            // a title's name says its level; a code no rule set or bundle names (free text) gets it
            each.add(named(p.title())
                    ? words.text("outcome.priorNamed", title(p.title()), p.year())
                    : words.text("outcome.prior", p.title(), level(p.level()), p.year()));
        }
        return String.join("; ", each);
    }

    private String violations(List<Violation> violations) {
        if (violations.isEmpty()) return words.text("outcome.none");
        List<String> each = new ArrayList<>(violations.size());
        for (Violation v : violations) {
            each.add(v.description() == null || v.description().isBlank()
                    ? words.text("outcome.violation", v.year())
                    : words.text("outcome.violationWith", v.year(), v.description()));
        }
        return String.join("; ", each);
    }

    private String documents(List<String> documents) {
        List<String> each = new ArrayList<>(documents.size());
        for (String d : documents) each.add(words.textOr("document." + d, d));
        return String.join(", ", each);
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + text.substring(1);
    }
}
