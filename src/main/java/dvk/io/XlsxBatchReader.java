package dvk.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dvk.domain.FieldError;
import dvk.domain.Phrase;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.EmptyFileException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OLE2NotOfficeXmlFileException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads an XLSX batch (the first sheet with a header row, one row a nomination) into the same JSON
 * trees a JSON batch gives, so one validator applies the contract, reading the records as a
 * committee's spreadsheet (Vietnamese words, {@code dd/mm/yyyy}, {@code 1.200.000}). The header row
 * is found as {@link HeaderRow} says: rows above it (a title) and sheets before it (instructions) are
 * passed over, and a row under it that repeats it in the other language (the template's English
 * field names) is not a record. Cells keep their spreadsheet types: a number cell becomes a number,
 * a text cell text, a date-formatted cell in a date column an ISO date. Every record carries where
 * its fields stand, so an error names the row and the column letter a person sees in Excel.
 */
public final class XlsxBatchReader {
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    /** Excel keeps 15 significant digits; a whole number with more was rounded before we saw it. */
    private static final int EXACT_DIGITS = 15;

    private XlsxBatchReader() {}

    public static RawBatch read(InputStream in) throws BatchException {
        try (XSSFWorkbook workbook = open(in)) {
            return read(workbook);
        } catch (IOException e) {
            throw new BatchException(Phrase.of("input.xlsx.cannotRead", oneLine(e)), e);
        }
    }

    private static XSSFWorkbook open(InputStream in) throws BatchException {
        try {
            return new XSSFWorkbook(in);
        } catch (OLE2NotOfficeXmlFileException e) {
            throw new BatchException(Phrase.of("input.xlsx.old"), e);
        } catch (NotOfficeXmlFileException | EmptyFileException e) {
            throw new BatchException(Phrase.of("input.xlsx.notXlsx"), e);
        } catch (IOException | RuntimeException e) {
            if (isZipBomb(e)) {
                throw new BatchException(Phrase.of("input.xlsx.zipBomb"), e);
            }
            throw new BatchException(Phrase.of("input.xlsx.unreadable", oneLine(e)), e);
        }
    }

