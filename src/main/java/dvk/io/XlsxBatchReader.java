package dvk.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dvk.domain.FieldError;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * Reads an XLSX batch (the first sheet, a header row in row 1 with the CSV columns, one row a
 * nomination) into the same JSON trees a JSON batch gives, so one validator applies the contract.
 * Cells keep their spreadsheet types: a number cell becomes a number, a text cell text (so
 * {@code "1200"} typed as text is rejected where a number is needed, as in JSON), a date-formatted
 * cell in a date column an ISO date. Every record carries where its fields stand, so an error
 * names the row and the column letter a person sees in Excel.
 */
public final class XlsxBatchReader {
    private static final Set<String> DATES = Set.of("startDate", "completedDate");
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    /** Excel keeps 15 significant digits; a whole number with more was rounded before we saw it. */
    private static final int EXACT_DIGITS = 15;

    private XlsxBatchReader() {}

    public static RawBatch read(InputStream in) throws BatchException {
        try (XSSFWorkbook workbook = open(in)) {
            return read(workbook);
        } catch (IOException e) {
            throw new BatchException("cannot read the XLSX file: " + oneLine(e), e);
        }
    }

    private static XSSFWorkbook open(InputStream in) throws BatchException {
        try {
            return new XSSFWorkbook(in);
        } catch (OLE2NotOfficeXmlFileException e) {
            throw new BatchException("not an XLSX file: an old .xls workbook or a password-protected one;"
                    + " save it as .xlsx without a password", e);
        } catch (NotOfficeXmlFileException | EmptyFileException e) {
            throw new BatchException("not an XLSX file: expected an Excel workbook saved as .xlsx", e);
        } catch (IOException | RuntimeException e) {
            if (isZipBomb(e)) {
                throw new BatchException("refused: the XLSX file expands to far more than a spreadsheet of"
                        + " nominations does (a damaged file or a zip bomb)", e);
            }
            throw new BatchException("not a readable XLSX file: " + oneLine(e), e);
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

    private static RawBatch read(XSSFWorkbook workbook) throws BatchException {
        if (workbook.getNumberOfSheets() == 0) {
            throw new BatchException("the workbook has no sheet: expected the nominations on the first sheet");
        }
        Sheet sheet = workbook.getSheetAt(0);
        Header header = Header.of(sheet);
        Integer year = null;
        List<RawRecord> records = new ArrayList<>();
        for (Row row : sheet) {
            if (row.getRowNum() == 0 || isBlank(row)) continue;
            int rowYear = yearOf(row, header);
            if (year == null) {
                year = rowYear;
            } else if (year != rowYear) {
                throw new BatchException("row " + (row.getRowNum() + 1) + ": year " + rowYear + " differs from " + year
                        + " of the rows before; a batch has one year");
            }
            records.add(record(records.size(), header, row));
        }
        if (year == null) {
            throw new BatchException("the first sheet \"" + sheet.getSheetName() + "\" has a header but no rows:"
                    + " the batch year cannot be read");
        }
        return new RawBatch(year, records);
    }

    /** The header row: each column's name by index, and each name's column (unknown names too, to locate them). */
    private record Header(Map<Integer, String> names, Map<String, Integer> columns, int year) {
        static Header of(Sheet sheet) throws BatchException {
            Row row = sheet.getRow(0);
            if (row == null || isBlank(row)) {
                throw new BatchException("row 1 of the first sheet \"" + sheet.getSheetName() + "\" is empty:"
                        + " expected the header row (year, id, name, …)");
            }
            DataFormatter formatter = new DataFormatter();
            Map<Integer, String> names = new HashMap<>();
            Map<String, Integer> columns = new HashMap<>();
            for (Cell cell : row) {
                String name = (cell.getCellType() == CellType.STRING ? cell.getStringCellValue()
                        : formatter.formatCellValue(cell)).strip();
                if (name.isEmpty()) continue;
                Integer before = columns.putIfAbsent(name, cell.getColumnIndex());
                if (before != null) {
                    throw new BatchException("row 1: column \"" + name + "\" appears twice in the header row (columns "
                            + letter(before) + " and " + letter(cell.getColumnIndex()) + ")");
                }
                names.put(cell.getColumnIndex(), name);
            }
            Integer year = columns.get("year");
            if (year == null) {
                throw new BatchException("row 1: the header row needs a \"year\" column");
            }
            return new Header(names, columns, year);
        }
    }

    private static int yearOf(Row row, Header header) throws BatchException {
        Cell cell = row.getCell(header.year());
        BigDecimal year = typeOf(cell) == CellType.NUMERIC ? exact(cell) : null;
        if (year == null || year.stripTrailingZeros().scale() > 0 || year.compareTo(BigDecimal.valueOf(RawBatch.MIN_YEAR)) < 0
                || year.compareTo(BigDecimal.valueOf(RawBatch.MAX_YEAR)) > 0) {
            throw new BatchException("row " + (row.getRowNum() + 1) + ", column " + letter(header.year())
                    + ": the year column needs a whole number from " + RawBatch.MIN_YEAR + " to " + RawBatch.MAX_YEAR
                    + ", got " + shown(cell));
        }
        return year.intValue();
    }

    private static RawRecord record(int index, Header header, Row row) {
        ObjectNode node = NODES.objectNode();
        List<FieldError> errors = new ArrayList<>();
        Map<String, Integer> places = header.columns();
        for (Cell cell : row) {
            if (isBlank(cell)) continue;
            String column = header.names().get(cell.getColumnIndex());
            if (column == null) {
                // a field for the error to name, and its place: the column has no name of its own
                column = "column " + letter(cell.getColumnIndex());
                places = new HashMap<>(places);
                places.put(column, cell.getColumnIndex());
                errors.add(new FieldError(column, "a value in a column without a header"));
                continue;
            }
            if (column.equals("year")) continue;
            if (!CsvBatchReader.COLUMNS.contains(column)) {
                // per record, not the whole batch: a committee's stray column costs only the rows that fill it
                errors.add(new FieldError(column, "unknown column \"" + column + "\""));
                continue;
            }
            JsonNode value = value(cell, column, errors);
            if (value == null) continue;
            if (column.startsWith("dossier.")) {
                ObjectNode dossier = node.has("dossier") ? (ObjectNode) node.get("dossier") : node.putObject("dossier");
                dossier.set(column.substring("dossier.".length()), value);
            } else {
                node.set(column, value);
            }
        }
        return new RawRecord(index, node, errors, new SheetCells(row.getRowNum() + 1, places));
    }

    /** The cell as a JSON value of its own type, or null when it says nothing (an error then says why). */
    private static JsonNode value(Cell cell, String column, List<FieldError> errors) {
        switch (typeOf(cell)) {
            case BOOLEAN:
                return NODES.booleanNode(cell.getBooleanCellValue());
            case STRING:
                String text = cell.getStringCellValue();
                if (column.startsWith("dossier.")) return CsvBatchReader.bool(text);
                if (CsvBatchReader.isList(column)) return CsvBatchReader.list(column, text, errors);
                return NODES.textNode(text);
            case NUMERIC:
                return number(cell, column, errors);
            case ERROR:
                errors.add(new FieldError(column, "the cell holds the error " + errorText(cell)));
                return null;
            default:
                return null;
        }
    }

    private static JsonNode number(Cell cell, String column, List<FieldError> errors) {
        if (DATES.contains(column) && DateUtil.isCellDateFormatted(cell)) {
            LocalDateTime time = cell.getLocalDateTimeCellValue();
            if (time != null) {
                // a time of day is not part of a yyyy-mm-dd date: keep it, so the validator refuses it
                return NODES.textNode(time.toLocalTime().equals(LocalTime.MIDNIGHT) ? time.toLocalDate().toString()
                        : time.toString());
            }
        }
        BigDecimal n = exact(cell);
        if (n.stripTrailingZeros().scale() > 0) {
            return NODES.numberNode(n); // 12.5 stays a fraction: the validator rejects it where a whole number is needed
        }
        if (n.stripTrailingZeros().precision() > EXACT_DIGITS) {
            errors.add(new FieldError(column, "number " + n.toBigInteger() + " has more than " + EXACT_DIGITS
                    + " digits, which a spreadsheet does not keep exactly"));
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

    private static String shown(Cell cell) {
        return switch (typeOf(cell)) {
            case BLANK -> "an empty cell";
            case STRING -> "text \"" + cell.getStringCellValue() + "\"";
            case NUMERIC -> exact(cell).toPlainString();
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            case ERROR -> "the error " + errorText(cell);
            default -> typeOf(cell).name();
        };
    }

    private static String letter(int column) {
        return CellReference.convertNumToColString(column);
    }

    /** Where a record's fields stand: its row, and the column of each header name. */
    private record SheetCells(int row, Map<String, Integer> columns) implements FieldLocator {
        @Override
        public String locate(String path) {
            int bracket = path.indexOf('[');
            String column = bracket < 0 ? path : path.substring(0, bracket); // priorRecognitions[1].year → its cell
            Integer index = columns.get(column);
            if (index != null) return "row " + row + ", column " + letter(index);
            return CsvBatchReader.COLUMNS.contains(column) ? "row " + row + ", no \"" + column + "\" column" : "row " + row;
        }
    }
}
