package dvk.report.papers;

import dvk.report.Words;
import java.io.IOException;
import java.io.OutputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The lists of the annexes as a workbook, one sheet per title (named by its code, which fits a
 * sheet's 31 characters where the Vietnamese names do not): the title's name, the decision it goes
 * with, then a header row and one row per awardee, with the file number and the kind beside the
 * annex's columns, the score a number. Printed on A4 landscape, one page wide.
 */
final class AwardListXlsx {
    /** Column widths in characters. */
    private static final int[] WIDTHS = {6, 14, 60, 12, 40, 16, 14, 8};
    /** A line of 12 pt type, in points. */
    private static final float LINE_HEIGHT = 15.75f;

    private AwardListXlsx() {}

    /**
     * The lines a text wraps to in a column {@code width} characters wide. A width counts the digits
     * of the workbook's default font; a line of 12 pt Times New Roman holds about a quarter more
     * letters than that (measured in LibreOffice), and a little less is assumed.
     */
    private static int lines(String text, int width) {
        if (text == null || text.isEmpty()) return 1;
        return (int) Math.ceil(text.length() / (width * 1.2));
    }

    static void write(Papers papers, OutputStream out) throws IOException {
        Words words = papers.words();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Styles styles = new Styles(workbook);
            Set<String> names = new HashSet<>();
            List<TitleAwards> awarded = papers.awardedTitles();
            for (TitleAwards title : awarded) {
                boolean severalBodies = awarded.stream().filter(t -> t.title().equals(title.title())).count() > 1;
                String name = sheetName(title.title().code() + (severalBodies ? " " + title.body().place().name() : ""), names);
                list(workbook.createSheet(name), title, papers, styles);
            }
            if (awarded.isEmpty()) {
                Sheet sheet = workbook.createSheet(words.text("papers.annex.title"));
                sheet.createRow(0).createCell(0).setCellValue(papers.withYear("papers.decision.none"));
            }
            if (!papers.changes().isEmpty()) changes(workbook, papers, styles, names);
            // POI stamps a new package with the current time; papers of the same evaluation should not differ by it
            workbook.getProperties().getCoreProperties().setCreated(Optional.empty());
            workbook.write(out);
        }
    }

    private static void list(Sheet sheet, TitleAwards title, Papers papers, Styles styles) {
        Words words = papers.words();
        List<String> header = List.of(words.text("papers.column.number"), words.text("papers.column.id"),
                words.text("papers.column.name"), words.text("papers.column.kind"), words.text("papers.column.sponsor"),
                words.text("papers.column.commune"), words.text("papers.column.district"), words.text("papers.column.score"));
        int columns = title.scored() ? header.size() : header.size() - 1;
        Cell name = sheet.createRow(0).createCell(0);
        name.setCellValue(title.name(words) + " (" + title.count(words) + ")");
        name.setCellStyle(styles.title);
        Cell reference = sheet.createRow(1).createCell(0);
        reference.setCellValue(words.text("papers.list.reference", papers.numberInReference(title.body()), title.body().name()));
        reference.setCellStyle(styles.reference);
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, columns - 1));
        sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, columns - 1));
        Row head = sheet.createRow(3);
        head.setHeightInPoints(2 * LINE_HEIGHT); // "Tập thể hay cá nhân" takes two lines
        for (int c = 0; c < columns; c++) {
            Cell cell = head.createCell(c);
            cell.setCellValue(header.get(c));
            cell.setCellStyle(styles.header);
        }
        int r = 4;
        for (Awardee a : title.awardees()) {
            Row row = sheet.createRow(r);
            // rows of wrapped text keep the height they are given: LibreOffice does not fit them when it opens the file
            int lines = Math.max(lines(a.name(), WIDTHS[2]), lines(a.sponsor(), WIDTHS[4]));
            row.setHeightInPoints(lines * LINE_HEIGHT);
            number(row, 0, r - 3, styles.number);
            text(row, 1, a.id(), styles.text);
            text(row, 2, a.name(), styles.text);
            text(row, 3, words.text("papers.kind." + a.kindKey()), styles.text);
            text(row, 4, a.sponsor(), styles.text);
            text(row, 5, a.commune(), styles.text);
            text(row, 6, a.district(), styles.text);
            if (title.scored()) {
                if (a.score() != null) number(row, 7, a.score(), styles.number);
                else text(row, 7, "", styles.number);
            }
            r++;
        }
        for (int c = 0; c < columns; c++) {
            sheet.setColumnWidth(c, WIDTHS[c] * 256);
        }
        sheet.createFreezePane(0, 4);
        sheet.setRepeatingRows(new CellRangeAddress(3, 3, 0, columns - 1));
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setFitToPage(true);
    }

    /** The council's overrides of the rules, apart on a sheet of their own: each title granted or withheld, and why. */
    private static void changes(XSSFWorkbook workbook, Papers papers, Styles styles, Set<String> names) {
        Words words = papers.words();
        Sheet sheet = workbook.createSheet(sheetName(words.text("register.papers.changesSheet"), names));
        Cell heading = sheet.createRow(0).createCell(0);
        heading.setCellValue(papers.isIssued() ? words.text("register.papers.changesIssued", papers.issue().number())
                : words.text("register.papers.changesTitle"));
        heading.setCellStyle(styles.title);
        List<String> header = List.of(words.text("papers.column.number"), words.text("papers.column.id"),
                words.text("papers.column.name"), words.text("register.column.title"), words.text("register.column.verdict"),
                words.text("register.column.reason"));
        Row head = sheet.createRow(2);
        for (int c = 0; c < header.size(); c++) {
            Cell cell = head.createCell(c);
            cell.setCellValue(header.get(c));
            cell.setCellStyle(styles.header);
        }
        int r = 3;
        for (Issue.Change change : papers.changes()) {
            Row row = sheet.createRow(r);
            number(row, 0, r - 2, styles.number);
            text(row, 1, change.id(), styles.text);
            text(row, 2, change.name(), styles.text);
            text(row, 3, change.titleName(), styles.text);
            text(row, 4, words.text(change.granted() ? "register.verdict.GRANT" : "register.verdict.WITHHOLD"), styles.text);
            text(row, 5, change.reason(), styles.text);
            r++;
        }
        int[] widths = {6, 16, 40, 36, 16, 50};
        for (int c = 0; c < widths.length; c++) sheet.setColumnWidth(c, widths[c] * 256);
    }

    /** A sheet name Excel accepts (31 characters, none of {@code []:*?/\}), unique in the workbook. */
    private static String sheetName(String wanted, Set<String> taken) {
        String name = WorkbookUtil.createSafeSheetName(wanted);
        for (int n = 2; !taken.add(name.toLowerCase(java.util.Locale.ROOT)); n++) {
            String suffix = " " + n;
            name = WorkbookUtil.createSafeSheetName(wanted.substring(0, Math.min(wanted.length(), 31 - suffix.length())) + suffix);
        }
        return name;
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value == null ? "" : value);
        cell.setCellStyle(style);
    }

    private static void number(Row row, int column, int value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    private static final class Styles {
        final CellStyle title;
        final CellStyle reference;
        final CellStyle header;
        final CellStyle text;
        final CellStyle number;

        Styles(Workbook workbook) {
            title = workbook.createCellStyle();
            title.setFont(font(workbook, 14, true, false));
            title.setAlignment(HorizontalAlignment.CENTER);
            reference = workbook.createCellStyle();
            reference.setFont(font(workbook, 12, false, true));
            reference.setAlignment(HorizontalAlignment.CENTER);
            header = bordered(workbook, font(workbook, 12, true, false));
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setWrapText(true);
            text = bordered(workbook, font(workbook, 12, false, false));
            text.setWrapText(true);
            number = bordered(workbook, font(workbook, 12, false, false));
            number.setAlignment(HorizontalAlignment.CENTER);
        }

        private static Font font(Workbook workbook, int size, boolean bold, boolean italic) {
            Font font = workbook.createFont();
            font.setFontName(OfficialDocument.FONT);
            font.setFontHeightInPoints((short) size);
            font.setBold(bold);
            font.setItalic(italic);
            return font;
        }

        private static CellStyle bordered(Workbook workbook, Font font) {
            CellStyle style = workbook.createCellStyle();
            style.setFont(font);
            style.setVerticalAlignment(VerticalAlignment.CENTER);
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
            return style;
        }
    }
}
