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
import java.io.FilterInputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
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

    /** Reads a whole CSV batch. */
    public static RawBatch read(InputStream in) throws BatchException {
        List<RawRecord> records = new ArrayList<>();
        RawRecordStream stream = open(in);
        for (RawRecord r = stream.next(); r != null; r = stream.next()) records.add(r);
        return new RawBatch(stream.year(), records);
    }

    /**
     * Opens the batch for reading one row at a time: reads the header and the first row, whose
     * {@code year} is the batch's. Bytes that are not UTF-8 stop the reading with the line.
     */
    static RawRecordStream open(InputStream in) throws BatchException {
        CountingStream counted = new CountingStream(in);
        Reader reader = new Utf8Reader(counted);
        Rows rows;
        try {
            rows = new Rows(new CsvMapper().readerFor(String[].class).with(CsvParser.Feature.WRAP_AS_ARRAY).readValues(reader));
        } catch (IOException e) {
            throw Rows.problem(e, 1);
        }
        String[] header = rows.next();
        if (header == null) {
            throw new BatchException("the CSV file is empty: expected a header row");
        }
        checkHeader(header);
        Stream stream = new Stream(rows, header, counted);
        stream.firstRow();
        return stream;
    }

    /** The rows of the file with the line each starts on (a quoted cell may span lines). */
    private static final class Rows {
        private final MappingIterator<String[]> it;
        private int line = 1;

        Rows(MappingIterator<String[]> it) {
            this.it = it;
        }

        int line() {
            return line;
        }

        /** The next row, or null after the last. */
        String[] next() throws BatchException {
            try {
                if (!it.hasNextValue()) return null;
                line = it.getParser().currentLocation().getLineNr();
                return it.nextValue();
            } catch (IOException | RuntimeException e) {
                throw problem(e, line);
            }
        }

        static BatchException problem(Exception e, int line) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof NotUtf8 notUtf8) {
                    return new BatchException("the CSV file is not valid UTF-8 at line " + notUtf8.line);
                }
                if (t instanceof CharacterCodingException) {
                    return new BatchException("the CSV file is not valid UTF-8 (near line " + line + ")");
                }
            }
            if (e instanceof JsonProcessingException j && j.getLocation() != null) {
                return new BatchException("not valid CSV at line " + j.getLocation().getLineNr() + ": " + j.getOriginalMessage(), e);
            }
            return new BatchException("not valid CSV near line " + line + ": " + e.getMessage(), e);
        }
    }

    private static final class Stream implements RawRecordStream {
        private final Rows rows;
        private final String[] header;
        private final int yearColumn;
        private final CountingStream counted;
        private String[] first;
        private int year;
        private int index;

        Stream(Rows rows, String[] header, CountingStream counted) {
            this.rows = rows;
            this.header = header;
            this.yearColumn = List.of(header).indexOf("year");
            this.counted = counted;
        }

        void firstRow() throws BatchException {
            first = nonBlank();
            if (first == null) {
                throw new BatchException("the CSV file has a header but no rows: the batch year cannot be read");
            }
            year = yearOf(first, yearColumn, rows.line());
        }

        private String[] nonBlank() throws BatchException {
            for (String[] row = rows.next(); row != null; row = rows.next()) {
                if (!(row.length == 1 && row[0].isBlank())) return row;
            }
            return null;
        }

        @Override
        public int year() {
            return year;
        }

        @Override
        public RawRecord next() throws BatchException {
            String[] row;
            if (first != null) {
                row = first;
                first = null;
            } else {
                row = nonBlank();
                if (row == null) return null;
                int rowYear = yearOf(row, yearColumn, rows.line());
                if (rowYear != year) {
                    throw new BatchException("line " + rows.line() + ": year " + rowYear + " differs from " + year
                            + " of the rows before; a batch has one year");
                }
            }
            return record(index++, header, row);
        }

        @Override
        public long bytesRead() {
            return counted.count;
        }
    }

    /**
     * Decodes UTF-8 strictly and tells the line of the first byte that is not UTF-8: an
     * InputStreamReader decodes thousands of bytes ahead of the parser, so its error cannot say
     * where it was. A byte order mark is dropped here, before the CSV parser sees it: after a BOM a
     * quoted first cell ({@code "year"}) would not read as quoted.
     */
    private static final class Utf8Reader extends Reader {
        private final InputStream in;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        private final ByteBuffer bytes = ByteBuffer.allocate(1 << 13).flip();
        private boolean end;
        private boolean first = true;
        /** The line of the next byte to decode. */
        private int line = 1;

        Utf8Reader(InputStream in) {
            this.in = in;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            if (length == 0) return 0;
            CharBuffer chars = CharBuffer.wrap(buffer, offset, length);
            while (true) {
                int from = bytes.position();
                CoderResult result = decoder.decode(bytes, chars, end);
                for (int i = from; i < bytes.position(); i++) {
                    if (bytes.get(i) == '\n') line++;
                }
                if (result.isError()) throw new NotUtf8(line);
                if (first && chars.position() > offset) {
                    first = false;
                    if (buffer[offset] == '\uFEFF') {
                        int rest = chars.position() - offset - 1;
                        System.arraycopy(buffer, offset + 1, buffer, offset, rest);
                        chars.position(offset + rest);
                    }
                }
                if (chars.position() > offset) return chars.position() - offset;
                if (end) return -1;
                bytes.compact();
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (n < 0) end = true;
                else bytes.position(bytes.position() + n);
                bytes.flip();
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** Bytes that are not UTF-8, on this line. */
    private static final class NotUtf8 extends CharacterCodingException {
        final int line;

        NotUtf8(int line) {
            this.line = line;
        }

        @Override
        public String getMessage() {
            return "not valid UTF-8 at line " + line;
        }
    }

    /** Counts the bytes read, for progress. */
    private static final class CountingStream extends FilterInputStream {
        private volatile long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count++;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) count += n;
            return n;
        }
    }

    private static void checkHeader(String[] header) throws BatchException {
        Set<String> seen = new LinkedHashSet<>();
        for (String column : header) {
            if (!COLUMNS.contains(column)) {
                throw new BatchException("line 1: unknown column \"" + BatchException.shown(column) + "\" in the header row");
            }
            if (!seen.add(column)) {
                throw new BatchException("line 1: column \"" + BatchException.shown(column) + "\" appears twice in the header row");
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
                    + RawBatch.MIN_YEAR + " to " + RawBatch.MAX_YEAR + ", got \"" + BatchException.shown(cell) + "\"");
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
            // a blank cell is an absent field, as in a workbook (a list's would otherwise read as one empty entry)
            if (column.equals("year") || cell.isBlank()) continue;
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
