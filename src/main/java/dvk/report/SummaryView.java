package dvk.report;

import java.util.List;

/**
 * Titles awarded per district, the first table of the decisions report: a row a district (Vietnamese
 * alphabetical order) with its decided nominations, its count of each title and its total, and the
 * totals of all districts.
 */
public record SummaryView(List<TitleView> titles, List<Row> rows, long nominations, List<Count> totals, long total) {

    /** One district. */
    public record Row(String district, long nominations, List<Count> counts, long total) {}

    /** How many nominations hold a title. */
    public record Count(String title, long count) {}

    static SummaryView of(TitleSummary summary, List<TitleView> titles) {
        List<Row> rows = summary.districts().stream()
                .map(d -> new Row(d, summary.nominations(d),
                        titles.stream().map(t -> new Count(t.code(), summary.count(d, t.code()))).toList(),
                        summary.districtTotal(d)))
                .toList();
        List<Count> totals = titles.stream().map(t -> new Count(t.code(), summary.titleTotal(t.code()))).toList();
        return new SummaryView(titles, rows, summary.nominations(), totals, summary.total());
    }

    /** The row of a district. */
    public Row row(String district) {
        return rows.stream().filter(r -> r.district().equals(district)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no district " + district));
    }

    /** How many nominations of all districts hold the title. */
    public long total(String title) {
        return totals.stream().filter(c -> c.title().equals(title)).mapToLong(Count::count).sum();
    }
}
