package dvk.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dvk.domain.Phrase;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Reads a JSON batch: {@code {"year": 2024, "nominations": [ … ]}}, nothing else at the top level. */
public final class JsonBatchReader {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // keeps 92.5 and 69.99 exact instead of turning them into doubles
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    /** Reads one value of the document at a time; trailing tokens are the rest of the document, not an error. */
    private static final ObjectReader VALUE = MAPPER.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build());
    }

    private JsonBatchReader() {}

    /** Opens a stream on the file; called again only to find a "year" written after the nominations. */
    @FunctionalInterface
    interface Opener {
        InputStream open() throws IOException;

        /** The year came before the nominations: nothing will be opened again (a pipe need not be kept). */
        default void noSecondPass() throws IOException {}
    }

    /** Reads a whole batch from a stream (an inline fixture batch, say). */
    public static RawBatch read(InputStream in) throws BatchException {
        byte[] json;
        try {
            json = in.readAllBytes();
        } catch (IOException e) {
            throw new BatchException(Phrase.of("input.json.cannotRead", String.valueOf(e.getMessage())), e);
        }
        List<RawRecord> records = new ArrayList<>();
        try (RawRecordStream stream = open(() -> new ByteArrayInputStream(json))) {
            for (RawRecord r = stream.next(); r != null; r = stream.next()) records.add(r);
            return new RawBatch(stream.year(), records);
        } catch (IOException e) {
            throw new BatchException(Phrase.of("input.json.cannotRead", String.valueOf(e.getMessage())), e);
        }
    }

    /**
     * Opens the batch for reading one record at a time: checks the top level and reads the year,
     * leaving the parser at the first nomination.
     */
    static RawRecordStream open(Opener opener) throws BatchException {
        JsonParser parser = null;
        try {
            parser = MAPPER.getFactory().createParser(opener.open());
            Stream stream = new Stream(parser, opener);
            stream.start();
            return stream;
        } catch (JsonProcessingException e) {
            BatchException problem = new BatchException(notValid(e, parser));
            BatchReader.closeQuietly(parser);
            throw problem;
        } catch (IOException e) {
            BatchReader.closeQuietly(parser);
            throw new BatchException(Phrase.of("input.json.cannotRead", String.valueOf(e.getMessage())), e);
        } catch (BatchException | RuntimeException e) {
            BatchReader.closeQuietly(parser);
            throw e;
        }
    }

    private static final class Stream implements RawRecordStream {
        private final JsonParser parser;
        private final Opener opener;
        private Integer year;
        private boolean done;
        private int index;

        Stream(JsonParser parser, Opener opener) {
            this.parser = parser;
            this.opener = opener;
        }

        void start() throws IOException, BatchException {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw BatchException.of("input.json.empty");
            }
            if (first != JsonToken.START_OBJECT) {
                throw BatchException.of("input.json.notObject");
            }
            if (!topLevelUntilNominations()) {
                throw BatchException.of("input.json.needsNominations", "");
            }
            if (year == null) {
                year = yearWrittenAfterNominations();
            } else {
                opener.noSecondPass();
            }
        }

        /** Reads top-level fields up to the start of the nominations list; false if the object ends first. */
        private boolean topLevelUntilNominations() throws IOException, BatchException {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonLocation nameAt = parser.currentTokenLocation();
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "year" -> year = year(VALUE.readTree(parser), parser.currentTokenLocation());
                    case "nominations" -> {
                        if (value != JsonToken.START_ARRAY) {
                            throw BatchException.of("input.json.needsNominations", at(parser.currentTokenLocation()));
                        }
                        return true;
                    }
                    default -> throw BatchException.of("input.json.unknownTopLevel", "\"" + BatchException.shown(name) + "\"", at(nameAt));
                }
            }
            return false;
        }

        private static int year(JsonNode year, JsonLocation location) throws BatchException {
            if (year == null || !year.isIntegralNumber() || !year.canConvertToInt()
                    || year.intValue() < RawBatch.MIN_YEAR || year.intValue() > RawBatch.MAX_YEAR) {
                throw year == null ? BatchException.of("input.json.needsYear", Integer.toString(RawBatch.MIN_YEAR),
                        Integer.toString(RawBatch.MAX_YEAR))
                        : BatchException.of("input.json.needsYearGot", Integer.toString(RawBatch.MIN_YEAR),
                        Integer.toString(RawBatch.MAX_YEAR), BatchException.shown(year.toString()), at(location));
            }
            return year.intValue();
        }

        /** A second, quick pass over the file for a year that follows the nominations. */
        private int yearWrittenAfterNominations() throws IOException, BatchException {
            JsonParser scan = MAPPER.getFactory().createParser(opener.open());
            try (scan) {
                scan.nextToken();
                while (scan.nextToken() == JsonToken.FIELD_NAME) {
                    String name = scan.currentName();
                    scan.nextToken();
                    if (name.equals("year")) {
                        int year = year(VALUE.readTree(scan), scan.currentTokenLocation());
                        // the token after it ends the number: "2024" cut to "202" by the end of the file, or
                        // followed by bytes that are not JSON, is not a year but a broken file
                        scan.nextToken();
                        return year;
                    }
                    scan.skipChildren();
                }
            } catch (JsonProcessingException e) {
                throw BatchException.of("input.json.lookingForYear", notValid(e, scan));
            }
            throw BatchException.of("input.json.needsYear", Integer.toString(RawBatch.MIN_YEAR),
                    Integer.toString(RawBatch.MAX_YEAR));
        }

        @Override
        public int year() {
            return year;
        }

        @Override
        public RawRecord next() throws BatchException {
            if (done) return null;
            try {
                JsonToken token = parser.nextToken();
                if (token == JsonToken.END_ARRAY) {
                    finish();
                    return null;
                }
                if (token == null) {
                    throw BatchException.of("input.json.truncated", Integer.toString(index));
                }
                JsonNode node = VALUE.readTree(parser);
                return new RawRecord(index++, node, List.of());
            } catch (JsonProcessingException e) {
                throw BatchException.of("input.json.inRecord", notValid(e, parser), Integer.toString(index));
            } catch (IOException e) {
                throw new BatchException(Phrase.of("input.json.cannotRead", String.valueOf(e.getMessage())), e);
            }
        }

        /** After the list: the rest of the top level, then nothing more. */
        private void finish() throws IOException, BatchException {
            if (topLevelUntilNominations()) {
                throw BatchException.of("input.json.twice", at(parser.currentTokenLocation()));
            }
            if (parser.nextToken() != null) {
                throw BatchException.of("input.json.contentAfter", at(parser.currentTokenLocation()));
            }
            done = true;
        }

        @Override
        public long bytesRead() {
            return Math.max(0, parser.currentLocation().getByteOffset());
        }

        @Override
        public void close() throws IOException {
            parser.close();
        }
    }

    /**
     * Where and why the JSON is not valid, in Jackson's words without those meant for programmers
     * (the feature that would allow it, the source name it redacts): "not valid JSON at line 3,
     * column 20: Non-standard token 'NaN'". A number too long or a document too deeply nested
     * comes without a location of its own; the parser's is the place.
     */
    private static Phrase notValid(JsonProcessingException e, JsonParser parser) {
        JsonLocation location = e.getLocation();
        if ((location == null || location.getLineNr() < 0) && parser != null) location = parser.currentLocation();
        String reason = e.getOriginalMessage()
                .replaceAll(": enable `[^`]*` to allow", "")
                .replaceAll(", from `[^`]*`\\)", ")")
                .replaceAll(" \\(not recognized as one since Feature '\\w+' not enabled for parser\\)", "")
                .replaceAll("\\[Source: [^;\\]]*; line: (\\d+), column: (\\d+)]", "line $1, column $2");
        return Phrase.of("input.json.notValid", at(location), BatchException.shown(reason, 300));
    }

    /** {@code  at line 3, column 20} (with its leading space), or nothing when the place is not known. */
    private static Object at(JsonLocation location) {
        if (location == null || location.getLineNr() < 0) return "";
        return Phrase.of("input.json.at", Integer.toString(location.getLineNr()), Integer.toString(location.getColumnNr()));
    }
}
