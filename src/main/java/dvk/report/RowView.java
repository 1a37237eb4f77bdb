package dvk.report;

import dvk.report.Words.Label;
import java.util.List;

/**
 * A nomination's row in the list of the decisions report. The {@code data-} attributes that the
 * page's script sorts and filters on come from here: {@code score} is empty for a work (no score),
 * {@code titles} the codes of the titles awarded separated by spaces, {@code search} the text the
 * search box looks in.
 */
public record RowView(int index, String id, String anchor, String name, String type, Label typeName, String district,
                      String commune, String score, String scoreText, int awards, String titles, String search,
                      List<Chip> chips) {

    /** A title awarded, as a chip: its colour, its Vietnamese name, and its code and English name on hover. */
    public record Chip(String title, String colour, String name, String hint) {}
}
