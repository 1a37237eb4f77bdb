package dvk.report;

import dvk.domain.FieldOfWork;
import dvk.domain.Kind;
import dvk.domain.Level;
import dvk.domain.NominationType;
import dvk.domain.TitleDefinition;
import dvk.io.Column;
import dvk.io.CommitteeValues;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The workbook committees fill with a year's nominations, which {@code dvk evaluate} reads as it is.
 * Sheet "Hướng dẫn" explains each column; sheet "Đề nghị" (the one Excel opens on) has a title, the
 * Vietnamese headers of the data contract, under them the English field names (which reading passes
 * over), one worked example and room for the nominations: drop-down lists for type, kind, field and
 * the yes/no columns, suggestions of the rule set's titles (year, level, code) for prior
 * recognitions, dates formatted {@code dd/mm/yyyy} and numbers with thousands separators. A hidden
 * sheet holds the lists. Instructions are in the language of the {@link Words} given; headers are
 * the contract's in both languages whatever it is.
 */
public final class NominationTemplate {
    /** The rows of the data sheet: title, hint, headers, field names, then the example. */
    public static final int HEADER_ROW = 2;
    public static final int FIRST_DATA_ROW = 4;
    /** Rows that carry the drop-downs and formats, the example's included. */
    static final int ROWS = 500;
    private static final String LISTS = "lists";

    private final int year;
    private final List<TitleDefinition> titles;
    private final Words words;

    /** The template for a batch of {@code year}, whose rule set awards {@code titles}. */
    public NominationTemplate(int year, List<TitleDefinition> titles, Words words) {
        this.year = year;
        this.titles = List.copyOf(titles);
        this.words = words;
    }

    /** The name of the sheet the nominations go on. */
    public String dataSheet() {
        return words.text("input.template.sheet.data");
    }

