package dvk.regression;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dvk.domain.Batch;
import dvk.io.BatchException;
import dvk.io.BatchReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A regression fixture: a batch (a file named by {@code input}, relative to the fixture, or an
 * inline {@code batch}) and the expected outcome per nomination id.
 */
public record Fixture(String name, String description, Path file, Batch batch, Map<String, Expectation> expected) {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            // an inline batch is written back out for the batch reader: its numbers must not pass through double
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();
    private static final Set<String> FIELDS = Set.of("description", "input", "batch", "expected");
    private static final Set<String> EXPECTATION_FIELDS = Set.of("awards", "failed", "score", "rejected");

    public static Fixture load(Path file) throws FixtureException {
        String name = file.getFileName().toString().replaceFirst("\\.json$", "");
        try {
            JsonNode root = MAPPER.readTree(file.toFile());
            if (root == null || !root.isObject()) throw new FixtureException(file + ": expected a JSON object");
            requireKnown(file, root, FIELDS, "");
            Batch batch;
            if (root.hasNonNull("input")) {
                batch = BatchReader.read(file.toAbsolutePath().getParent().resolve(root.get("input").asText()).normalize());
            } else if (root.hasNonNull("batch")) {
                batch = BatchReader.readJson(new ByteArrayInputStream(MAPPER.writeValueAsBytes(root.get("batch"))));
            } else {
                throw new FixtureException(file + ": needs \"input\" (a batch file) or \"batch\" (inline)");
            }
            Map<String, Expectation> expected = new LinkedHashMap<>();
            JsonNode expectations = root.path("expected");
            if (!expectations.isObject()) throw new FixtureException(file + ": needs an \"expected\" object");
            for (Iterator<Map.Entry<String, JsonNode>> it = expectations.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                expected.put(entry.getKey(), expectation(file, entry.getKey(), entry.getValue()));
            }
            return new Fixture(name, root.path("description").asText(""), file, batch, expected);
        } catch (IOException e) {
            throw new FixtureException(file + ": " + e.getMessage());
        } catch (BatchException e) {
            throw new FixtureException(file + ": its batch cannot be read: " + e.getMessage());
        }
    }

    private static Expectation expectation(Path file, String id, JsonNode node) throws FixtureException {
        requireKnown(file, node, EXPECTATION_FIELDS, id + ".");
        if (node.has("rejected")) {
            return new Expectation(id, null, Map.of(), null, Expectation.sorted(strings(node.get("rejected"))));
        }
        Map<String, Set<String>> failed = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.path("failed").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            failed.put(entry.getKey(), Expectation.sorted(strings(entry.getValue())));
        }
        Integer score = node.hasNonNull("score") ? node.get("score").intValue() : null;
        return new Expectation(id, Expectation.sorted(strings(node.path("awards"))), failed, score, null);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static void requireKnown(Path file, JsonNode node, Set<String> known, String prefix) throws FixtureException {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) throw new FixtureException(file + ": unknown field " + prefix + name);
        }
    }
}
