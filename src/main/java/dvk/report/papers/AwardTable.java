package dvk.report.papers;

import dvk.report.Words;
import java.util.ArrayList;
import java.util.List;

/**
 * The list of one title's awardees as the annexes print it: number, name, lead unit, commune,
 * district, and the score for models (works have none). The workbook shows the same rows with the
 * file number and the kind beside them.
 */
final class AwardTable {
    /** Column widths in mm, within the 165 mm of text on A4; a list of works has no score column. */
    private static final double[] SCORED = {12, 51, 41, 26, 21, 14};
    private static final double[] UNSCORED = {12, 58, 48, 26, 21};
    private static final boolean[] CENTRED = {true, false, false, false, false, true};

    private AwardTable() {}

    static List<String> header(TitleAwards title, Words words) {
        List<String> header = new ArrayList<>(List.of(words.text("papers.column.number"), words.text("papers.column.name"),
                words.text("papers.column.sponsor"), words.text("papers.column.commune"), words.text("papers.column.district")));
        if (title.scored()) header.add(words.text("papers.column.score"));
        return header;
    }

    static List<List<String>> rows(TitleAwards title) {
        List<List<String>> rows = new ArrayList<>();
        int number = 0;
        for (Awardee a : title.awardees()) {
            List<String> row = new ArrayList<>(List.of(String.valueOf(++number), a.name(), a.sponsor(), a.commune(), a.district()));
            if (title.scored()) row.add(a.score() == null ? null : String.valueOf(a.score()));
            rows.add(row);
        }
        return rows;
    }

    static int[] widths(TitleAwards title) {
        double[] mm = title.scored() ? SCORED : UNSCORED;
        int[] widths = new int[mm.length];
        int total = 0;
        for (int i = 0; i < mm.length; i++) {
            widths[i] = OfficialDocument.mm(mm[i]);
            total += widths[i];
        }
        widths[1] += OfficialDocument.BODY_WIDTH - total; // rounding: the table fills the text's width exactly
        return widths;
    }

    static boolean[] centred() {
        return CENTRED;
    }

    /** Prints the title's heading and its table: {@code I. Mô hình … (25 tập thể và 2 cá nhân)}. */
    static void print(OfficialDocument document, int index, TitleAwards title, boolean withPlace) {
        Words words = document.words();
        String name = title.name(words) + (withPlace ? " – " + title.body().place().describe(words) : "");
        document.heading(words.text("papers.annex.heading", roman(index), name, title.count(words)));
        document.table(header(title, words), rows(title), widths(title), centred(), 12);
    }

    /** I, II, III, IV …: the headings of an annex. */
    static String roman(int n) {
        int[] values = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
        String[] letters = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};
        StringBuilder roman = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            while (n >= values[i]) {
                roman.append(letters[i]);
                n -= values[i];
            }
        }
        return roman.toString();
    }
}
