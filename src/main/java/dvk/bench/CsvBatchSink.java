package dvk.bench;

import dvk.bench.Draft.Prior;
import dvk.bench.Draft.Violation;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Writes a CSV batch with the columns {@code dvk.io.CsvBatchReader} reads (those of
 * fixtures/samples/gia-lam-2024.csv): a header row, then one row a record with the year repeated,
 * lists as {@code 2023:COMMUNE:COMMUNE_MODEL;…}, an absent field as an empty cell. UTF-8 without BOM.
 * A field CSV has no column for (a defect's stray note) goes in an extra cell past the last
 * column, as a note typed beside a spreadsheet row does.
 */
final class CsvBatchSink implements BatchSink {
    static final List<String> COLUMNS = List.of("year", "id", "name", "type", "kind", "field", "sponsor", "commune",
            "district", "city", "startDate", "completedDate", "fundsVnd", "laborDays", "totalValueVnd",
            "peopleContributionVnd", "beneficiaries", "replicationSites", "approvalPercent", "priorRecognitions",
            "violations", "dossier.report", "dossier.confirmation", "dossier.acceptance");

    private final Writer out;
    private String year;

    CsvBatchSink(Writer out) {
        this.out = out;
    }

    @Override
    public void begin(int year) throws IOException {
        this.year = Integer.toString(year);
        out.write(String.join(",", COLUMNS));
        out.write('\n');
    }

    @Override
    public void record(Draft draft) throws IOException {
        Map<String, Object> fields = draft.fields();
        StringBuilder row = new StringBuilder(400);
        for (int c = 0; c < COLUMNS.size(); c++) {
            if (c > 0) row.append(',');
            String column = COLUMNS.get(c);
            Object value = column.equals("year") ? year
                    : column.startsWith("dossier.") ? draft.dossier().get(column.substring("dossier.".length()))
                    : fields.get(column);
            row.append(quoted(cell(value)));
        }
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            if (!field.getKey().equals("dossier") && !COLUMNS.contains(field.getKey())) {
                row.append(',').append(quoted(cell(field.getValue())));
            }
        }
        out.append(row).append('\n');
    }

    @Override
    public void end() throws IOException {
        out.flush();
    }

    private static String cell(Object value) {
        if (value == null) return "";
        if (value instanceof BigDecimal number) return number.toPlainString();
        if (value instanceof List<?> list) {
            StringJoiner entries = new StringJoiner(";");
            for (Object entry : list) entries.add(entry(entry));
            return entries.toString();
        }
        return value.toString();
    }

    private static String entry(Object entry) {
        if (entry instanceof Prior prior) return prior.year() + ":" + prior.level() + ":" + prior.title();
        Violation violation = (Violation) entry;
        if (violation.description().contains(";")) {
            throw new IllegalArgumentException("a violation written to CSV cannot contain ';'");
        }
        return violation.year() + ":" + violation.description();
    }

    /** Quotes a cell that holds a separator, a quote, a line break, or a space at either end (kept as typed). */
    private static String quoted(String cell) {
        boolean plain = cell.chars().noneMatch(ch -> ch == ',' || ch == '"' || ch == '\n' || ch == '\r')
                && (cell.isEmpty() || (cell.charAt(0) != ' ' && cell.charAt(cell.length() - 1) != ' '));
        return plain ? cell : '"' + cell.replace("\"", "\"\"") + '"';
    }
}
