package dvk.io;

import dvk.domain.Phrase;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * The header row of a CSV or XLSX batch, read by the same rules for both: a row is taken for the
 * header when its cells name at least {@link #RECOGNISED} of the columns (in English or Vietnamese),
 * so a title above it, or a sheet of instructions before it, is passed over. In the header row, a
 * cell that names no column is a file error that lists the columns and suggests the nearest; so is
 * a column named twice, or a header without the year column.
 */
final class HeaderRow {
    /** Distinct columns a row must name to be the header: a title or an instruction names at most one. */
    static final int RECOGNISED = 2;

    private HeaderRow() {}

    /** How many distinct columns the cells name. */
    static int named(List<String> cells) {
        Set<Column> named = new HashSet<>();
        for (String cell : cells) {
            Column column = cell == null ? null : Column.of(cell);
            if (column != null) named.add(column);
        }
        return named.size();
    }

    /**
     * The column of each cell (null for a blank one) of the header row.
     *
     * @param row the place of the row: {@code line 3}, {@code row 3}
     * @param letter the name of a cell's column in a message ({@code M}), or null when there is none to give
     */
    static Column[] columns(List<String> cells, Phrase row, IntFunction<String> letter) throws BatchException {
        Column[] columns = new Column[cells.size()];
        Map<Column, Integer> seen = new LinkedHashMap<>();
        List<Object> unknown = new ArrayList<>();
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            if (cell == null || Names.isBlank(cell)) continue;
            Column column = Column.of(cell);
            if (column == null) {
                String nearest = Column.nearest(cell);
                String shown = "\"" + BatchException.shown(cell.strip()) + "\"";
                unknown.add(nearest == null ? shown : Phrase.of("input.header.didYouMean", shown, nearest));
                continue;
            }
            Integer before = seen.putIfAbsent(column, c);
            if (before != null) {
                String shown = "\"" + BatchException.shown(cell.strip()) + "\"";
                throw letter == null ? BatchException.of("input.header.twice", row, shown)
                        : BatchException.of("input.header.twiceColumns", row, shown, letter.apply(before), letter.apply(c));
            }
            columns[c] = column;
        }
        if (!unknown.isEmpty()) {
            List<Object> shown = new ArrayList<>(unknown.subList(0, Math.min(unknown.size(), SHOWN)));
            if (unknown.size() > SHOWN) shown.add("…");
            throw BatchException.of("input.header.unknown", row, shown, unknown.size(), FIELDS, HEADERS);
        }
        if (!seen.containsKey(Column.YEAR)) {
            throw BatchException.of("input.header.needsYear", row);
        }
        return columns;
    }

    /** Unknown columns a message names at most. */
    private static final int SHOWN = 3;
    /** The columns as a message lists them, by field name ({@code year, id, …}) and by Vietnamese header ({@code Năm xét; …}). */
    private static final String FIELDS = String.join(", ", Column.all().stream().map(Column::field).toList());
    private static final String HEADERS = String.join("; ", Column.all().stream().map(Column::vietnamese).toList());

    /** A few columns as a message names them, for a file where no header row was found. */
    static List<Object> examples() {
        List<Object> examples = new ArrayList<>();
        for (Column c : List.of(Column.YEAR, Column.ID, Column.NAME)) {
            examples.add(Phrase.of("input.header.column", c.field(), c.vietnamese()));
        }
        examples.add("…");
        return examples;
    }

    /**
     * The row under the header that only repeats it, cell for cell, in the other language (the
     * template's row of English field names under its Vietnamese headers): not a record.
     */
    static boolean repeats(Column[] columns, List<String> cells) {
        int repeated = 0;
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            if (cell == null || Names.isBlank(cell)) continue;
            if (c >= columns.length || columns[c] == null || Column.of(cell) != columns[c]) return false;
            repeated++;
        }
        return repeated >= RECOGNISED;
    }
}
