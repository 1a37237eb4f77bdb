package dvk.engine;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dvk.domain.RuleSetManifest;
import dvk.domain.YearRange;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;

/**
 * Reads {@code ruleset.json}: {@code {"name": "…", "years": {"from": 2024, "to": 2025}}}, {@code to}
 * omitted for a rule set that applies until replaced.
 */
public final class RuleSetManifestReader {
    public static final String FILE = "ruleset.json";
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private RuleSetManifestReader() {}

    /** {@code shown} is how errors name the file (the rule set's label and the file name). */
    public static RuleSetManifest read(Path file, String shown) throws RulesException {
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw problem(shown, line, "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw problem(shown, 0, "cannot read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw problem(shown, 0, "expected an object with \"name\" and \"years\"");
        }
        unknownFields(root, Set.of("name", "years"), "", shown);
        JsonNode name = root.get("name");
        if (name == null || !name.isTextual() || name.asText().isBlank()) {
            throw problem(shown, 0, "name: required text is missing");
        }
        JsonNode years = root.get("years");
        if (years == null || !years.isObject()) {
            throw problem(shown, 0, "years: required, e.g. {\"from\": 2024, \"to\": 2025} (\"to\" may be left out)");
        }
        unknownFields(years, Set.of("from", "to"), "years.", shown);
        int from = year(years.get("from"), "years.from", shown);
        Integer to = years.hasNonNull("to") ? year(years.get("to"), "years.to", shown) : null;
        if (to != null && to < from) {
            throw problem(shown, 0, "years.to (" + to + ") is before years.from (" + from + ")");
        }
        return new RuleSetManifest(name.asText(), new YearRange(from, to));
    }

    private static int year(JsonNode value, String field, String shown) throws RulesException {
        if (value == null || value.isNull()) {
            throw problem(shown, 0, field + ": required year is missing");
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()
                || value.asInt() < YearRange.MIN_YEAR || value.asInt() > YearRange.MAX_YEAR) {
            throw problem(shown, 0, field + ": expected a year from " + YearRange.MIN_YEAR + " to " + YearRange.MAX_YEAR
                    + ", got " + value);
        }
        return value.asInt();
    }

    private static void unknownFields(JsonNode node, Set<String> known, String prefix, String shown) throws RulesException {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) throw problem(shown, 0, prefix + name + ": unknown field");
        }
    }

    private static RulesException problem(String shown, int line, String message) {
        return new RulesException(new RuleProblem(shown, line, null, message));
    }
}
