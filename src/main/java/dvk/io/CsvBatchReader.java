package dvk.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dvk.domain.FieldError;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a CSV batch (UTF-8, with or without BOM, a header row, one row a nomination) into the same
 * JSON trees a JSON batch gives, so one validator applies the contract to both. Cells that are
 * not of their column's type stay text, and the validator names them.
 */
public final class CsvBatchReader {
    private static final Set<String> WHOLE = Set.of("fundsVnd", "laborDays", "beneficiaries", "replicationSites",
            "totalValueVnd", "peopleContributionVnd");
    private static final Set<String> DOSSIER = Set.of("dossier.report", "dossier.confirmation", "dossier.acceptance");
    /** The columns of a CSV or XLSX batch: the record fields, the dossier's as {@code dossier.report}…, and {@code year}. */
    static final Set<String> COLUMNS = columns();
    private static final Pattern INTEGER = Pattern.compile("-?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private CsvBatchReader() {}

    private static Set<String> columns() {
        Set<String> columns = new HashSet<>(NominationValidator.RECORD_FIELDS);
        columns.remove("dossier");
        columns.addAll(DOSSIER);
        columns.add("year");
        return Set.copyOf(columns);
    }

    /** A CSV row with the physical line it starts on (a quoted cell may span lines). */
    private record Row(int line, String[] cells) {}

    public static RawBatch read(InputStream in) throws BatchException {
        List<Row> rows = rows(decode(in));
        if (rows.isEmpty()) {
            throw new BatchException("the CSV file is empty: expected a header row");
        }
        String[] header = rows.get(0).cells();
        checkHeader(header);
        int yearColumn = List.of(header).indexOf("year");
        Integer year = null;
        List<RawRecord> records = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            String[] row = rows.get(r).cells();
            if (row.length == 1 && row[0].isBlank()) continue;
            int line = rows.get(r).line();
            int index = records.size();
            int rowYear = yearOf(row, yearColumn, line);
            if (year == null) {
                year = rowYear;
            } else if (year != rowYear) {
                throw new BatchException("line " + line + ": year " + rowYear + " differs from " + year
                        + " of the rows before; a batch has one year");
            }
            records.add(record(index, header, row));
        }
        if (year == null) {
            throw new BatchException("the CSV file has a header but no rows: the batch year cannot be read");
        }
        return new RawBatch(year, records);
    }

    private static String decode(InputStream in) throws BatchException {
        try {
            byte[] bytes = in.readAllBytes();
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new BatchException("the CSV file is not valid UTF-8");
        } catch (IOException e) {
            throw new BatchException("cannot read the batch: " + e.getMessage(), e);
        }
    }

    private static List<Row> rows(String text) throws BatchException {
        CsvMapper mapper = new CsvMapper();
        List<Row> rows = new ArrayList<>();
        int line = 1;
        try (MappingIterator<String[]> it = mapper.readerFor(String[].class)
                .with(CsvParser.Feature.WRAP_AS_ARRAY)
                .readValues(new StringReader(text))) {
            while (it.hasNextValue()) {
                line = it.getParser().currentLocation().getLineNr();
                rows.add(new Row(line, it.nextValue()));
            }
        } catch (JsonProcessingException e) {
            throw new BatchException("not valid CSV at line " + e.getLocation().getLineNr() + ": " + e.getOriginalMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw new BatchException("not valid CSV near line " + line + ": " + e.getMessage(), e);
        }
        return rows;
    }

    private static void checkHeader(String[] header) throws BatchException {
        Set<String> seen = new LinkedHashSet<>();
        for (String column : header) {
            if (!COLUMNS.contains(column)) {
                throw new BatchException("line 1: unknown column \"" + column + "\" in the header row");
            }
            if (!seen.add(column)) {
                throw new BatchException("line 1: column \"" + column + "\" appears twice in the header row");
            }
        }
        if (!seen.contains("year")) {
            throw new BatchException("line 1: the header row needs a \"year\" column");
        }
    }

    private static int yearOf(String[] row, int yearColumn, int line) throws BatchException {
        String cell = yearColumn < row.length ? row[yearColumn].strip() : "";
        int year = INTEGER.matcher(cell).matches() && cell.length() <= 9 ? Integer.parseInt(cell) : -1;
        if (year < RawBatch.MIN_YEAR || year > RawBatch.MAX_YEAR) {
            throw new BatchException("line " + line + ": the year column needs an integer from "
                    + RawBatch.MIN_YEAR + " to " + RawBatch.MAX_YEAR + ", got \"" + cell + "\"");
        }
        return year;
    }

    private static RawRecord record(int index, String[] header, String[] row) {
        ObjectNode node = NODES.objectNode();
        List<FieldError> errors = new ArrayList<>();
        if (row.length != header.length) {
            errors.add(new FieldError("row", "has " + row.length + " cells, the header has " + header.length));
        }
        for (int c = 0; c < Math.min(header.length, row.length); c++) {
            String column = header[c];
            String cell = row[c];
            if (column.equals("year") || cell.isEmpty()) continue;
            if (column.startsWith("dossier.")) {
                ObjectNode dossier = node.has("dossier") ? (ObjectNode) node.get("dossier") : node.putObject("dossier");
                dossier.set(column.substring("dossier.".length()), bool(cell));
            } else if (isList(column)) {
                node.set(column, list(column, cell, errors));
            } else if (WHOLE.contains(column)) {
                node.set(column, whole(cell));
            } else if (column.equals("approvalPercent")) {
                node.set(column, DECIMAL.matcher(cell).matches() ? NODES.numberNode(new BigDecimal(cell)) : NODES.textNode(cell));
            } else {
                node.put(column, cell);
            }
        }
        return new RawRecord(index, node, errors);
    }

    private static JsonNode whole(String cell) {
        return INTEGER.matcher(cell).matches() ? NODES.numberNode(new BigInteger(cell)) : NODES.textNode(cell);
    }

    /** {@code true} and {@code false} as booleans; any other text stays text for the validator to name. */
    static JsonNode bool(String cell) {
        return switch (cell) {
            case "true" -> NODES.booleanNode(true);
            case "false" -> NODES.booleanNode(false);
            default -> NODES.textNode(cell);
        };
    }

    static boolean isList(String column) {
        return column.equals("priorRecognitions") || column.equals("violations");
    }

    /** A list column's cell (the XLSX reader shares the syntax) as a list of objects. */
    static ArrayNode list(String column, String cell, List<FieldError> errors) {
        return column.equals("priorRecognitions")
                ? list(column, cell, 3, List.of("year", "level", "title"), errors)
                : list(column, cell, 2, List.of("year", "description"), errors);
    }

    /** {@code 2023:COMMUNE:COMMUNE_MODEL;2022:DISTRICT:DISTRICT_MODEL} → a list of objects. */
    private static ArrayNode list(String column, String cell, int parts, List<String> keys, List<FieldError> errors) {
        ArrayNode list = NODES.arrayNode();
        String[] entries = cell.split(";", -1);
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].strip();
            String[] values = entry.split(":", parts);
            if (entry.isEmpty() || (parts == 3 && values.length != 3)) {
                errors.add(new FieldError(column + "[" + i + "]", "expected " + String.join(":", keys)
                        + ", got \"" + entry + "\""));
                continue;
            }
            ObjectNode object = list.addObject();
            object.set(keys.get(0), whole(values[0].strip()));
            for (int k = 1; k < values.length; k++) {
                object.put(keys.get(k), values[k].strip());
            }
        }
        return list;
    }
}