    /** POI's ZipSecureFile refuses entries that inflate too much, too big, or too many. */
    private static boolean isZipBomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("Zip bomb") || message.contains("max. entry size") || message.contains("max file count")
                    || message.contains("maximum number of entries")) {
                return true;
            }
        }
        return false;
    }

    /** The first line of the deepest message: POI's messages can run over several lines. */
    private static String oneLine(Throwable e) {
        Throwable deepest = e;
        while (deepest.getCause() != null && deepest.getCause().getMessage() != null) deepest = deepest.getCause();
        String message = deepest.getMessage() == null ? deepest.getClass().getSimpleName() : deepest.getMessage();
        return message.strip().lines().findFirst().orElse("").strip();
    }

    /** Rows of a sheet searched for its header row. */
    static final int HEADER_ROWS = 30;

    private static RawBatch read(XSSFWorkbook workbook) throws BatchException {
        if (workbook.getNumberOfSheets() == 0) {
            throw BatchException.of("input.xlsx.noSheet");
        }
        DataFormatter formatter = new DataFormatter();
        Sheet sheet = null;
        Row headerRow = null;
        for (int s = 0; s < workbook.getNumberOfSheets() && headerRow == null; s++) {
            sheet = workbook.getSheetAt(s);
            headerRow = headerRow(sheet, formatter);
        }
        if (headerRow == null) {
            throw BatchException.of("input.xlsx.noHeader", Integer.toString(HEADER_ROWS), HeaderRow.examples());
        }
        Column[] columns = HeaderRow.columns(texts(headerRow, formatter), rowPlace(headerRow.getRowNum() + 1),
                XlsxBatchReader::letter);
        int yearColumn = Arrays.asList(columns).indexOf(Column.YEAR);
        Integer year = null;
        List<RawRecord> records = new ArrayList<>();
        boolean first = true;
        for (Row row : sheet) {
            if (row.getRowNum() <= headerRow.getRowNum() || isBlank(row)) continue;
            if (first) {
                first = false;
                if (HeaderRow.repeats(columns, texts(row, formatter))) continue; // the header again, in English
            }
            int rowYear = yearOf(row, yearColumn);
            if (year == null) {
                year = rowYear;
            } else if (year != rowYear) {
                throw BatchException.of("input.file.twoYears", rowPlace(row.getRowNum() + 1), Integer.toString(rowYear),
                        Integer.toString(year));
            }
            records.add(record(records.size(), columns, row));
        }
        if (year == null) {
            throw BatchException.of("input.xlsx.noRows", "\"" + sheet.getSheetName() + "\"");
        }
        return new RawBatch(year, records);
    }

    private static Phrase rowPlace(int row) {
        return Phrase.of("input.place.row", Integer.toString(row));
    }

    /** The first of the sheet's first rows that names columns, or null. */
    private static Row headerRow(Sheet sheet, DataFormatter formatter) {
        for (Row row : sheet) {
            if (row.getRowNum() >= HEADER_ROWS) break;
            if (HeaderRow.named(texts(row, formatter)) >= HeaderRow.RECOGNISED) return row;
        }
        return null;
    }

    /** The text of a row's cells by column index (null for none), as a header is read. */
    private static List<String> texts(Row row, DataFormatter formatter) {
        List<String> texts = new ArrayList<>();
        for (Cell cell : row) {
            while (texts.size() < cell.getColumnIndex()) texts.add(null);
            CellType type = typeOf(cell);
            texts.add(type == CellType.STRING ? cell.getStringCellValue() : type == CellType.BLANK ? null
                    : formatter.formatCellValue(cell));
        }
        return texts;
    }

    /** The year of a row: a whole number, as a number cell or as text. */
    private static int yearOf(Row row, int yearColumn) throws BatchException {
        Cell cell = row.getCell(yearColumn);
        BigDecimal year = null;
        if (typeOf(cell) == CellType.NUMERIC) {
            year = exact(cell);
        } else if (typeOf(cell) == CellType.STRING && cell.getStringCellValue().strip().matches("\\d{1,9}")) {
            year = new BigDecimal(cell.getStringCellValue().strip());
        }
        if (year == null || year.stripTrailingZeros().scale() > 0 || year.compareTo(BigDecimal.valueOf(RawBatch.MIN_YEAR)) < 0
                || year.compareTo(BigDecimal.valueOf(RawBatch.MAX_YEAR)) > 0) {
            throw BatchException.of("input.xlsx.yearColumn", Phrase.of("input.place.cell", Integer.toString(row.getRowNum() + 1),
                    letter(yearColumn)), Integer.toString(RawBatch.MIN_YEAR), Integer.toString(RawBatch.MAX_YEAR), shown(cell));
        }
        return year.intValue();
    }

    private static RawRecord record(int index, Column[] columns, Row row) {
        ObjectNode node = NODES.objectNode();
        List<FieldError> errors = new ArrayList<>();
        Map<String, Integer> places = new HashMap<>();
        for (int c = 0; c < columns.length; c++) {
            if (columns[c] != null) places.put(columns[c].field(), c);
        }
        for (Cell cell : row) {
            if (isBlank(cell)) continue;
            Column column = cell.getColumnIndex() < columns.length ? columns[cell.getColumnIndex()] : null;
            if (column == null) {
                // a field for the error to name, and its place: the column has no name of its own
                String name = "column " + letter(cell.getColumnIndex());
                places.put(name, cell.getColumnIndex());
                errors.add(RecordFields.error(name, Phrase.of("input.error.noHeader")));
                continue;
            }
            if (column == Column.YEAR) continue;
            JsonNode value = value(cell, column, errors);
            if (value != null) CsvBatchReader.set(node, column, value);
        }
        return new RawRecord(index, node, errors, new SheetCells(row.getRowNum() + 1, places), true);
    }

    /** The cell as a JSON value of its own type, or null when it says nothing (an error then says why). */
    private static JsonNode value(Cell cell, Column column, List<FieldError> errors) {
        switch (typeOf(cell)) {
            case BOOLEAN:
                return NODES.booleanNode(cell.getBooleanCellValue());
            case STRING:
                String text = cell.getStringCellValue();
                if (column.form() == Column.Form.LIST) return CsvBatchReader.list(column.field(), text, errors);
                return NODES.textNode(text);
            case NUMERIC:
                return number(cell, column, errors);
            case ERROR:
                errors.add(RecordFields.error(column.field(), Phrase.of("input.error.cellError", errorText(cell))));
                return null;
            default:
                return null;
        }
    }

    private static JsonNode number(Cell cell, Column column, List<FieldError> errors) {
        if (column.form() == Column.Form.DATE && DateUtil.isCellDateFormatted(cell)) {
            LocalDateTime time = cell.getLocalDateTimeCellValue();
            if (time != null) {
                // a time of day is not part of a yyyy-mm-dd date: keep it, so the validator refuses it
                return NODES.textNode(time.toLocalTime().equals(LocalTime.MIDNIGHT) ? time.toLocalDate().toString()
                        : time.toString());
            }
        }
        BigDecimal n = exact(cell);
        if (column.form() == Column.Form.PERCENT && cell.getCellStyle().getDataFormatString().contains("%")) {
            // 92% typed in a percentage cell is stored as 0.92: the column counts in percent
            n = n.movePointRight(2);
        }
        if (n.stripTrailingZeros().scale() > 0) {
            return NODES.numberNode(n); // 12.5 stays a fraction: the validator rejects it where a whole number is needed
        }
        if (n.stripTrailingZeros().precision() > EXACT_DIGITS) {
            errors.add(RecordFields.error(column.field(), Phrase.of("input.error.digits", n.toBigInteger().toString(),
                    Integer.toString(EXACT_DIGITS))));
        }
        return NODES.numberNode(n.toBigInteger());
    }

    /**
     * The number exactly as the file stores it: the cell's text ({@code 143000000}, {@code 1E+20}),
     * not a double, so a value past 64 bits is not rounded or clamped before the validator sees it.
     */
    private static BigDecimal exact(Cell cell) {
        if (cell instanceof XSSFCell xssf && xssf.getRawValue() != null) {
            try {
                return new BigDecimal(xssf.getRawValue().strip());
            } catch (NumberFormatException e) {
                // not plain digits: fall back to the double POI read
            }
        }
        return BigDecimal.valueOf(cell.getNumericCellValue());
    }

    /** The cell's type, a formula's by its cached result (dvk does not recalculate workbooks). */
    private static CellType typeOf(Cell cell) {
        if (cell == null) return CellType.BLANK;
        return cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
    }

    private static boolean isBlank(Cell cell) {
        CellType type = typeOf(cell);
        return type == CellType.BLANK || (type == CellType.STRING && cell.getStringCellValue().isBlank());
    }

    private static boolean isBlank(Row row) {
        for (Cell cell : row) {
            if (!isBlank(cell)) return false;
        }
        return true;
    }

    private static String errorText(Cell cell) {
        try {
            return FormulaError.forInt(cell.getErrorCellValue()).getString();
        } catch (IllegalArgumentException e) {
            return "code " + cell.getErrorCellValue();
        }
    }

    private static Object shown(Cell cell) {
        return switch (typeOf(cell)) {
            case BLANK -> Phrase.of("input.value.emptyCell");
            case STRING -> Phrase.of("input.value.textCell", "\"" + BatchException.shown(cell.getStringCellValue()) + "\"");
            case NUMERIC -> exact(cell).toPlainString();
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            case ERROR -> Phrase.of("input.value.errorCell", errorText(cell));
            default -> typeOf(cell).name();
        };
    }

    private static String letter(int column) {
        return CellReference.convertNumToColString(column);
    }

    /** Where a record's fields stand: its row, and the column of each field. */
    private record SheetCells(int row, Map<String, Integer> columns) implements FieldLocator {
        @Override
        public Phrase locate(String path) {
            int bracket = path.indexOf('[');
            String column = bracket < 0 ? path : path.substring(0, bracket); // priorRecognitions[1].year → its cell
            Integer index = columns.get(column);
            String at = Integer.toString(row);
            if (index != null) return Phrase.of("input.place.cell", at, letter(index));
            return Column.all().stream().anyMatch(c -> c.field().equals(column))
                    ? Phrase.of("input.place.noColumn", at, "\"" + column + "\"") : rowPlace(row);
        }
    }
}
