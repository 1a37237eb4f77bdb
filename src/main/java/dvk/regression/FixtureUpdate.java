package dvk.regression;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dvk.domain.CriterionOutcome;
import dvk.domain.Decision;
import dvk.domain.NotAwarded;
import dvk.engine.Evaluation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A fixture's text with the expectations the rules now contradict rewritten to what they decide
 * ({@code dvk verify --update}): exactly the changes the mismatch table shows. For each nomination
 * with a mismatch the rules settle (a title awarded or not, a title's failed criteria, the score):
 * the titles awarded become the decision's; the failed criteria of every title the expectation
 * names, and of every title it expected awarded that now is not, become the decision's, and a title
 * now awarded leaves the list; the score, where the expectation gives one, becomes the decision's.
 * Everything else of the file (description, input or batch, the other nominations, their order,
 * the layout) is kept character for character. Mismatches the rules do not settle (a record
 * rejected, a nomination missing from the batch or from the expectations) are left for a person.
 */
public final class FixtureUpdate {
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private static final JsonFactory FACTORY = MAPPER.getFactory();

    /** The text, the nominations whose expectation was rewritten, and the mismatches left as they are. */
    public record Rewrite(String text, List<String> rewritten, List<Mismatch> left) {
        public Rewrite {
            rewritten = List.copyOf(rewritten);
            left = List.copyOf(left);
        }

        public boolean changed() {
            return !rewritten.isEmpty();
        }
    }

    private FixtureUpdate() {}

    /**
     * @param text the fixture file's text, as {@code fixture} was read from it
     * @param evaluation the fixture's batch evaluated by the current rules
     * @param mismatches the fixture's mismatches under those rules
     */
    public static Rewrite of(Fixture fixture, String text, Evaluation evaluation, List<Mismatch> mismatches)
            throws FixtureException {
        Map<String, List<Mismatch>> settled = new LinkedHashMap<>();
        List<Mismatch> left = new ArrayList<>();
        for (Mismatch m : mismatches) {
            if (m.kind().decidedByTheRules()) settled.computeIfAbsent(m.nomination(), id -> new ArrayList<>()).add(m);
            else left.add(m);
        }
        if (settled.isEmpty()) return new Rewrite(text, List.of(), left);
        Map<String, Decision> decisions = new HashMap<>();
        evaluation.decisions().forEach(d -> decisions.put(d.nomination().id(), d));
        Map<String, Span> spans = spans(fixture, text);
        String newline = text.contains("\r\n") ? "\r\n" : "\n";
        // from the end of the file back, so that the offsets of the spans not yet replaced stay true
        List<String> ids = new ArrayList<>(settled.keySet());
        ids.sort(Comparator.comparingInt((String id) -> spans.get(id).start()).reversed());
        StringBuilder out = new StringBuilder(text);
        for (String id : ids) {
            Span span = spans.get(id);
            try {
                String replacement = render(expectation(span.old(), span.raw(), decisions.get(id), settled.get(id), evaluation),
                        span.indent(), span.unit(), newline);
                out.replace(span.start(), span.end(), replacement);
            } catch (IOException e) {
                throw new FixtureException(fixture.file() + ": " + e.getMessage());
            }
        }
        List<String> rewritten = new ArrayList<>(settled.keySet());
        return new Rewrite(out.toString(), rewritten, left);
    }

    /**
     * Where a nomination's expectation object is in the text, the object as written, the indentation
     * of its key's line and the indentation step of the file.
     */
    private record Span(int start, int end, JsonNode old, String raw, String indent, String unit) {}

    /** A value kept as the file writes it, because the rules did not change it. */
    private record Raw(String text) {}

    private static Map<String, Span> spans(Fixture fixture, String text) throws FixtureException {
        Map<String, Span> spans = new HashMap<>();
        try (JsonParser parser = FACTORY.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) throw new FixtureException(fixture.file() + ": expected a JSON object");
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (!field.equals("expected") || value != JsonToken.START_OBJECT) {
                    parser.skipChildren();
                    continue;
                }
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String id = parser.currentName();
                    int key = (int) parser.currentTokenLocation().getCharOffset();
                    parser.nextToken();
                    int start = (int) parser.currentTokenLocation().getCharOffset();
                    parser.skipChildren();
                    int end = (int) parser.currentTokenLocation().getCharOffset() + 1;
                    String indent = indentOfLine(text, key);
                    JsonNode old = MAPPER.readTree(text.substring(start, end));
                    spans.put(id, new Span(start, end, old, text.substring(start, end), indent, unit(text, start, end, indent)));
                }
            }
        } catch (IOException e) {
            throw new FixtureException(fixture.file() + ": " + e.getMessage());
        }
        return spans;
    }

    /**
     * The decision, as an expectation of the keys the old one had (and those it now needs), in their
     * order. A list whose names the rules did not change is kept as written, in its order.
     */
    private static Map<String, Object> expectation(JsonNode old, String raw, Decision decision, List<Mismatch> shown,
                                                   Evaluation evaluation) throws IOException {
        Map<String, String> rawFields = rawValues(raw);
        Map<String, String> rawFailed = rawFields.containsKey("failed") ? rawValues(rawFields.get("failed")) : Map.of();
        List<String> awarded = decision.awards().stream().map(a -> a.title()).distinct().toList();
        Comparator<String> titleOrder = Comparator.comparingInt(evaluation.rules()::titleOrder);
        List<String> oldTitles = new ArrayList<>();
        old.path("failed").fieldNames().forEachRemaining(oldTitles::add);
        List<String> titles = new ArrayList<>(oldTitles);
        boolean inTitleOrder = titles.stream().sorted(titleOrder).toList().equals(titles);
        for (Mismatch m : shown) {
            if (m.kind() == Mismatch.Kind.AWARD && !awarded.contains(m.title()) && !titles.contains(m.title())) {
                titles.add(m.title());
            }
        }
        titles.removeAll(awarded);
        if (inTitleOrder) titles.sort(titleOrder);
        Map<String, Object> failed = new LinkedHashMap<>();
        boolean failedKept = titles.equals(oldTitles);
        for (String title : titles) {
            List<String> now = failedCriteria(decision, title);
            boolean same = old.path("failed").has(title) && Set.copyOf(names(old.path("failed").path(title))).equals(Set.copyOf(now));
            failed.put(title, same ? new Raw(rawFailed.get(title)) : now);
            failedKept &= same;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>();
        old.fieldNames().forEachRemaining(keys::add);
        if (!keys.contains("awards")) keys.add("awards");
        if (!keys.contains("failed") && !failed.isEmpty()) keys.add("failed");
        for (String key : keys) {
            switch (key) {
                case "score" -> {
                    Integer score = decision.score() == null ? null : decision.score().total();
                    if (score != null) fields.put("score", old.path("score").isInt() && old.get("score").intValue() == score
                            ? new Raw(rawFields.get("score")) : score);
                }
                case "awards" -> fields.put("awards", old.has("awards") && Set.copyOf(names(old.get("awards"))).equals(Set.copyOf(awarded))
                        ? new Raw(rawFields.get("awards")) : awarded);
                case "failed" -> fields.put("failed", failedKept && old.has("failed") ? new Raw(rawFields.get("failed")) : failed);
                default -> fields.put(key, new Raw(rawFields.get(key)));
            }
        }
        return fields;
    }

    /** Each field of a JSON object's text with the text of its value, as written. */
    private static Map<String, String> rawValues(String object) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        try (JsonParser parser = FACTORY.createParser(object)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) return values;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                int start = (int) parser.currentTokenLocation().getCharOffset();
                parser.skipChildren();
                int end = parser.currentToken().isStructEnd()
                        ? (int) parser.currentTokenLocation().getCharOffset() + 1
                        : (int) parser.currentLocation().getCharOffset();
                values.put(field, object.substring(start, end));
            }
        }
        return values;
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(n -> names.add(n.asText()));
        return names;
    }

    /** A title's failed criteria, eligibility first, then as the rules are written: as the decision lists them. */
    private static List<String> failedCriteria(Decision decision, String title) {
        Set<String> criteria = new LinkedHashSet<>();
        for (NotAwarded missed : decision.notAwarded()) {
            if (!missed.title().equals(title)) continue;
            for (CriterionOutcome o : missed.failed()) criteria.add(o.criterion());
        }
        return List.copyOf(criteria);
    }

    /** Written as the fixtures are: one field a line, lists of names on one line, {@code {}} when empty; kept values as they were. */
    @SuppressWarnings("unchecked")
    private static String render(Map<String, Object> fields, String indent, String unit, String newline) {
        StringBuilder out = new StringBuilder("{");
        Iterator<Map.Entry<String, Object>> it = fields.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, Object> field = it.next();
            out.append(newline).append(indent).append(unit).append(string(field.getKey())).append(": ");
            Object value = field.getValue();
            if (value instanceof Map<?, ?> map) {
                Map<String, Object> titles = (Map<String, Object>) map;
                if (titles.isEmpty()) {
                    out.append("{}");
                } else {
                    out.append('{');
                    Iterator<Map.Entry<String, Object>> t = titles.entrySet().iterator();
                    while (t.hasNext()) {
                        Map.Entry<String, Object> title = t.next();
                        out.append(newline).append(indent).append(unit).append(unit).append(string(title.getKey()))
                                .append(": ").append(value(title.getValue()));
                        if (t.hasNext()) out.append(',');
                    }
                    out.append(newline).append(indent).append(unit).append('}');
                }
            } else {
                out.append(value(value));
            }
            if (it.hasNext()) out.append(',');
        }
        return out.append(newline).append(indent).append('}').toString();
    }

    @SuppressWarnings("unchecked")
    private static String value(Object value) {
        if (value instanceof Raw raw) return raw.text();
        if (value instanceof List<?> list) return list((List<String>) list);
        return String.valueOf(value);
    }

    private static String list(List<String> values) {
        List<String> quoted = new ArrayList<>();
        for (String v : values) quoted.add(string(v));
        return "[" + String.join(", ", quoted) + "]";
    }

    private static String string(String value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String indentOfLine(String text, int offset) {
        int lineStart = text.lastIndexOf('\n', offset - 1) + 1;
        int i = lineStart;
        while (i < offset && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) i++;
        return text.substring(lineStart, i);
    }

    /** The step of indentation inside an object, as its first field is written; two spaces if it is on one line. */
    private static String unit(String text, int start, int end, String indent) {
        int newline = text.indexOf('\n', start);
        if (newline < 0 || newline >= end) return "  ";
        int i = newline + 1;
        while (i < end && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) i++;
        String inner = text.substring(newline + 1, i);
        return inner.startsWith(indent) && inner.length() > indent.length() ? inner.substring(indent.length()) : "  ";
    }
}
