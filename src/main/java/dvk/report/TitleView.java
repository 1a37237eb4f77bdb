package dvk.report;

import dvk.domain.TitleDefinition;
import dvk.engine.RuleSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A title as the decisions report shows it: code, name in the page's language (from the rule set's
 * titles data), level ({@code cấp huyện}, or null when the rule set does not know the title) and
 * colour, the same in the summary, the chart, the per-title tables, the chips of the list and the cards.
 */
public record TitleView(String code, String name, String level, String colour) {
    /** Okabe–Ito: told apart by colour-blind readers too; titles beyond six reuse the colours in order. */
    static final List<String> PALETTE = List.of("#0072B2", "#56B4E9", "#D55E00", "#E69F00", "#009E73", "#CC79A7");
    /** A title no rule of the set awards. */
    static final String GREY = "#8a94a3";

    /** The titles of a rule set, each looked up once. */
    static final class Catalog {
        private final RuleSet rules;
        private final Words words;
        private final List<TitleDefinition> awarded;
        private final Map<String, TitleView> views = new HashMap<>();

        Catalog(RuleSet rules, List<TitleDefinition> awarded, Words words) {
            this.rules = rules;
            this.awarded = awarded;
            this.words = words;
        }

        /** The titles some rule awards, in the order of the titles data. */
        List<TitleView> awarded() {
            return awarded.stream().map(t -> of(t.code())).toList();
        }

        TitleView of(String code) {
            return views.computeIfAbsent(code, c -> rules.title(c)
                    .map(t -> new TitleView(c, words.isVietnamese() ? t.nameVi() : t.nameEn(), level(t), colour(c)))
                    .orElseGet(() -> new TitleView(c, words.textOr("title." + c, c), null, colour(c))));
        }

        private String level(TitleDefinition title) {
            return words.textOr("level." + title.level().name(), title.level().name());
        }

        private String colour(String code) {
            for (int i = 0; i < awarded.size(); i++) {
                if (awarded.get(i).code().equals(code)) return PALETTE.get(i % PALETTE.size());
            }
            return GREY;
        }
    }
}
