package dvk.report;

import dvk.regression.Impact;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** The impact of a rules change as plain text, for a terminal or an e-mail. */
public final class ImpactTextWriter {
    private ImpactTextWriter() {}

    public static void write(Impact impact, PrintWriter out) {
        out.println("Impact of " + impact.changed().source() + " against " + impact.base().source()
                + " on " + impact.input());
        out.println("batch year " + impact.year() + ", " + impact.records() + " records"
                + (impact.rejected() > 0 ? " (" + impact.rejected() + " rejected, the same under both)" : ""));
        side(out, "base   ", impact.base());
        side(out, "changed", impact.changed());
        out.println();

        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"title", "base", "changed", "gained", "lost"});
        for (Impact.TitleChange t : impact.titles()) {
            rows.add(new String[] {t.title(), t.inBase() ? String.valueOf(t.before()) : "-",
                    t.inChanged() ? String.valueOf(t.after()) : "-", String.valueOf(t.gained()), String.valueOf(t.lost())});
        }
        table(out, rows);
        out.println();

        out.println(count(impact.titleChanges().size(), "nomination changes titles", "nominations change titles")
                + (impact.titleChanges().isEmpty() ? "." : ":"));
        for (Impact.NominationChange n : impact.titleChanges()) {
            nomination(out, n);
        }
        if (!impact.reasonChanges().isEmpty()) {
            out.println();
            out.println(count(impact.reasonChanges().size(), "nomination keeps its titles but its reasons change:",
                    "nominations keep their titles but their reasons change:"));
            for (Impact.NominationChange n : impact.reasonChanges()) {
                nomination(out, n);
            }
        }
        out.flush();
    }

    private static void side(PrintWriter out, String label, Impact.Side side) {
        out.println("  " + label + "  " + side.source() + ": " + side.name() + "; years " + side.years() + "; "
                + side.rules() + " rules; " + side.fingerprint()
                + (side.whatIf() ? "  [what-if: the batch's year is outside these rules' years]" : ""));
    }

    private static void nomination(PrintWriter out, Impact.NominationChange n) {
        out.println();
        out.println(n.id() + "  " + n.name() + "  (" + n.district() + ")");
        if (!n.gained().isEmpty()) out.println("  gains " + String.join(", ", n.gained()));
        if (!n.lost().isEmpty()) out.println("  loses " + String.join(", ", n.lost()));
        if (n.scoreBefore() != null && !n.scoreBefore().equals(n.scoreAfter())) {
            out.println("  score " + n.scoreBefore() + " → " + n.scoreAfter());
        }
        for (String title : n.titlesRemoved()) {
            out.println("  " + title + ": no longer a title under the changed rules");
        }
        for (Impact.OutcomeChange o : n.outcomes()) {
            out.println("  " + (o.title().equals("*") ? "every title" : o.title()) + "  " + o.describe());
        }
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private static void table(PrintWriter out, List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) widths[c] = Math.max(widths[c], row[c].length());
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder(row[0]).append(" ".repeat(widths[0] - row[0].length()));
            for (int c = 1; c < row.length; c++) {
                line.append("  ").append(" ".repeat(widths[c] - row[c].length())).append(row[c]);
            }
            out.println(line);
        }
    }
}
