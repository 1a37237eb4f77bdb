package dvk.report;

import dvk.domain.FieldError;
import dvk.domain.ProvisionalQuota;
import dvk.domain.RejectedRecord;
import dvk.domain.TitleDefinition;
import dvk.domain.Warning;
import dvk.engine.Evaluation;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The decisions as a workbook for committees: the first sheet is the {@link DecisionTable} (the
 * same rows as the CSV output) with real numbers and dates, the second the batch, the rule set and
 * the titles per district, the third every problem of every rejected record. In Vietnamese (the
 * default) it is the committee's form: sheets and columns named in words, rows numbered from 1
 * as in a workbook, {@code Có}/{@code Không}, dates {@code dd/mm/yyyy}, titles by name and reasons
 * in words; in English it keeps the data contract's field names, codes, ISO dates and the JSON's
 * 0-based index. Streamed (SXSSF), so a large batch does not hold a whole workbook in memory; no
 * creation time is written, so the same evaluation gives the same cells and properties.
 */
public final class DecisionXlsxWriter {
    /** A cell holds at most this much text; longer text makes POI throw, so it is cut. */
    private static final int MAX_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();
    /** Columns wide enough for most values but not wider than a screen's share (in characters). */
    private static final int MAX_WIDTH = 60;
    private static final int MIN_WIDTH = 6;

    private DecisionXlsxWriter() {}

    /** Writes the workbook to {@code out}, messages in English. */
    public static void write(Evaluation evaluation, OutputStream out) throws IOException {
        write(evaluation, Words.english(), out);
    }

