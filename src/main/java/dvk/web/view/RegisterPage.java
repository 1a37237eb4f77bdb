package dvk.web.view;

import java.time.LocalDate;
import java.util.List;

/** The award register: the search, a page of titles, the export, and for a secretary the import. */
public record RegisterPage(Search search, List<Entry> entries, long total, long shown, Pager pager, List<Option> titles,
                           String exportUrl, boolean canImport, Imported imported) {

    public record Search(String q, String commune, String district, String year, String title, boolean any) {}

    public record Entry(String modelCode, String modelUrl, int year, String level, String title, String titleName, String name,
                        String type, String commune, String district, String city, String decisionNumber, LocalDate decisionDate,
                        String issuer, String source, boolean overridden, String revokedNumber) {}

    public record Option(String value, String label) {}

    public record Pager(int page, int pages, String previous, String next) {}

    /** What an import just did: titles stored, rows read, and each problem of the rows not stored. */
    public record Imported(int stored, int rows, int newModels, int unreadable, List<Problem> problems) {}

    public record Problem(int row, String column, String reason) {}
}
