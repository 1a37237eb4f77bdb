package dvk.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import dvk.domain.Award;
import dvk.domain.CriterionOutcome;
import dvk.domain.Decision;
import dvk.domain.FieldError;
import dvk.domain.NotAwarded;
import dvk.domain.ProvisionalQuota;
import dvk.domain.RejectedRecord;
import dvk.domain.ScorePart;
import dvk.domain.Warning;
import dvk.engine.Evaluation;
import dvk.engine.RuleSet;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes decisions as the data contract's JSON. Field order is fixed and nothing depends on
 * timing or threads, so equal input and rules give byte-identical output.
 */
public final class DecisionJsonWriter {
    private static final JsonFactory FACTORY = new JsonFactory();

    /** The printer of array elements, copied for each (a printer keeps its nesting while in use). */
    private static final DefaultPrettyPrinter ELEMENT = nested(2);

    private static final SerializedString ID = new SerializedString("id");
    private static final SerializedString NAME = new SerializedString("name");
    private static final SerializedString MODEL_CODE = new SerializedString("modelCode");
    private static final SerializedString NOTES = new SerializedString("notes");
    private static final SerializedString SCORE = new SerializedString("score");
    private static final SerializedString TOTAL = new SerializedString("total");
    private static final SerializedString PARTS = new SerializedString("parts");
    private static final SerializedString AWARDS = new SerializedString("awards");
    private static final SerializedString TITLE = new SerializedString("title");
    private static final SerializedString LEVEL = new SerializedString("level");
    private static final SerializedString NAME_VI = new SerializedString("nameVi");
    private static final SerializedString NAME_EN = new SerializedString("nameEn");
    private static final SerializedString RULE = new SerializedString("rule");
    private static final SerializedString CITE = new SerializedString("cite");
    private static final SerializedString NOT_AWARDED = new SerializedString("notAwarded");
    private static final SerializedString FAILED = new SerializedString("failed");
    private static final SerializedString CRITERION = new SerializedString("criterion");
    private static final SerializedString ACTUAL = new SerializedString("actual");
    private static final SerializedString REQUIRED = new SerializedString("required");

    private DecisionJsonWriter() {}

    private static DefaultPrettyPrinter printer() {
        return new DefaultPrettyPrinter(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                        .withArrayEmptySeparator("")
                        .withObjectEmptySeparator(""))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    }

    /** Writes a whole evaluation held in memory, messages in the English text the errors carry. */
    public static void write(Evaluation evaluation, OutputStream out) throws IOException {
        write(evaluation, Words.english(), out);
    }

    /**
     * Writes a whole evaluation held in memory, the messages (rejected records' errors, warnings) in
     * {@code words}; the same bytes as streaming it through {@link JsonDecisionOutput}.
     */
    public static void write(Evaluation evaluation, Words words, OutputStream out) throws IOException {
        try (JsonDecisionOutput output = new JsonDecisionOutput(evaluation.year(), evaluation.rules(), words)) {
            evaluation.decisions().forEach(d -> output.decided(d, output.prepare(d)));
            evaluation.rejected().forEach(output::rejected);
            output.provisional(evaluation.provisional());
            output.warnings(evaluation.warnings());
            output.writeTo(out);
        }
    }

