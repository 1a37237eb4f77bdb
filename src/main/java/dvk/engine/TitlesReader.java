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

/**
 * Reads {@code titles.json}, the titles data kept beside the rules: every title with the criteria it
 * requires, and the criteria the rule set requires of every title (eligibility).
 */
public final class TitlesReader {
    /** The criteria every title requires, listed once for the rule set (the rules with {@code @title("*")}). */
    public static final String EVERY_TITLE_REQUIRES = "everyTitleRequires";
    public static final String REQUIRES = "requires";
    private static final Set<String> ROOT_FIELDS = Set.of("titles", EVERY_TITLE_REQUIRES);
    private static final Set<String> FIELDS = Set.of("code", "nameVi", "nameEn", "level", "issuer", "for", REQUIRES);
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** The titles, in the order of the file, and the criteria required of every title. */
    public record Data(List<TitleDefinition> titles, List<String> everyTitleRequires) {
        public Data {
            titles = List.copyOf(titles);
            everyTitleRequires = List.copyOf(everyTitleRequires);
        }
    }

    private TitlesReader() {}

    public static Data read(Path file) throws RulesException {
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
        for (var names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            // a misspelt list of required criteria would otherwise require nothing, without a word
            if (!ROOT_FIELDS.contains(name)) {
                throw problem(0, name + ": unknown field (the file has \"titles\" and \"" + EVERY_TITLE_REQUIRES + "\")");
            }
        }
        if (!root.has(EVERY_TITLE_REQUIRES)) {
            throw problem(0, EVERY_TITLE_REQUIRES + ": required list is missing: the criteria every title requires"
                    + " (checked by the rules with @title(\"*\")), e.g. [\"complete-dossier\", \"no-recent-violation\"]");
        }
        List<String> everyTitle = criteria(root.get(EVERY_TITLE_REQUIRES), EVERY_TITLE_REQUIRES);
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
            if (!node.has(REQUIRES)) {
                throw problem(0, where + "." + REQUIRES + ": required list is missing: the criteria title " + code
                        + " requires (each checked by a rule with @title(\"" + code + "\") and its @criterion)");
            }
            List<String> requires = criteria(node.get(REQUIRES), where + "." + REQUIRES);
            for (String criterion : requires) {
                if (everyTitle.contains(criterion)) {
                    throw problem(0, where + "." + REQUIRES + ": " + criterion + " is already in " + EVERY_TITLE_REQUIRES
                            + ": list a criterion once");
                }
            }
            titles.add(new TitleDefinition(code, text(node, "nameVi", where), text(node, "nameEn", where),
                    constant(Level.class, node, "level", where), text(node, "issuer", where),
                    constant(NominationType.class, node, "for", where), requires));
        }
        return new Data(titles, everyTitle);
    }

    /** A list of criterion names: text, each once. */
    private static List<String> criteria(JsonNode node, String where) throws RulesException {
        if (node == null || !node.isArray()) throw problem(0, where + ": expected a list of criterion names");
        List<String> names = new ArrayList<>();
        for (JsonNode value : node) {
            if (!value.isTextual() || value.asText().isBlank()) {
                throw problem(0, where + ": expected criterion names (text), got " + value);
            }
            if (names.contains(value.asText())) throw problem(0, where + ": " + value.asText() + " is listed twice");
            names.add(value.asText());
        }
        return names;
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