    public void write(OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Styles styles = new Styles(workbook);
            Sheet help = workbook.createSheet(words.text("input.template.sheet.help"));
            Sheet data = workbook.createSheet(dataSheet());
            Sheet lists = workbook.createSheet(LISTS);
            Map<Column, String> listRanges = lists(lists);
            instructions(help, styles);
            data(data, styles, listRanges);
            workbook.setSheetVisibility(workbook.getSheetIndex(lists), SheetVisibility.HIDDEN);
            workbook.setActiveSheet(workbook.getSheetIndex(data));
            workbook.setSelectedTab(workbook.getSheetIndex(data));
            // POI stamps a new package with the current time; the same template should be the same file
            workbook.getProperties().getCoreProperties().setCreated(Optional.empty());
            workbook.write(out);
        }
    }

    private record Styles(CellStyle title, CellStyle header, CellStyle field, CellStyle text, CellStyle date,
                          CellStyle whole, CellStyle example, CellStyle wrapped, CellStyle bold) {
        Styles(Workbook workbook) {
            this(font(workbook, 14, true, false, null), header(workbook), font(workbook, 9, false, true, IndexedColors.GREY_50_PERCENT),
                    format(workbook, "@"), format(workbook, "dd/mm/yyyy"), format(workbook, "#,##0"),
                    font(workbook, 11, false, true, IndexedColors.GREY_80_PERCENT), wrapped(workbook), font(workbook, 11, true, false, null));
        }

        private static CellStyle font(Workbook workbook, int points, boolean bold, boolean italic, IndexedColors color) {
            Font font = workbook.createFont();
            font.setFontHeightInPoints((short) points);
            font.setBold(bold);
            font.setItalic(italic);
            if (color != null) font.setColor(color.getIndex());
            CellStyle style = workbook.createCellStyle();
            style.setFont(font);
            return style;
        }

        private static CellStyle header(Workbook workbook) {
            CellStyle style = font(workbook, 11, true, false, null);
            style.setWrapText(true);
            style.setVerticalAlignment(VerticalAlignment.CENTER);
            style.setFillForegroundColor(IndexedColors.LIGHT_CORNFLOWER_BLUE.getIndex());
            style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            style.setBorderBottom(BorderStyle.THIN);
            return style;
        }

        private static CellStyle format(Workbook workbook, String format) {
            CellStyle style = workbook.createCellStyle();
            style.setDataFormat(workbook.createDataFormat().getFormat(format));
            return style;
        }

        private static CellStyle wrapped(Workbook workbook) {
            CellStyle style = workbook.createCellStyle();
            style.setWrapText(true);
            style.setVerticalAlignment(VerticalAlignment.TOP);
            return style;
        }
    }

    /** The hidden sheet of lists the drop-downs read; returns each column's list as a range. */
    private Map<Column, String> lists(Sheet sheet) {
        Map<Column, List<String>> values = new EnumMap<>(Column.class);
        values.put(Column.TYPE, CommitteeValues.vietnamese(NominationType.class));
        values.put(Column.KIND, CommitteeValues.vietnamese(Kind.class));
        values.put(Column.FIELD, CommitteeValues.vietnamese(FieldOfWork.class));
        values.put(Column.DOSSIER_REPORT, List.of(CommitteeValues.YES, CommitteeValues.NO));
        values.put(Column.PRIOR_RECOGNITIONS, recognitions());
        Map<Column, String> ranges = new EnumMap<>(Column.class);
        int c = 0;
        for (Map.Entry<Column, List<String>> list : values.entrySet()) {
            for (int r = 0; r < list.getValue().size(); r++) {
                Row row = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
                row.createCell(c).setCellValue(list.getValue().get(r));
            }
            String letter = CellReference.convertNumToColString(c);
            ranges.put(list.getKey(), LISTS + "!$" + letter + "$1:$" + letter + "$" + list.getValue().size());
            c++;
        }
        ranges.put(Column.DOSSIER_CONFIRMATION, ranges.get(Column.DOSSIER_REPORT));
        ranges.put(Column.DOSSIER_ACCEPTANCE, ranges.get(Column.DOSSIER_REPORT));
        return ranges;
    }

    /**
     * Prior recognitions a nomination of this year may cite, as the column takes them: a commune's
     * typical model and each title of the rule set, in the three years before.
     */
    private List<String> recognitions() {
        List<String> entries = new ArrayList<>();
        for (int y = year - 1; y >= year - 3; y--) {
            entries.add(y + ":" + CommitteeValues.vietnamese(Level.COMMUNE) + ":COMMUNE_MODEL");
            for (TitleDefinition title : titles) {
                entries.add(y + ":" + CommitteeValues.vietnamese(title.level()) + ":" + title.code());
            }
        }
        return entries;
    }

    private void instructions(Sheet sheet, Styles styles) {
        int r = 0;
        cell(sheet.createRow(r++), 0, words.text("input.template.help.title", Integer.toString(year)), styles.title());
        r++;
        for (int line = 1; words.has("input.template.help." + line); line++) {
            Row row = sheet.createRow(r++);
            cell(row, 0, words.text("input.template.help." + line, dataSheet(), Integer.toString(FIRST_DATA_ROW + 1),
                    Integer.toString(year)), styles.wrapped());
            sheet.addMergedRegion(new CellRangeAddress(row.getRowNum(), row.getRowNum(), 0, 3));
            row.setHeightInPoints(32);
        }
        r++;
        cell(sheet.createRow(r++), 0, words.text("input.template.help.columns"), styles.bold());
        Row head = sheet.createRow(r++);
        String[] heads = {"column", "field", "required", "how"};
        for (int c = 0; c < heads.length; c++) cell(head, c, words.text("input.template.help.head." + heads[c]), styles.header());
        for (Column column : Column.all()) {
            Row row = sheet.createRow(r++);
            cell(row, 0, column.vietnamese(), styles.bold());
            cell(row, 1, column.field(), styles.field());
            cell(row, 2, words.text("input.template.required." + column.required().name().toLowerCase(java.util.Locale.ROOT)),
                    styles.wrapped());
            cell(row, 3, words.text("input.template.how." + column.field(), Integer.toString(year)), styles.wrapped());
        }
        r++;
        cell(sheet.createRow(r++), 0, words.text("input.template.help.titles"), styles.bold());
        Row titleHead = sheet.createRow(r++);
        String[] titleHeads = {"code", "name", "level"};
        for (int c = 0; c < titleHeads.length; c++) {
            cell(titleHead, c, words.text("input.template.help.head." + titleHeads[c]), styles.header());
        }
        for (TitleDefinition title : titles) {
            Row row = sheet.createRow(r++);
            cell(row, 0, title.code(), styles.bold());
            cell(row, 1, words.isVietnamese() ? title.nameVi() : title.nameEn(), styles.wrapped());
            cell(row, 2, CommitteeValues.vietnamese(title.level()), null);
        }
        sheet.setColumnWidth(0, 30 * 256);
        sheet.setColumnWidth(1, 24 * 256);
        sheet.setColumnWidth(2, 14 * 256);
        sheet.setColumnWidth(3, 80 * 256);
    }

    private void data(Sheet sheet, Styles styles, Map<Column, String> listRanges) {
        List<Column> columns = Column.all();
        cell(sheet.createRow(0), 0, words.text("input.template.title", Integer.toString(year)), styles.title());
        cell(sheet.createRow(1), 0, words.text("input.template.hint", Integer.toString(FIRST_DATA_ROW + 1),
                words.text("input.template.sheet.help")), styles.example());
        Row headers = sheet.createRow(HEADER_ROW);
        Row fields = sheet.createRow(HEADER_ROW + 1);
        headers.setHeightInPoints(45);
        for (int c = 0; c < columns.size(); c++) {
            Column column = columns.get(c);
            cell(headers, c, column.vietnamese(), styles.header());
            cell(fields, c, column.field(), styles.field());
            sheet.setColumnWidth(c, width(column) * 256);
            CellStyle style = switch (column.form()) {
                case DATE -> styles.date();
                case WHOLE -> styles.whole();
                case TEXT, LIST -> styles.text();
                default -> null;
            };
            if (style != null) sheet.setDefaultColumnStyle(c, style);
        }
        example(sheet.createRow(FIRST_DATA_ROW), styles);
        sheet.createFreezePane(2, FIRST_DATA_ROW);
        validations(sheet, listRanges);
    }

    private static int width(Column column) {
        return switch (column.form()) {
            case TEXT -> column == Column.NAME || column == Column.SPONSOR || column == Column.NOTES ? 36 : 16;
            case LIST -> 30;
            case CHOICE -> column == Column.FIELD ? 24 : 14;
            case DATE, WHOLE -> 16;
            default -> 12;
        };
    }

    /** One nomination filled in as a committee would, in the Vietnamese forms, dated for this template's year. */
    private void example(Row row, Styles styles) {
        Map<Column, Object> cells = new EnumMap<>(Column.class);
        cells.put(Column.YEAR, year);
        cells.put(Column.ID, "VD-" + year + "-001");
        cells.put(Column.NAME, "Phụ nữ tự quản tuyến đường hoa thôn Hoàng Long");
        cells.put(Column.TYPE, CommitteeValues.vietnamese(NominationType.MODEL));
        cells.put(Column.KIND, CommitteeValues.vietnamese(Kind.COLLECTIVE));
        cells.put(Column.FIELD, CommitteeValues.vietnamese(FieldOfWork.CULTURE_SOCIETY));
        cells.put(Column.SPONSOR, "Hội Liên hiệp Phụ nữ xã Đặng Xá");
        cells.put(Column.COMMUNE, "Đặng Xá");
        cells.put(Column.DISTRICT, "Gia Lâm");
        cells.put(Column.CITY, "Hà Nội");
        cells.put(Column.START_DATE, LocalDate.of(year - 2, 3, 1));
        cells.put(Column.FUNDS_VND, 143_000_000L);
        cells.put(Column.LABOR_DAYS, 400L);
        cells.put(Column.BENEFICIARIES, 1_200L);
        cells.put(Column.REPLICATION_SITES, 2L);
        cells.put(Column.APPROVAL_PERCENT, 92L);
        cells.put(Column.PRIOR_RECOGNITIONS, (year - 1) + ":" + CommitteeValues.vietnamese(Level.COMMUNE) + ":COMMUNE_MODEL");
        cells.put(Column.DOSSIER_REPORT, CommitteeValues.YES);
        cells.put(Column.DOSSIER_CONFIRMATION, CommitteeValues.YES);
        cells.put(Column.NOTES, words.text("input.template.example.notes"));
        List<Column> columns = Column.all();
        for (int c = 0; c < columns.size(); c++) {
            Object value = cells.get(columns.get(c));
            if (value == null) continue;
            Cell cell = row.createCell(c);
            if (value instanceof LocalDate date) {
                cell.setCellValue(date);
                cell.setCellStyle(styles.date());
            } else if (value instanceof Number number) {
                cell.setCellValue(number.doubleValue());
                if (columns.get(c).form() == Column.Form.WHOLE) cell.setCellStyle(styles.whole());
            } else {
                cell.setCellValue(value.toString());
                if (columns.get(c).form() == Column.Form.TEXT || columns.get(c).form() == Column.Form.LIST) {
                    cell.setCellStyle(styles.text());
                }
            }
        }
    }

    /** Drop-downs, bounds and prompts on the rows nominations go in. */
    private void validations(Sheet sheet, Map<Column, String> listRanges) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        List<Column> columns = Column.all();
        for (int c = 0; c < columns.size(); c++) {
            Column column = columns.get(c);
            CellRangeAddressList cells = new CellRangeAddressList(FIRST_DATA_ROW, FIRST_DATA_ROW + ROWS - 1, c, c);
            DataValidation validation = switch (column.form()) {
                case YEAR -> strict(helper.createValidation(helper.createIntegerConstraint(
                        DataValidationConstraint.OperatorType.BETWEEN, Integer.toString(year), Integer.toString(year)), cells),
                        words.text("input.template.error.year", Integer.toString(year)));
                case CHOICE, YES_NO -> strict(helper.createValidation(helper.createFormulaListConstraint(listRanges.get(column)),
                        cells), words.text("input.template.error.choose"));
                case WHOLE -> warning(helper.createValidation(helper.createIntegerConstraint(
                        DataValidationConstraint.OperatorType.GREATER_OR_EQUAL, "0", null), cells),
                        words.text("input.template.error.whole"));
                case PERCENT -> warning(helper.createValidation(helper.createDecimalConstraint(
                        DataValidationConstraint.OperatorType.BETWEEN, "0", "100"), cells),
                        words.text("input.template.error.percent"));
                case LIST -> column == Column.PRIOR_RECOGNITIONS
                        ? suggestions(helper.createValidation(helper.createFormulaListConstraint(listRanges.get(column)), cells))
                        : null;
                default -> null;
            };
            if (validation == null) continue;
            String prompt = words.text("input.template.how." + column.field(), Integer.toString(year));
            validation.createPromptBox(column.vietnamese(), prompt.length() > 250 ? prompt.substring(0, 249) + "…" : prompt);
            validation.setShowPromptBox(true);
            sheet.addValidationData(validation);
        }
    }

    private static DataValidation strict(DataValidation validation, String error) {
        validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
        validation.createErrorBox("dvk", error);
        validation.setShowErrorBox(true);
        validation.setEmptyCellAllowed(true);
        return validation;
    }

    private static DataValidation warning(DataValidation validation, String error) {
        validation.setErrorStyle(DataValidation.ErrorStyle.WARNING);
        validation.createErrorBox("dvk", error);
        validation.setShowErrorBox(true);
        validation.setEmptyCellAllowed(true);
        return validation;
    }

    /** A drop-down of suggestions: anything may be typed, since a cell may list several entries. */
    private static DataValidation suggestions(DataValidation validation) {
        validation.setShowErrorBox(false);
        validation.setEmptyCellAllowed(true);
        return validation;
    }

    private static void cell(Row row, int column, String text, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(text);
        if (style != null) cell.setCellStyle(style);
    }
}