    @FunctionalInterface
    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    /** One root-level object, pretty-printed as if nested {@code levels} deep (the array elements are at 2). */
    private static byte[] render(int levels, Body body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        try (JsonGenerator g = FACTORY.createGenerator(bytes, JsonEncoding.UTF8)) {
            g.setPrettyPrinter(levels == 0 ? printer() : nested(levels));
            if (levels > 0) g.writeRaw("  ".repeat(levels));
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static DefaultPrettyPrinter nested(int levels) {
        Indenter deeper = new Indenter(levels);
        return printer().withObjectIndenter(deeper).withArrayIndenter(deeper);
    }

    /**
     * A new line and two spaces a level, {@code levels} levels deeper than the generator's nesting,
     * written as bytes encoded once: DefaultIndenter's characters, encoded for every line, showed in
     * the profile.
     */
    private record Indenter(int levels) implements DefaultPrettyPrinter.Indenter {
        private static final SerializedString[] LINES = new SerializedString[32];

        static {
            for (int i = 0; i < LINES.length; i++) LINES[i] = new SerializedString("\n" + "  ".repeat(i));
        }

        @Override
        public void writeIndentation(JsonGenerator g, int level) throws IOException {
            int depth = level + levels;
            if (depth < LINES.length) {
                g.writeRaw(LINES[depth]);
            } else {
                g.writeRaw("\n" + "  ".repeat(depth));
            }
        }

        @Override
        public boolean isInline() {
            return false;
        }
    }

    /**
     * Renders array elements one after another with one generator and buffer per thread: making a
     * generator for each of a million decisions showed in the profile.
     */
    private static final class Elements {
        private static final ThreadLocal<Elements> PER_THREAD = ThreadLocal.withInitial(Elements::new);
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
        private final JsonGenerator g;
        /** Values that come from the rules (titles, rule ids, citations), each encoded once per thread. */
        private final Map<String, SerializedString> encoded = new HashMap<>();

        private Elements() {
            try {
                g = FACTORY.createGenerator(bytes, JsonEncoding.UTF8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // elements follow each other at the root of this generator: nothing between them
            g.setPrettyPrinter(ELEMENT.withRootSeparator("").createInstance());
        }

        byte[] render(Body body) {
            try {
                g.writeRaw("    ");
                body.write(g);
                g.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            byte[] element = bytes.toByteArray();
            bytes.reset();
            return element;
        }
    }

    /** A decision as an element of the "decisions" array. */
    /** One decision's JSON on its own: tests check that every decision renders to valid JSON. */
    public static byte[] fragment(RuleSet rules, Decision decision) {
        Elements elements = Elements.PER_THREAD.get();
        return elements.render(g -> writeDecision(g, rules, decision, elements.encoded));
    }

    /** A rejected record as an element of the "rejected" array, its messages in English. */
    public static byte[] fragment(RejectedRecord rejected) {
        return fragment(rejected, Words.english());
    }

    /** A rejected record as an element of the "rejected" array, its messages in {@code words}. */
    public static byte[] fragment(RejectedRecord rejected, Words words) {
        return Elements.PER_THREAD.get().render(g -> writeRejected(g, rejected, words));
    }

    /**
     * The document's opening through the summary, ending with the comma before "decisions". The
     * summary's {@code warnings} and {@code provisional} follow its counts, their messages in {@code words}.
     */
    static byte[] header(int year, RuleSet rules, long records, long decided, long rejected, Map<String, Long> titles,
                         List<Warning> warnings, List<ProvisionalQuota> provisional, Words words) {
        byte[] whole = render(0, g -> {
            g.writeStartObject();
            g.writeNumberField("year", year);
            g.writeObjectFieldStart("rules");
            g.writeStringField("source", rules.source());
            g.writeStringField("fingerprint", rules.fingerprint());
            g.writeNumberField("rules", rules.ruleCount());
            g.writeEndObject();
            g.writeObjectFieldStart("summary");
            g.writeNumberField("records", records);
            g.writeNumberField("decided", decided);
            g.writeNumberField("rejected", rejected);
            g.writeObjectFieldStart("titles");
            for (Map.Entry<String, Long> title : titles.entrySet()) {
                g.writeNumberField(title.getKey(), title.getValue());
            }
            g.writeEndObject();
            g.writeArrayFieldStart("warnings");
            for (Warning warning : warnings) {
                g.writeStartObject();
                g.writeStringField("kind", warning.kind());
                g.writeStringField("message", InputText.of(warning.message(), words));
                strings(g, "ids", warning.ids());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("provisional");
            for (ProvisionalQuota quota : provisional) {
                g.writeStartObject();
                g.writeStringField("district", quota.district());
                g.writeStringField("title", quota.title());
                strings(g, "rejected", quota.rejected());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
        });
        String text = new String(whole, StandardCharsets.UTF_8);
        return (text.substring(0, text.lastIndexOf("\n}")) + ",").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * {@code encoded}: values that repeat across decisions because they come from the rules, each
     * encoded once. Field names are constants.
     */
    private static void writeDecision(JsonGenerator g, RuleSet rules, Decision decision,
                                      Map<String, SerializedString> encoded) throws IOException {
        g.writeStartObject();
        field(g, ID, decision.nomination().id());
        field(g, NAME, decision.nomination().name());
        if (decision.nomination().modelCode() != null) field(g, MODEL_CODE, decision.nomination().modelCode());
        if (decision.nomination().notes() != null) field(g, NOTES, decision.nomination().notes());
        if (decision.score() != null) {
            g.writeFieldName(SCORE);
            g.writeStartObject();
            g.writeFieldName(TOTAL);
            g.writeNumber(decision.score().total());
            g.writeFieldName(PARTS);
            g.writeStartObject();
            for (ScorePart part : decision.score().parts()) {
                g.writeFieldName(encoded(encoded, part.component()));
                g.writeNumber(part.points());
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeFieldName(AWARDS);
        g.writeStartArray();
        for (Award award : decision.awards()) {
            g.writeStartObject();
            field(g, TITLE, encoded(encoded, award.title()));
            var title = rules.title(award.title());
            if (title.isPresent()) {
                field(g, LEVEL, encoded(encoded, title.get().level().name()));
                field(g, NAME_VI, encoded(encoded, title.get().nameVi()));
                field(g, NAME_EN, encoded(encoded, title.get().nameEn()));
            }
            field(g, RULE, encoded(encoded, award.rule()));
            field(g, CITE, encoded(encoded, award.cite()));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeFieldName(NOT_AWARDED);
        g.writeStartArray();
        for (NotAwarded missed : decision.notAwarded()) {
            g.writeStartObject();
            field(g, TITLE, encoded(encoded, missed.title()));
            g.writeFieldName(FAILED);
            g.writeStartArray();
            for (CriterionOutcome failed : missed.failed()) {
                g.writeStartObject();
                field(g, CRITERION, encoded(encoded, failed.criterion()));
                field(g, ACTUAL, failed.actual());
                field(g, REQUIRED, failed.required());
                field(g, RULE, encoded(encoded, failed.rule()));
                field(g, CITE, encoded(encoded, failed.cite()));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void field(JsonGenerator g, SerializedString name, String value) throws IOException {
        g.writeFieldName(name);
        g.writeString(value);
    }

    private static void field(JsonGenerator g, SerializedString name, SerializedString value) throws IOException {
        g.writeFieldName(name);
        if (value == null) {
            g.writeNull();
        } else {
            g.writeString(value);
        }
    }

    /** Rules give a few hundred distinct values at most; anything else is not kept. */
    private static final int MOST_ENCODED = 4096;

    private static SerializedString encoded(Map<String, SerializedString> encoded, String value) {
        if (value == null) return null;
        SerializedString known = encoded.get(value);
        if (known == null) {
            known = new SerializedString(value);
            if (encoded.size() < MOST_ENCODED) encoded.put(value, known);
        }
        return known;
    }

    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String value : values) g.writeString(value);
        g.writeEndArray();
    }

    private static void writeRejected(JsonGenerator g, RejectedRecord rejected, Words words) throws IOException {
        g.writeStartObject();
        g.writeNumberField("index", rejected.index());
        if (rejected.id() != null) g.writeStringField("id", rejected.id());
        g.writeArrayFieldStart("errors");
        for (FieldError error : rejected.errors()) {
            g.writeStartObject();
            g.writeStringField("field", error.field());
            g.writeStringField("message", InputText.message(error, words));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
