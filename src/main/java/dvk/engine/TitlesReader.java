package dvk.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dvk.domain.Level;
import dvk.domain.NominationType;
import dvk.domain.TitleDefinition;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads {@code titles.json}, the titles data kept beside the rules. */
public final class TitlesReader {
    private static final Set<String> FIELDS = Set.of("code", "nameVi", "nameEn", "level", "issuer", "for");
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private TitlesReader() {}

    public static List<TitleDefinition> read(Path file) throws RulesException {
        JsonNode root;
        try {
            try (var in = java.nio.file.Files.newInputStream(file)) {
                root = MAPPER.readTree(in);
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw problem(line, "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw problem(0, "cannot read: " + e.getMessage());
        }
        if (root == null || !root.path("titles").isArray()) {
            throw problem(0, "expected an object with a \"titles\" array");
        }
        List<TitleDefinition> titles = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        int i = 0;
        for (JsonNode node : root.get("titles")) {
            String where = "titles[" + i++ + "]";
            if (!node.isObject()) throw problem(0, where + ": expected an object");
            for (var names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!FIELDS.contains(name)) throw problem(0, where + "." + name + ": unknown field");
            }
            String code = text(node, "code", where);
            if (!codes.add(code)) throw problem(0, where + ".code: title " + code + " is listed twice");
            titles.add(new TitleDefinition(code, text(node, "nameVi", where), text(node, "nameEn", where),
                    constant(Level.class, node, "level", where), text(node, "issuer", where),
                    constant(NominationType.class, node, "for", where)));
        }
        return List.copyOf(titles);
    }

    private static String text(JsonNode node, String field, String where) throws RulesException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw problem(0, where + "." + field + ": required text is missing");
        }
        return value.asText();
    }

    private static <E extends Enum<E>> E constant(Class<E> type, JsonNode node, String field, String where)
            throws RulesException {
        String value = text(node, field, where);
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw problem(0, where + "." + field + ": \"" + value + "\" is not one of "
                    + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    private static RulesException problem(int line, String message) {
        return new RulesException(new RuleProblem(RuleSources.TITLES_FILE, line, null, message));
    }
}
