package dvk.report;

import dvk.domain.Award;
import dvk.domain.CriterionOutcome;
import dvk.domain.Decision;
import dvk.domain.NotAwarded;
import dvk.domain.ProvisionalQuota;
import dvk.domain.RejectedRecord;
import dvk.domain.TitleDefinition;
import dvk.engine.Evaluation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The rows committees file: one a record, decided or rejected, in input order, with a column per
 * title ({@code yes}, {@code no}, or empty where the title does not apply) and the reasons in words,
 * then the record's model code and notes, and for a decision whose district quota a rejected record
 * could change, the title and those records ({@code CITY_MODEL: GL-2024-061}).
 * The CSV output and the XLSX "Decisions" sheet are both this table, so they cannot drift apart.
 * Cells are typed (numbers, dates, text, or null for empty) so a spreadsheet gets real numbers and dates.
 */
public record DecisionTable(List<Column> columns, List<List<Object>> rows) {
    /** What a column holds, for formats that type their cells. */
    public enum CellType { NUMBER, DATE, TEXT }

    public record Column(String header, CellType type) {}

    public static final String YES = "yes";
    public static final String NO = "no";

    public DecisionTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** The table, rejected records' problems in English. */
    public static DecisionTable of(Evaluation evaluation) {
        return of(evaluation, Words.english());
    }

    /** The table, rejected records' problems in {@code words}. */
    public static DecisionTable of(Evaluation evaluation, Words words) {
        List<TitleDefinition> titles = evaluation.rules().awardedTitles();
        List<Row> rows = new ArrayList<>();
        evaluation.decisions().forEach(d -> rows.add(new Row(d.index(), row(d, titles, evaluation.provisional()))));
        evaluation.rejected().forEach(r -> rows.add(new Row(r.index(), row(r, titles, words))));
        rows.sort(Comparator.comparingInt(Row::index));
        return new DecisionTable(columns(titles), rows.stream().map(Row::cells).toList());
    }

    public static List<Column> columns(List<TitleDefinition> titles) {
        List<Column> columns = new ArrayList<>(List.of(
                new Column("index", CellType.NUMBER), new Column("id", CellType.TEXT),
                new Column("name", CellType.TEXT), new Column("type", CellType.TEXT),
                new Column("district", CellType.TEXT), new Column("commune", CellType.TEXT),
                new Column("startDate", CellType.DATE), new Column("completedDate", CellType.DATE),
                new Column("status", CellType.TEXT), new Column("score", CellType.NUMBER)));
        titles.forEach(t -> columns.add(new Column(t.code(), CellType.TEXT)));
        columns.add(new Column("awards", CellType.TEXT));
        columns.add(new Column("reasons", CellType.TEXT));
        columns.add(new Column("modelCode", CellType.TEXT));
        columns.add(new Column("notes", CellType.TEXT));
        columns.add(new Column("provisional", CellType.TEXT));
        return columns;
    }

    private record Row(int index, List<Object> cells) {}

    /** The row of a decided nomination, cells in the order of {@link #columns}, no quota provisional. */
    public static List<Object> row(Decision d, List<TitleDefinition> titles) {
        return row(d, titles, List.of());
    }

    /** The row of a decided nomination, cells in the order of {@link #columns}. */
    public static List<Object> row(Decision d, List<TitleDefinition> titles, List<ProvisionalQuota> provisional) {
        List<Object> row = new ArrayList<>();
        row.add(d.index());
        row.add(d.nomination().id());
        row.add(d.nomination().name());
        row.add(d.nomination().type().name());
        row.add(d.nomination().district());
        row.add(d.nomination().commune());
        row.add(d.nomination().startDate());
        row.add(d.nomination().completedDate());
        row.add("decided");
        row.add(d.score() == null ? null : d.score().total());
        for (TitleDefinition title : titles) {
            boolean missed = d.notAwarded().stream().anyMatch(n -> n.title().equals(title.code()));
            row.add(d.holds(title.code()) ? YES : missed ? NO : null);
        }
        row.add(text(d.awards().stream().map(Award::title).collect(Collectors.joining("; "))));
        row.add(text(reasons(d.notAwarded())));
        row.add(d.nomination().modelCode());
        row.add(d.nomination().notes());
        row.add(Evaluation.provisional(provisional, d).map(p -> p.title() + ": " + String.join(", ", p.rejected()))
                .orElse(null));
        return row;
    }

