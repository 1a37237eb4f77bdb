package dvk.testing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * An XLSX batch written for a test the way a committee's Excel file holds it: numbers as number
 * cells, dates as date-formatted cells, booleans as boolean cells, lists in the CSV syntax. Built
 * from a JSON batch, then altered cell by cell. Data row {@code i} (from 0) is spreadsheet row
 * {@code i + 2}.
 */
public final class XlsxFile {
    /** The columns in the order of fixtures/samples/gia-lam-2024.csv. */
    public static final List<String> COLUMNS = List.of("year", "id", "name", "type", "kind", "field", "sponsor",
            "commune", "district", "city", "startDate", "completedDate", "fundsVnd", "laborDays", "totalValueVnd",
            "peopleContributionVnd", "beneficiaries", "replicationSites", "approvalPercent", "priorRecognitions",
            "violations", "dossier.report", "dossier.confirmation", "dossier.acceptance");
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** A formula cell; the file is written with its cached result, as Excel saves it. */
    public record Formula(String formula) {}

    private final List<String> header;
    private final List<List<Object>> rows = new ArrayList<>();

    private XlsxFile(List<String> header) {
        this.header = new ArrayList<>(header);
    }

    public static XlsxFile of(List<String> header) {
        return new XlsxFile(header);
    }

    /** The records of a JSON batch ({@code {"year": …, "nominations": […]}}), one row each. */
    public static XlsxFile fromJson(Path batch) throws IOException {
        JsonNode root = JSON.readTree(batch.toFile());
        XlsxFile file = new XlsxFile(COLUMNS);
        for (JsonNode record : root.get("nominations")) {
            List<Object> row = new ArrayList<>();
            for (String column : COLUMNS) {
                row.add(column.equals("year") ? root.get("year").intValue() : cell(column, record));
            }
            file.rows.add(row);
        }
        return file;
    }

    private static Object cell(String column, JsonNode record) {
        JsonNode value = column.startsWith("dossier.") ? record.path("dossier").get(column.substring(8)) : record.get(column);
        if (value == null || value.isNull()) return null;
        if (column.equals("startDate") || column.equals("completedDate")) return LocalDate.parse(value.asText());
        if (value.isNumber()) return value.numberValue();
        if (value.isBoolean()) return value.booleanValue();
        if (value.isArray()) {
            StringJoiner list = new StringJoiner(";");
            for (JsonNode entry : value) {
                StringJoiner parts = new StringJoiner(":");
                for (Map.Entry<String, JsonNode> part : entry.properties()) {
                    parts.add(part.getValue().asText());
                }
                list.add(parts.toString());
            }
            return list.toString();
        }
        return value.asText();
    }

    public List<String> header() {
        return List.copyOf(header);
    }

    public int rows() {
        return rows.size();
    }

    public Object get(int row, String column) {
        return rows.get(row).get(column(column));
    }

    /** Sets a cell: a String is a text cell, a Number a number cell, a LocalDate(Time) a date-formatted cell, null none. */
    public XlsxFile set(int row, String column, Object value) {
        rows.get(row).set(column(column), value);
        return this;
    }

    public XlsxFile renameColumn(String from, String to) {
        header.set(column(from), to);
        return this;
    }

    /** A new column at the right end, empty in every row. */
    public XlsxFile addColumn(String name) {
        header.add(name);
        rows.forEach(r -> r.add(null));
        return this;
    }

    public XlsxFile removeColumn(String name) {
        int c = column(name);
        header.remove(c);
        rows.forEach(r -> r.remove(c));
        return this;
    }

    /** Keeps only the first {@code n} rows. */
    public XlsxFile limit(int n) {
        rows.subList(n, rows.size()).clear();
        return this;
    }

    /** An empty row inserted before data row {@code row}. */
    public XlsxFile blankRowBefore(int row) {
        List<Object> blank = new ArrayList<>();
        header.forEach(h -> blank.add(null));
        rows.add(row, blank);
        return this;
    }

    private int column(String name) {
        int c = header.indexOf(name);
        if (c < 0) throw new IllegalArgumentException("no column " + name + " in " + header);
        return c;
    }

    public Path write(Path file) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("Đề cử");
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
            Row head = sheet.createRow(0);
            for (int c = 0; c < header.size(); c++) {
                head.createCell(c).setCellValue(header.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < header.size(); c++) {
                    Object value = rows.get(r).get(c);
                    if (value == null) continue;
                    Cell cell = row.createCell(c);
                    if (value instanceof String s) {
                        cell.setCellValue(s);
                    } else if (value instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    } else if (value instanceof Boolean b) {
                        cell.setCellValue(b);
                    } else if (value instanceof LocalDate d) {
                        cell.setCellValue(d);
                        cell.setCellStyle(date);
                    } else if (value instanceof LocalDateTime t) {
                        cell.setCellValue(t);
                        cell.setCellStyle(date);
                    } else if (value instanceof Formula f) {
                        cell.setCellFormula(f.formula());
                    } else {
                        throw new IllegalArgumentException("no cell for " + value.getClass());
                    }
                }
            }
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            workbook.write(out);
        }
        return file;
    }
}
