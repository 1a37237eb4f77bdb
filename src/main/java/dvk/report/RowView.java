package dvk.report;

import java.util.List;

/**
 * A nomination's row in the list of the decisions report. The {@code data-} attributes that the
 * page's script sorts and filters on come from here: {@code score} is empty for a work (no score),
 * {@code titles} the codes of the titles awarded separated by spaces, {@code search} the text the
 * search box looks in. {@code anchor} is null when the page has no card for the nomination.
 */
public record RowView(int index, String id, String anchor, String name, String type, String typeName, String district,
                      String commune, String score, String scoreText, int awards, String titles, String search,
                      List<Chip> chips) {

    /** A title awarded, as a chip: its colour, its name, and its code on hover. */
    public record Chip(String title, String colour, String name) {}
}
