package dvk.io;

import dvk.domain.Level;
import dvk.domain.NominationType;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A past year's award register from a workbook: one row a title, the columns of the data
 * contract's register section under their English or Vietnamese headers (matched as nominations'
 * are), on the first sheet with a header row. A row that cannot be read is not stored; each of its
 * problems is listed with the row's number (as the spreadsheet numbers it) and the column, so the
 * committee can fix it; the other rows are read.
 */
public final class RegisterXlsxReader {
    /** The register's columns: the data contract's field name and Vietnamese header. */
    public enum Field {
        MODEL_CODE("modelCode", "Mã mô hình", false),
        YEAR("year", "Năm", true),
        LEVEL("level", "Cấp", true),
        TITLE("title", "Danh hiệu", true),
        NAME("name", "Tên mô hình, công trình", true),
        TYPE("type", "Loại", false),
        COMMUNE("commune", "Xã, phường", true),
        DISTRICT("district", "Quận, huyện", true),
        CITY("city", "Tỉnh, thành phố", false),
        DECISION_NUMBER("decisionNumber", "Số quyết định", true),
        DECISION_DATE("decisionDate", "Ngày quyết định", true),
        ISSUER("issuer", "Cơ quan ban hành", false);

        public final String field;
        public final String vietnamese;
        final boolean required;

        Field(String field, String vietnamese, boolean required) {
            this.field = field;
            this.vietnamese = vietnamese;
            this.required = required;
        }
    }

    /** A title read; {@code modelCode} null when the row left it blank (the register assigns one). */
    public record Entry(int row, String modelCode, int year, Level level, String title, String name, NominationType type,
                        String commune, String district, String city, String decisionNumber, LocalDate decisionDate,
                        String issuer) {}

    /**
     * A problem of one row: its number in the sheet, the column's header as the file writes it, and
     * what is wrong as a key of the words ({@code register.import.*}) with its arguments.
     */
    public record Problem(int row, String column, String key, List<String> arguments) {
        public Problem {
            arguments = List.copyOf(arguments);
        }
    }

    public record Result(List<Entry> entries, List<Problem> problems, int rows) {}

    /** A file that cannot be read as a register at all: no header row, an unknown column, not a workbook. */
    public static final class Unreadable extends Exception {
        public final String key;
        public final transient List<String> arguments;

        Unreadable(String key, String... arguments) {
            super(key + " " + String.join(", ", arguments));
            this.key = key;
            this.arguments = List.of(arguments);
        }
    }

    private static final Pattern DAY_FIRST = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final int HEADER_SEARCH = 20;
    private static final Map<String, Field> BY_HEADER = new LinkedHashMap<>();

    static {
        for (Field f : Field.values()) {
            BY_HEADER.put(Names.matchKey(f.field), f);
            BY_HEADER.put(Names.matchKey(f.vietnamese), f);
        }
    }

    private RegisterXlsxReader() {}

    /**
     * Reads a register workbook; {@code titleCode} turns what a row writes in the title column (a
     * code, or a title's Vietnamese name) into a title code, or null when no rule set knows it.
     */
    public static Result read(InputStream xlsx, Function<String, String> titleCode) throws Unreadable, IOException {
        XSSFWorkbook workbook;
        try {
            workbook = new XSSFWorkbook(xlsx);
        } catch (IOException | RuntimeException e) {
            throw new Unreadable("register.import.notWorkbook");
        }
        try (workbook) {
            DataFormatter formatter = new DataFormatter();
            for (Sheet sheet : workbook) {
                for (int r = sheet.getFirstRowNum(); r <= Math.min(sheet.getLastRowNum(), sheet.getFirstRowNum() + HEADER_SEARCH); r++) {
                    Row row = sheet.getRow(r);
                    if (row == null) continue;
                    Map<Integer, Field> columns = header(row, formatter);
                    if (columns != null) return rows(sheet, r, columns, formatter, titleCode);
                }
            }
            throw new Unreadable("register.import.noHeader", String.join(", ", java.util.Arrays.stream(Field.values())
                    .map(f -> f.vietnamese).toList()));
        }
    }

    /** The columns of a header row, or null when the row is not one (fewer than three known headers). */
    private static Map<Integer, Field> header(Row row, DataFormatter formatter) throws Unreadable {
        Map<Integer, Field> columns = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (Cell cell : row) {
            String text = formatter.formatCellValue(cell);
            if (Names.isBlank(text)) continue;
            Field field = BY_HEADER.get(Names.matchKey(text));
            if (field == null) unknown.add(Names.clean(text));
            else columns.put(cell.getColumnIndex(), field);
        }
        if (columns.size() < 3) return null;
        if (!unknown.isEmpty()) throw new Unreadable("register.import.unknownColumn", unknown.get(0));
        for (Field f : Field.values()) {
            if (f.required && !columns.containsValue(f)) throw new Unreadable("register.import.missingColumn", f.vietnamese);
        }
        return columns;
    }

