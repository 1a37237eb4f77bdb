package dvk.web.view;

import java.time.Instant;
import java.util.List;

/**
 * A round's version as the committee reads it: which file and rules decided it, the counts, titles
 * by district and a chart, warnings and provisional quotas, the decisions (filtered, a page at a
 * time, each linking to its card), and the rejected records with what is wrong in each cell.
 *
 * <p>The part from {@code summary} to {@code rejected} is the report's content; when the report is
 * built from typed views ({@code ReportView}), that part is drawn by the report's own templates.
 */
public record RoundPage(long roundId, String name, int year, int number, boolean latest, Version version, List<Version> versions,
                        Summary summary, List<DistrictRow> districts, List<String> warnings, List<String> provisional,
                        Filter filter, List<Row> rows, long shown, Pager pager, List<Rejected> rejected,
                        Links links, boolean canUpload, long maxUploadMegabytes, CouncilView council) {

    /** One upload of the round. */
    public record Version(int number, String url, String fileName, long fileSize, String uploadedBy, Instant uploadedAt,
                          int records, int decided, int rejected, String note, String ruleSource, String ruleSetName,
                          String fingerprint, boolean current) {}

    /** The counts, and each title's count with its bar on the chart (percent of the largest). */
    public record Summary(int records, int decided, int rejected, List<TitleCount> titles) {}

    public record TitleCount(String code, String name, long count, int percent) {}

    /** One district's count of each title, in the order of {@link Summary#titles()}. */
    public record DistrictRow(String district, List<Long> counts, long total) {}

    /** What the list shows: the chosen values, and the choices. */
    public record Filter(String district, String title, String type, String text, List<String> districts,
                         List<Option> titles, boolean any) {}

    public record Option(String value, String label) {}

    /** A decided nomination in the list. */
    public record Row(int position, String url, String id, String name, String type, String district, String commune,
                      Integer score, List<String> titles, List<String> changes) {}

    /** Pages of the list: the links to the previous and next page, null at either end. */
    public record Pager(int page, int pages, String previous, String next) {}

    public record Rejected(int row, String id, List<String> errors) {}

    /** The report as {@code dvk evaluate --format html} writes it, the workbook, the JSON, and the file as uploaded. */
    public record Links(String report, String xlsx, String json, String input, String upload) {}
}
