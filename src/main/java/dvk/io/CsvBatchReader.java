package dvk.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dvk.domain.FieldError;
import dvk.domain.Phrase;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a CSV batch into the same JSON trees a JSON batch gives, so one validator applies the
 * contract to both; the cells stay text, and the validator reads them as a committee's spreadsheet
 * (Vietnamese words, {@code dd/mm/yyyy}, {@code 1.200.000}). What Excel and people make of a CSV is
 * read: UTF-8 with or without a byte order mark, or UTF-16 with one (any other encoding is a file
 * error saying how to save the file); {@code ,}, {@code ;} (Excel in a Vietnamese locale) or a tab
 * between cells, told from the header line; lines above the header (a title), the header's columns
 * in English or Vietnamese ({@link HeaderRow}). Each record's errors name its line.
 */
public final class CsvBatchReader {
    /** The columns of a CSV or XLSX batch by their field names: the record's fields, the dossier's as {@code dossier.report}…, and {@code year}. */
    static final java.util.Set<String> COLUMNS = Column.all().stream().map(Column::field)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());
    private static final Pattern INTEGER = Pattern.compile("-?\\d+");
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    /** Lines searched for the header row, and the characters they may take at most. */
    static final int HEADER_LINES = 30;
    private static final int HEADER_CHARS = 1 << 20;
    private static final char[] SEPARATORS = {',', ';', '\t'};

    private CsvBatchReader() {}

    /** Reads a whole CSV batch. */
    public static RawBatch read(InputStream in) throws BatchException {
        List<RawRecord> records = new ArrayList<>();
        RawRecordStream stream = open(in);
        for (RawRecord r = stream.next(); r != null; r = stream.next()) records.add(r);
        return new RawBatch(stream.year(), records);
    }

    /**
     * Opens the batch for reading one row at a time: finds the header and reads the first row, whose
     * {@code year} is the batch's. Bytes that cannot be decoded stop the reading with the line.
     */
    static RawRecordStream open(InputStream in) throws BatchException {
        CountingStream counted = new CountingStream(in.markSupported() ? in : new BufferedInputStream(in));
        BufferedReader text = new BufferedReader(decoded(counted), 1 << 16);
        Found found = findHeader(text);
        Rows rows;
        try {
            for (int skip = 0; skip < found.line; skip++) skipLine(text);
            CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(found.separator);
            rows = new Rows(new CsvMapper().readerFor(String[].class).with(CsvParser.Feature.WRAP_AS_ARRAY).with(schema)
                    .readValues(text), found.line);
        } catch (IOException e) {
            throw Rows.problem(e, found.line + 1);
        }
        String[] header = rows.next();
        if (header == null) {
            throw BatchException.of("input.csv.empty");
        }
        Column[] columns = HeaderRow.columns(Arrays.asList(header), line(rows.line()), null);
        Stream stream = new Stream(rows, columns, counted);
        stream.firstRow();
        return stream;
    }

    private static Phrase line(int line) {
        return Phrase.of("input.place.line", Integer.toString(line));
    }

    /** The header line (from 0) and its separator. */
    private record Found(int line, char separator) {}

    /**
     * The first of the first {@link #HEADER_LINES} lines that names columns, with the separator that
     * makes it name the most; the text is reset to its start. Lines are split simply here (quotes
     * honoured, not across lines): the CSV parser reads the header again, properly.
     */
    private static Found findHeader(BufferedReader text) throws BatchException {
        try {
            text.mark(HEADER_CHARS + 1);
            int budget = HEADER_CHARS;
            boolean any = false;
            for (int line = 0; line < HEADER_LINES; line++) {
                StringBuilder chars = new StringBuilder();
                int c;
                while ((c = text.read()) >= 0 && c != '\n' && --budget > 0) chars.append((char) c);
                if (c < 0 && chars.length() == 0) break;
                any = true;
                int best = 0;
                char separator = ',';
                for (char s : SEPARATORS) {
                    int named = HeaderRow.named(split(chars, s));
                    if (named > best) {
                        best = named;
                        separator = s;
                    }
                }
                if (best >= HeaderRow.RECOGNISED) {
                    text.reset();
                    return new Found(line, separator);
                }
                if (c < 0 || budget <= 0) break;
            }
            if (!any) throw BatchException.of("input.csv.empty");
            throw BatchException.of("input.csv.noHeader", Integer.toString(HEADER_LINES), HeaderRow.examples());
        } catch (IOException e) {
            throw Rows.problem(e, 1);
        }
    }

    /** A line's cells between separators, quotes honoured: enough to tell a header. */
    private static List<String> split(CharSequence line, char separator) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == separator && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c != '\r') {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    private static void skipLine(Reader text) throws IOException {
        for (int c = text.read(); c >= 0 && c != '\n'; c = text.read()) {
            // a title line above the header
        }
    }

    /** The rows of the file with the line each starts on (a quoted cell may span lines). */
    private static final class Rows {
        private final MappingIterator<String[]> it;
        /** Lines above the header, which the parser did not read. */
        private final int offset;
        private int line;

        Rows(MappingIterator<String[]> it, int offset) {
            this.it = it;
            this.offset = offset;
            this.line = offset + 1;
        }

        int line() {
            return line;
        }

        /** The next row, or null after the last. */
        String[] next() throws BatchException {
            try {
                if (!it.hasNextValue()) return null;
                line = offset + it.getParser().currentLocation().getLineNr();
                return it.nextValue();
            } catch (IOException | RuntimeException e) {
                throw problem(e, line);
            }
        }

        static BatchException problem(Exception e, int line) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof NotUtf8 notUtf8) {
                    return BatchException.of("input.csv.notUtf8", Integer.toString(notUtf8.line), notUtf8.guess);
                }
                if (t instanceof CharacterCodingException) {
                    return BatchException.of("input.csv.notDecoded", Integer.toString(line));
                }
            }
            if (e instanceof JsonProcessingException j && j.getLocation() != null) {
                return new BatchException(Phrase.of("input.csv.notValid", Integer.toString(j.getLocation().getLineNr()),
                        String.valueOf(j.getOriginalMessage())), e);
            }
            return new BatchException(Phrase.of("input.csv.notValidNear", Integer.toString(line),
                    String.valueOf(e.getMessage())), e);
        }
    }

    private static final class Stream implements RawRecordStream {
        private final Rows rows;
        private final Column[] columns;
        private final int yearColumn;
        private final CountingStream counted;
        private String[] first;
        private int firstLine;
        private int year;
        private int index;

        Stream(Rows rows, Column[] columns, CountingStream counted) {
            this.rows = rows;
            this.columns = columns;
            this.yearColumn = Arrays.asList(columns).indexOf(Column.YEAR);
            this.counted = counted;
        }

        void firstRow() throws BatchException {
            first = nonBlank();
            if (first != null && HeaderRow.repeats(columns, Arrays.asList(first))) first = nonBlank();
            if (first == null) {
                throw BatchException.of("input.csv.noRows");
            }
            firstLine = rows.line();
            year = yearOf(first, yearColumn, firstLine);
        }

        /** The next row with something in it: an empty line, or one of empty cells (;;;;), says nothing. */
        private String[] nonBlank() throws BatchException {
            for (String[] row = rows.next(); row != null; row = rows.next()) {
                for (String cell : row) {
                    if (!Names.isBlank(cell)) return row;
                }
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
            int line;
            if (first != null) {
                row = first;
                line = firstLine;
                first = null;
            } else {
                row = nonBlank();
                if (row == null) return null;
                line = rows.line();
                int rowYear = yearOf(row, yearColumn, line);
                if (rowYear != year) {
                    throw BatchException.of("input.file.twoYears", line(line), Integer.toString(rowYear), Integer.toString(year));
                }
            }
            return record(index++, columns, row, line);
        }

        @Override
        public long bytesRead() {
            return counted.count;
        }
    }

    /**
     * The reader of the file's text: UTF-8 (a byte order mark dropped), or UTF-16 after its byte order
     * mark. UTF-16 without one is refused, as is anything that is not UTF-8: a file error that says
     * how to save the file.
     */
    private static Reader decoded(InputStream in) throws BatchException {
        byte[] start = new byte[512];
        int n;
        try {
            in.mark(start.length);
            n = in.readNBytes(start, 0, start.length);
            in.reset();
        } catch (IOException e) {
            throw new BatchException(Phrase.of("input.file.cannotRead", String.valueOf(e.getMessage())), e);
        }
        Charset utf16 = null;
        if (n >= 2 && (start[0] & 0xFF) == 0xFF && (start[1] & 0xFF) == 0xFE) utf16 = StandardCharsets.UTF_16LE;
        if (n >= 2 && (start[0] & 0xFF) == 0xFE && (start[1] & 0xFF) == 0xFF) utf16 = StandardCharsets.UTF_16BE;
        if (utf16 != null) {
            try {
                in.skipNBytes(2);
            } catch (IOException e) {
                throw new BatchException(Phrase.of("input.file.cannotRead", String.valueOf(e.getMessage())), e);
            }
            return new InputStreamReader(in, utf16.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT));
        }
        int zeros = 0;
        for (int i = 0; i < n; i++) {
            if (start[i] == 0) zeros++;
        }
        if (n >= 4 && zeros * 4 >= n) {
            throw BatchException.of("input.csv.utf16WithoutBom");
        }
        return new Utf8Reader(in);
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
                if (result.isError()) throw new NotUtf8(line, LegacyEncoding.guess(bytes.array(), bytes.limit()));
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

    /** Bytes that are not UTF-8, on this line, and what they seem to be. */
    private static final class NotUtf8 extends CharacterCodingException {
        final int line;
        final Phrase guess;

        NotUtf8(int line, Phrase guess) {
            this.line = line;
            this.guess = guess;
        }

        @Override
        public String getMessage() {
            return "not valid UTF-8 at line " + line;
        }
    }

    /** What a file that is not UTF-8 was probably saved as, told from its bytes. */
    static final class LegacyEncoding {
        private LegacyEncoding() {}

        /**
         * Windows-1258, Excel's "CSV" in a Vietnamese Windows, writes a tone as a combining byte after
         * its vowel (á as {@code a EC}) and ơ, ư, đ as single bytes: any of these means Vietnamese in
         * Windows-1258 (or an older Vietnamese encoding); else some other ANSI code page.
         */
        static Phrase guess(byte[] bytes, int length) {
            for (int i = 0; i < length; i++) {
                int b = bytes[i] & 0xFF;
                boolean tone = (b == 0xCC || b == 0xEC || b == 0xD2 || b == 0xDE || b == 0xF2)
                        && i > 0 && Character.isLetter(bytes[i - 1] & 0xFF);
                boolean letter = b == 0xF5 || b == 0xFD || b == 0xF0 || b == 0xD5 || b == 0xDD || b == 0xD0;
                if (tone || letter) return Phrase.of("input.csv.windows1258");
            }
            return Phrase.of("input.csv.ansi");
        }
    }

    /** Counts the bytes read, for progress. */
    private static final class CountingStream extends FilterInputStream {
        private volatile long count;
        private long marked;

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

        @Override
        public synchronized void mark(int limit) {
            super.mark(limit);
            marked = count;
        }

        @Override
        public synchronized void reset() throws IOException {
            super.reset();
            count = marked;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }

    private static int yearOf(String[] row, int yearColumn, int line) throws BatchException {
        String typed = yearColumn < row.length ? row[yearColumn].strip() : "";
        String cell = Names.clean(typed);
        int year = INTEGER.matcher(cell).matches() && cell.length() <= 9 ? Integer.parseInt(cell) : -1;
        if (year < RawBatch.MIN_YEAR || year > RawBatch.MAX_YEAR) {
            throw BatchException.of("input.file.yearColumn", line(line), Integer.toString(RawBatch.MIN_YEAR),
                    Integer.toString(RawBatch.MAX_YEAR), "\"" + BatchException.shown(typed) + "\"");
        }
        return year;
    }

    private static RawRecord record(int index, Column[] columns, String[] row, int line) {
        ObjectNode node = NODES.objectNode();
        List<FieldError> errors = new ArrayList<>();
        if (row.length != columns.length) {
            errors.add(RecordFields.error("row", Phrase.of("input.error.cells", Integer.toString(row.length),
                    Integer.toString(columns.length))));
        }
        for (int c = 0; c < Math.min(columns.length, row.length); c++) {
            Column column = columns[c];
            String cell = row[c];
            // a blank cell is an absent field, as in a workbook (a list's would otherwise read as one empty entry)
            if (Names.isBlank(cell)) continue;
            if (column == null) {
                errors.add(RecordFields.error("column " + (c + 1), Phrase.of("input.error.noHeader")));
                continue;
            }
            if (column == Column.YEAR) continue;
            set(node, column, column.form() == Column.Form.LIST ? list(column.field(), cell, errors) : NODES.textNode(cell));
        }
        Phrase place = line(line);
        return new RawRecord(index, node, errors, path -> place, true);
    }

    /** A field's value in the record, a dossier's under {@code dossier}. */
    static void set(ObjectNode node, Column column, com.fasterxml.jackson.databind.JsonNode value) {
        if (column.field().startsWith("dossier.")) {
            ObjectNode dossier = node.has("dossier") ? (ObjectNode) node.get("dossier") : node.putObject("dossier");
            dossier.set(column.field().substring("dossier.".length()), value);
        } else {
            node.set(column.field(), value);
        }
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
                errors.add(RecordFields.error(column + "[" + i + "]", Phrase.of("input.error.listEntry",
                        String.join(":", keys), RecordFields.quoted(entry))));
                continue;
            }
            ObjectNode object = list.addObject();
            String year = values[0].strip();
            object.set(keys.get(0), INTEGER.matcher(year).matches() ? NODES.numberNode(new java.math.BigInteger(year))
                    : NODES.textNode(year));
            for (int k = 1; k < values.length; k++) {
                object.put(keys.get(k), values[k].strip());
            }
        }
        return list;
    }
}
