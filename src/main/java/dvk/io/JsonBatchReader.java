package dvk.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build());
    }

    private JsonBatchReader() {}

    /**
     * Where a top-level field's name (or value) stands in the document; the tree keeps no
     * positions, so this scans the tokens again, only on the error path.
     */
    private static JsonLocation location(byte[] json, String field, boolean value) {
        try (JsonParser parser = MAPPER.getFactory().createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) return null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                JsonLocation name = parser.currentTokenLocation();
                boolean found = parser.currentName().equals(field);
                parser.nextToken();
                if (found) return value ? parser.currentTokenLocation() : name;
                parser.skipChildren();
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    public static RawBatch read(InputStream in) throws BatchException {
        JsonNode root;
        byte[] json;
        try {
            json = in.readAllBytes();
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new BatchException("not valid JSON" + at(e.getLocation()) + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BatchException("cannot read the batch: " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new BatchException("the batch is empty: expected {\"year\": …, \"nominations\": […]}");
        }
        if (!root.isObject()) {
            throw new BatchException("expected a batch object {\"year\": …, \"nominations\": […]}");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("year") && !name.equals("nominations")) {
                throw new BatchException("unknown top-level field \"" + name + "\"" + at(location(json, name, false))
                        + " (expected year, nominations)");
            }
        }
        JsonNode year = root.get("year");
        if (year == null || !year.isIntegralNumber() || !year.canConvertToInt()
                || year.intValue() < RawBatch.MIN_YEAR || year.intValue() > RawBatch.MAX_YEAR) {
            throw new BatchException("the batch needs an integer \"year\" from " + RawBatch.MIN_YEAR + " to "
                    + RawBatch.MAX_YEAR
                    + (year == null ? "" : ", got " + year + at(location(json, "year", true))));
        }
        JsonNode nominations = root.get("nominations");
        if (nominations == null || !nominations.isArray()) {
            throw new BatchException("the batch needs a \"nominations\" list"
                    + (nominations == null ? "" : at(location(json, "nominations", true))));
        }
        List<RawRecord> records = new ArrayList<>(nominations.size());
        for (int i = 0; i < nominations.size(); i++) {
            records.add(new RawRecord(i, nominations.get(i), List.of()));
        }
        return new RawBatch(year.intValue(), records);
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 0) return "";
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
