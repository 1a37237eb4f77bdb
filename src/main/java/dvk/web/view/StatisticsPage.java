package dvk.web.view;

import java.util.List;

/**
 * Titles in the register over the years: by year, by district and by field, each a table (a row a
 * year, district or field; a column a title) and a bar chart drawn as SVG (no script).
 */
public record StatisticsPage(List<Column> titles, List<Table> tables, long total) {

    public record Column(String code, String name) {}

    /** One breakdown: its rows, and the chart's bars (each row's total, as a share of the largest). */
    public record Table(String id, String heading, String rowHeading, List<Row> rows) {
        public long largest() {
            return Math.max(1, rows.stream().mapToLong(Row::total).max().orElse(1));
        }
    }

    public record Row(String label, List<Long> counts, long total) {
        /** The bar's width in the chart's 400 units. */
        public long width(long largest) {
            return Math.round(400.0 * total / largest);
        }
    }
}