    /** The row of a rejected record, its problems in English. */
    public static List<Object> row(RejectedRecord r, List<TitleDefinition> titles) {
        return row(r, titles, Words.english());
    }

    /** The row of a rejected record: its index, id if it had one, and its problems (in {@code words}) as the reasons. */
    public static List<Object> row(RejectedRecord r, List<TitleDefinition> titles, Words words) {
        List<Object> row = new ArrayList<>();
        row.add(r.index());
        row.add(r.id());
        for (int i = 0; i < 6; i++) row.add(null); // name … completedDate: not trusted from a broken record
        row.add("rejected");
        row.add(null);
        titles.forEach(t -> row.add(null));
        row.add(null);
        row.add(InputText.describe(r, words));
        row.add(null);
        row.add(null);
        row.add(null);
        return row;
    }

    /**
     * The table as the committee's workbook shows it in Vietnamese: the same columns and rows, but
     * numbered from 1 (STT), with the nomination's type, the status and {@code Có}/{@code Không}
     * in words, the titles awarded by name and the reasons worded by {@link OutcomeWords}
     * ({@code Mô hình … cấp thành phố: Điểm tối thiểu (thực tế 70; yêu cầu tối thiểu 80)}).
     * Headers stay the codes; the writer puts the words above them.
     */
    public static DecisionTable committee(Evaluation evaluation, Words words) {
        OutcomeWords reasons = OutcomeWords.of(words, evaluation.rules());
        List<TitleDefinition> titles = evaluation.rules().awardedTitles();
        List<Column> columns = columns(titles);
        List<Row> rows = new ArrayList<>();
        for (Decision d : evaluation.decisions()) {
            List<Object> cells = new ArrayList<>(row(d, titles, evaluation.provisional()));
            cells.set(columns.indexOf(AWARDS), text(d.awards().stream().map(a -> reasons.title(a.title()))
                    .collect(Collectors.joining("; "))));
            cells.set(columns.indexOf(REASONS), text(reasons(d.notAwarded(), reasons)));
            rows.add(new Row(d.index(), worded(cells, columns, words)));
        }
        evaluation.rejected().forEach(r -> rows.add(new Row(r.index(), worded(row(r, titles, words), columns, words))));
        rows.sort(Comparator.comparingInt(Row::index));
        return new DecisionTable(columns, rows.stream().map(Row::cells).toList());
    }

    private static final Column AWARDS = new Column("awards", CellType.TEXT);
    private static final Column REASONS = new Column("reasons", CellType.TEXT);

    /** The codes of one row in words: index + 1, type, status, yes and no. */
    private static List<Object> worded(List<Object> cells, List<Column> columns, Words words) {
        List<Object> row = new ArrayList<>(cells);
        for (int c = 0; c < columns.size(); c++) {
            Object value = row.get(c);
            if (value == null) continue;
            switch (columns.get(c).header()) {
                case "index" -> row.set(c, ((Integer) value) + 1);
                case "type" -> row.set(c, words.textOr("type." + value, value.toString()));
                case "status" -> row.set(c, words.text("workbook.status." + value));
                default -> {
                    if (YES.equals(value)) row.set(c, words.text("common.yes"));
                    else if (NO.equals(value)) row.set(c, words.text("common.no"));
                }
            }
        }
        return row;
    }

    /** {@code Tên danh hiệu: tiêu chí (thực tế …; yêu cầu …) | …}, in the words of {@code reasons}. */
    static String reasons(List<NotAwarded> notAwarded, OutcomeWords reasons) {
        Words words = reasons.words();
        return notAwarded.stream()
                .map(n -> reasons.title(n.title()) + ": " + n.failed().stream()
                        .map(o -> words.text("workbook.reason", reasons.criterion(o.criterion()), reasons.actual(o),
                                reasons.required(o)))
                        .collect(Collectors.joining("; ")))
                .collect(Collectors.joining(" | "));
    }

    /** {@code CITY_MODEL (min-score: 70, required >= 80) | …}: every title missed with its failed criteria. */
    static String reasons(List<NotAwarded> notAwarded) {
        return notAwarded.stream()
                .map(n -> n.title() + " (" + n.failed().stream().map(CriterionOutcome::describe)
                        .collect(Collectors.joining("; ")) + ")")
                .collect(Collectors.joining(" | "));
    }

    private static String text(String s) {
        return s.isEmpty() ? null : s;
    }
}