    private static Result rows(Sheet sheet, int headerRow, Map<Integer, Field> columns, DataFormatter formatter,
                               Function<String, String> titleCode) {
        Map<Field, String> headers = new EnumMap<>(Field.class);
        Row header = sheet.getRow(headerRow);
        columns.forEach((c, f) -> headers.put(f, Names.clean(formatter.formatCellValue(header.getCell(c)))));
        List<Entry> entries = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        int rows = 0;
        for (int r = headerRow + 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null) continue;
            Map<Field, Cell> cells = new EnumMap<>(Field.class);
            boolean any = false;
            for (Map.Entry<Integer, Field> c : columns.entrySet()) {
                Cell cell = row.getCell(c.getKey());
                if (cell != null && !Names.isBlank(formatter.formatCellValue(cell))) {
                    cells.put(c.getValue(), cell);
                    any = true;
                }
            }
            if (!any) continue;
            rows++;
            new RowReader(r + 1, cells, headers, formatter, titleCode, problems).read().ifPresent(entries::add);
        }
        return new Result(entries, problems, rows);
    }

    /** One row: each field read, each problem noted. */
    private static final class RowReader {
        private final int number;
        private final Map<Field, Cell> cells;
        private final Map<Field, String> headers;
        private final DataFormatter formatter;
        private final Function<String, String> titleCode;
        private final List<Problem> problems;
        private boolean broken;

        RowReader(int number, Map<Field, Cell> cells, Map<Field, String> headers, DataFormatter formatter,
                  Function<String, String> titleCode, List<Problem> problems) {
            this.number = number;
            this.cells = cells;
            this.headers = headers;
            this.formatter = formatter;
            this.titleCode = titleCode;
            this.problems = problems;
        }

        java.util.Optional<Entry> read() {
            String code = text(Field.MODEL_CODE);
            Integer year = year();
            Level level = value(Field.LEVEL, Level.class);
            String title = title();
            String name = text(Field.NAME);
            NominationType type = value(Field.TYPE, NominationType.class);
            String commune = place(Field.COMMUNE);
            String district = place(Field.DISTRICT);
            String city = place(Field.CITY);
            String decisionNumber = text(Field.DECISION_NUMBER);
            LocalDate date = date();
            String issuer = text(Field.ISSUER);
            if (code != null && code.length() > 32) problem(Field.MODEL_CODE, "register.import.tooLong", "32");
            if (name != null && name.length() > 2000) problem(Field.NAME, "register.import.tooLong", "2000");
            if (decisionNumber != null && decisionNumber.length() > 100) problem(Field.DECISION_NUMBER, "register.import.tooLong", "100");
            for (Field f : Field.values()) {
                if (f.required && !cells.containsKey(f)) problem(f, "register.import.missing");
            }
            if (broken) return java.util.Optional.empty();
            return java.util.Optional.of(new Entry(number, code, year, level, title, name, type, commune, district,
                    city == null ? "" : city, decisionNumber, date, issuer));
        }

        private String raw(Field f) {
            Cell cell = cells.get(f);
            return cell == null ? null : Names.clean(formatter.formatCellValue(cell));
        }

        private String text(Field f) {
            String raw = raw(f);
            return raw == null || raw.isEmpty() ? null : raw;
        }

        private String place(Field f) {
            String text = text(f);
            return text == null ? null : Names.place(text);
        }

        private Integer year() {
            Cell cell = cells.get(Field.YEAR);
            if (cell == null) return null;
            String text;
            if (type(cell) == CellType.NUMERIC) {
                BigDecimal value = BigDecimal.valueOf(cell.getNumericCellValue());
                if (value.stripTrailingZeros().scale() > 0) return problemNull(Field.YEAR, "register.import.year", raw(Field.YEAR));
                text = value.toBigInteger().toString();
            } else {
                text = raw(Field.YEAR);
            }
            if (!text.matches("\\d{4}")) return problemNull(Field.YEAR, "register.import.year", text);
            int year = Integer.parseInt(text);
            if (year < 1990 || year > 2100) return problemNull(Field.YEAR, "register.import.year", text);
            return year;
        }

        private LocalDate date() {
            Cell cell = cells.get(Field.DECISION_DATE);
            if (cell == null) return null;
            if (type(cell) == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
                return cell.getLocalDateTimeCellValue().toLocalDate();
            }
            String text = raw(Field.DECISION_DATE);
            try {
                Matcher iso = ISO.matcher(text);
                if (iso.matches()) {
                    return LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)), Integer.parseInt(iso.group(3)));
                }
                Matcher dayFirst = DAY_FIRST.matcher(text);
                if (dayFirst.matches()) {
                    return LocalDate.of(Integer.parseInt(dayFirst.group(3)), Integer.parseInt(dayFirst.group(2)),
                            Integer.parseInt(dayFirst.group(1)));
                }
            } catch (DateTimeException e) {
                return problemNull(Field.DECISION_DATE, "register.import.noSuchDate", text);
            }
            return problemNull(Field.DECISION_DATE, "register.import.date", text);
        }

        private String title() {
            String text = text(Field.TITLE);
            if (text == null) return null;
            String code = titleCode.apply(text);
            return code != null ? code : problemNull(Field.TITLE, "register.import.unknownTitle", text);
        }

        private <E extends Enum<E>> E value(Field f, Class<E> type) {
            String text = text(f);
            if (text == null) return null;
            E value = CommitteeValues.parse(type, text);
            if (value == null) {
                problem(f, "register.import." + f.field, text);
            }
            return value;
        }

        private <T> T problemNull(Field f, String key, String... arguments) {
            problem(f, key, arguments);
            return null;
        }

        private void problem(Field f, String key, String... arguments) {
            broken = true;
            problems.add(new Problem(number, headers.getOrDefault(f, f.vietnamese), key, List.of(arguments)));
        }

        private static CellType type(Cell cell) {
            return cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        }
    }
}
