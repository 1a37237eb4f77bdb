package dvk.regression;

import java.util.List;

/** Mismatches as an aligned plain-text table: fixture, nomination, title, expected, got, reasons. */
public final class MismatchTable {
    private static final String[] HEADER = {"fixture", "nomination", "title", "expected", "got", "failed criteria"};

    private MismatchTable() {}

    public static String format(List<Mismatch> mismatches) {
        String[][] rows = new String[mismatches.size() + 1][];
        rows[0] = HEADER;
        for (int i = 0; i < mismatches.size(); i++) {
            Mismatch m = mismatches.get(i);
            rows[i + 1] = new String[] {m.fixture(), m.nomination(), m.title(), m.expected(), m.got(),
                    m.reasons() == null ? "" : m.reasons()};
        }
        int[] widths = new int[HEADER.length - 1];
        for (String[] row : rows) {
            for (int c = 0; c < widths.length; c++) widths[c] = Math.max(widths[c], row[c].length());
        }
        StringBuilder text = new StringBuilder();
        for (String[] row : rows) {
            for (int c = 0; c < widths.length; c++) {
                text.append(row[c]).append(" ".repeat(widths[c] - row[c].length() + 2));
            }
            text.append(row[widths.length]).append('\n');
        }
        return text.toString();
    }
}