    /** Writes the workbook to {@code out}, messages (rejected records' problems, warnings) in {@code words}. */
    public static void write(Evaluation evaluation, Words words, OutputStream out) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        try {
            workbook.setCompressTempFiles(true);
            // no Zip64 records: a report is far below 4 GB, and some readers (java.util.zip's stream) trip on them
            workbook.setZip64Mode(Zip64Mode.Never);
            Styles styles = new Styles(workbook, words.text("workbook.dateFormat"));
            boolean committee = words.isVietnamese();
            DecisionTable table = committee ? DecisionTable.committee(evaluation, words) : DecisionTable.of(evaluation, words);
            decisions(workbook.createSheet(words.text("workbook.sheet.decisions")), table,
                    headers(table, OutcomeWords.of(words, evaluation.rules())), styles);
            summary(workbook.createSheet(words.text("workbook.sheet.summary")), evaluation, words, styles);
            rejected(workbook.createSheet(words.text("workbook.sheet.rejected")), evaluation.rejected(), words,
                    committee ? 1 : 0, styles);
            // POI stamps a new package with the current time; a report of the same input should not differ by it
            workbook.getXSSFWorkbook().getProperties().getCoreProperties().setCreated(Optional.empty());
            workbook.write(out);
        } finally {
            workbook.dispose(); // the streamed rows' temporary files
            workbook.close();
        }
    }

    private record Styles(CellStyle header, CellStyle wrappedHeader, CellStyle date, String dateFormat) {
        Styles(Workbook workbook, String dateFormat) {
            this(bold(workbook, false), bold(workbook, true), date(workbook, dateFormat), dateFormat);
        }

        private static CellStyle bold(Workbook workbook, boolean wrap) {
            Font font = workbook.createFont();
            font.setBold(true);
            CellStyle style = workbook.createCellStyle();
            style.setFont(font);
            style.setWrapText(wrap);
            return style;
        }

        private static CellStyle date(Workbook workbook, String format) {
            CellStyle style = workbook.createCellStyle();
            style.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat(format));
            return style;
        }
    }

    /** A column's header in words ({@code workbook.column.NAME}); a title's column is the title's name. */
    private static List<String> headers(DecisionTable table, OutcomeWords words) {
        return table.columns().stream().map(c -> {
            String header = words.words().textOr("workbook.column." + c.header(), null);
            if (header != null) return header;
            return words.words().isVietnamese() ? words.title(c.header()) : c.header();
        }).toList();
    }

    private static void decisions(Sheet sheet, DecisionTable table, List<String> headers, Styles styles) {
        List<DecisionTable.Column> columns = table.columns();
        int[] widths = new int[columns.size()];
        Row header = sheet.createRow(0);
        for (int c = 0; c < columns.size(); c++) {
            text(header.createCell(c), headers.get(c)).setCellStyle(styles.header());
            widths[c] = Math.min(headers.get(c).length(), 30);
        }
        for (int r = 0; r < table.rows().size(); r++) {
            List<Object> values = table.rows().get(r);
            Row row = sheet.createRow(r + 1);
            for (int c = 0; c < columns.size(); c++) {
                Object value = values.get(c);
                if (value == null) continue;
                Cell cell = row.createCell(c);
                switch (columns.get(c).type()) {
                    case NUMBER -> {
                        if (value instanceof Number n) cell.setCellValue(n.doubleValue()); else text(cell, value.toString());
                    }
                    case DATE -> {
                        if (value instanceof LocalDate d) {
                            cell.setCellValue(d);
                            cell.setCellStyle(styles.date());
                        } else {
                            text(cell, value.toString());
                        }
                    }
                    case TEXT -> text(cell, value.toString());
                }
                widths[c] = Math.max(widths[c], value instanceof LocalDate ? styles.dateFormat().length() : value.toString().length());
            }
        }
        table(sheet, widths, table.rows().size());
    }

    /**
     * The batch and rule set, the counts, then titles × districts: a row of Vietnamese title names
     * over a header row of codes, a row per district with its decided nominations, and totals; then
     * the districts whose quota is provisional, with the rejected records that could change it, and
     * what reading the batch warned of.
     */
    private static void summary(Sheet sheet, Evaluation evaluation, Words words, Styles styles) {
        int r = 0;
        r = labelled(sheet, r, words.text("workbook.summary.year"), evaluation.year(), styles);
        r = labelled(sheet, r, words.text("workbook.summary.rules"), evaluation.rules().source(), styles);
        r = labelled(sheet, r, words.text("workbook.summary.fingerprint"), evaluation.rules().fingerprint(), styles);
        r = labelled(sheet, r, words.text("workbook.summary.records"), evaluation.records(), styles);
        r = labelled(sheet, r, words.text("workbook.summary.decided"), evaluation.decisions().size(), styles);
        r = labelled(sheet, r, words.text("workbook.summary.rejected"), evaluation.rejected().size(), styles);
        r++;

        TitleSummary summary = TitleSummary.of(evaluation);
        List<TitleDefinition> titles = summary.titles();
        int totalColumn = titles.size() + 2;
        Row names = sheet.createRow(r++);
        Row codes = sheet.createRow(r++);
        text(codes.createCell(0), words.text("workbook.summary.district")).setCellStyle(styles.header());
        text(codes.createCell(1), words.text("workbook.summary.nominations")).setCellStyle(styles.header());
        for (int t = 0; t < titles.size(); t++) {
            text(names.createCell(t + 2), words.isVietnamese() ? titles.get(t).nameVi() : titles.get(t).nameEn()).setCellStyle(styles.wrappedHeader());
            text(codes.createCell(t + 2), titles.get(t).code()).setCellStyle(styles.header());
        }
        text(codes.createCell(totalColumn), words.text("workbook.summary.titles")).setCellStyle(styles.header());
        for (String district : summary.districts()) {
            Row row = sheet.createRow(r++);
            text(row.createCell(0), district);
            row.createCell(1).setCellValue(summary.nominations(district));
            for (int t = 0; t < titles.size(); t++) {
                row.createCell(t + 2).setCellValue(summary.count(district, titles.get(t).code()));
            }
            row.createCell(totalColumn).setCellValue(summary.districtTotal(district));
        }
        Row total = sheet.createRow(r);
        text(total.createCell(0), words.text("workbook.summary.total")).setCellStyle(styles.header());
        total.createCell(1).setCellValue(summary.nominations());
        for (int t = 0; t < titles.size(); t++) {
            total.createCell(t + 2).setCellValue(summary.titleTotal(titles.get(t).code()));
        }
        total.createCell(totalColumn).setCellValue(summary.total());
        provisionalAndWarnings(sheet, r + 2, evaluation, words, styles);

        int labels = summary.districts().stream().mapToInt(String::length).max().orElse(0);
        sheet.setColumnWidth(0, width(Math.max(labels, words.text("workbook.summary.fingerprint").length())));
        // the fingerprint is long; it may spill into the empty cells beside it rather than widen the column
        sheet.setColumnWidth(1, width(words.text("workbook.summary.nominations").length()));
        for (int t = 0; t < titles.size(); t++) {
            sheet.setColumnWidth(t + 2, width(Math.max(titles.get(t).code().length(), 18)));
        }
        sheet.setColumnWidth(totalColumn, width(words.text("workbook.summary.titles").length()));
    }

    /** Sections {@code provisional} (district, title, rejected) and {@code warnings} (kind, message, ids), when there are any. */
    private static int provisionalAndWarnings(Sheet sheet, int r, Evaluation evaluation, Words words, Styles styles) {
        if (!evaluation.provisional().isEmpty()) {
            Row head = sheet.createRow(r++);
            text(head.createCell(0), words.text("workbook.summary.provisional")).setCellStyle(styles.header());
            text(head.createCell(1), words.text("workbook.summary.title")).setCellStyle(styles.header());
            text(head.createCell(2), words.text("workbook.summary.rejectedIds")).setCellStyle(styles.header());
            for (ProvisionalQuota quota : evaluation.provisional()) {
                Row row = sheet.createRow(r++);
                text(row.createCell(0), quota.district());
                text(row.createCell(1), quota.title());
                text(row.createCell(2), String.join(", ", quota.rejected()));
            }
            r++;
        }
        if (!evaluation.warnings().isEmpty()) {
            Row head = sheet.createRow(r++);
            text(head.createCell(0), words.text("workbook.summary.warnings")).setCellStyle(styles.header());
            text(head.createCell(1), words.text("workbook.summary.message")).setCellStyle(styles.header());
            text(head.createCell(2), words.text("workbook.summary.ids")).setCellStyle(styles.header());
            for (Warning warning : evaluation.warnings()) {
                Row row = sheet.createRow(r++);
                text(row.createCell(0), warning.kind());
                text(row.createCell(1), InputText.of(warning.message(), words));
                text(row.createCell(2), String.join(", ", warning.ids()));
            }
        }
        return r;
    }

    private static int labelled(Sheet sheet, int r, String label, Object value, Styles styles) {
        Row row = sheet.createRow(r);
        text(row.createCell(0), label).setCellStyle(styles.header());
        if (value instanceof Number n) {
            row.createCell(1).setCellValue(n.doubleValue());
        } else {
            text(row.createCell(1), String.valueOf(value));
        }
        return r + 1;
    }

    /** Every problem of every rejected record, the record numbered from {@code first} (0 as the JSON's index, 1 as a workbook's). */
    private static void rejected(Sheet sheet, List<RejectedRecord> rejected, Words words, int first, Styles styles) {
        String[] headers = {words.text("workbook.column.index"), words.text("workbook.column.id"),
            words.text("workbook.rejected.field"), words.text("workbook.rejected.message")};
        int[] widths = new int[headers.length];
        Row header = sheet.createRow(0);
        for (int c = 0; c < headers.length; c++) {
            text(header.createCell(c), headers[c]).setCellStyle(styles.header());
            widths[c] = headers[c].length();
        }
        int r = 1;
        for (RejectedRecord record : rejected) {
            for (FieldError error : record.errors()) {
                String message = InputText.message(error, words);
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(record.index() + first);
                if (record.id() != null) text(row.createCell(1), record.id());
                text(row.createCell(2), error.field());
                text(row.createCell(3), message);
                widths[0] = Math.max(widths[0], String.valueOf(record.index() + first).length());
                widths[1] = Math.max(widths[1], record.id() == null ? 0 : record.id().length());
                widths[2] = Math.max(widths[2], error.field().length());
                widths[3] = Math.max(widths[3], message.length());
            }
        }
        table(sheet, widths, r - 1);
    }

    /** A header row that stays in view and filters the rows below it. */
    private static void table(Sheet sheet, int[] widths, int rows) {
        sheet.createFreezePane(0, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, rows, 0, widths.length - 1));
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, width(widths[c]));
        }
    }

    /** A width in Excel's units (1/256 of a character), with room for the autofilter's button. */
    private static int width(int characters) {
        return (Math.min(Math.max(characters, MIN_WIDTH), MAX_WIDTH) + 3) * 256;
    }

    private static Cell text(Cell cell, String text) {
        cell.setCellValue(text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…");
        return cell;
    }
}
