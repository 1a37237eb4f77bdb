package dvk.report;

import dvk.domain.Decision;
import dvk.domain.TitleDefinition;
import dvk.engine.Evaluation;
import java.text.Collator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Titles awarded per district with totals, and nominations decided per district: the summary of
 * the HTML report and of the XLSX "Summary" sheet. Districts are in Vietnamese alphabetical order.
 */
public final class TitleSummary {
    private final List<TitleDefinition> titles;
    private final List<String> districts;
    private final Map<String, Map<String, Long>> counts = new HashMap<>();
    private final Map<String, Long> nominations = new HashMap<>();

    private TitleSummary(List<TitleDefinition> titles, List<String> districts) {
        this.titles = List.copyOf(titles);
        this.districts = districts;
    }

    public static TitleSummary of(Evaluation evaluation) {
        List<String> districts = new ArrayList<>(evaluation.decisions().stream()
                .map(d -> d.nomination().district()).distinct().toList());
        Collator vietnamese = Collator.getInstance(Locale.forLanguageTag("vi"));
        districts.sort(vietnamese.thenComparing(Object::toString));
        TitleSummary summary = new TitleSummary(evaluation.rules().awardedTitles(), List.copyOf(districts));
        for (Decision d : evaluation.decisions()) {
            String district = d.nomination().district();
            summary.nominations.merge(district, 1L, Long::sum);
            d.awards().forEach(a -> summary.counts.computeIfAbsent(district, k -> new HashMap<>())
                    .merge(a.title(), 1L, Long::sum));
        }
        return summary;
    }

    /** The titles some rule awards, in the order of the titles data. */
    public List<TitleDefinition> titles() {
        return titles;
    }

    public List<String> districts() {
        return districts;
    }

    public long count(String district, String title) {
        return counts.getOrDefault(district, Map.of()).getOrDefault(title, 0L);
    }

    /** Nominations of the district that were decided (rejected records have no trusted district). */
    public long nominations(String district) {
        return nominations.getOrDefault(district, 0L);
    }

    public long titleTotal(String title) {
        return districts.stream().mapToLong(d -> count(d, title)).sum();
    }

    public long districtTotal(String district) {
        return titles.stream().mapToLong(t -> count(district, t.code())).sum();
    }

    public long total() {
        return districts.stream().mapToLong(this::districtTotal).sum();
    }

    public long nominations() {
        return nominations.values().stream().mapToLong(Long::longValue).sum();
    }
}
