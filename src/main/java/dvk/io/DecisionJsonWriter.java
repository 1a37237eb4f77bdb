package dvk.io;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import dvk.domain.Award;
import dvk.domain.CriterionOutcome;
import dvk.domain.Decision;
import dvk.domain.FieldError;
import dvk.domain.NotAwarded;
import dvk.domain.RejectedRecord;
import dvk.domain.ScorePart;
import dvk.engine.Evaluation;
import dvk.engine.RuleSet;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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

    private DecisionJsonWriter() {}

    private static DefaultPrettyPrinter printer() {
        return new DefaultPrettyPrinter(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                        .withArrayEmptySeparator("")
                        .withObjectEmptySeparator(""))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    }

    /** Writes a whole evaluation held in memory; the same bytes as streaming it through {@link JsonDecisionOutput}. */
    public static void write(Evaluation evaluation, OutputStream out) throws IOException {
        try (JsonDecisionOutput output = new JsonDecisionOutput(evaluation.year(), evaluation.rules())) {
            evaluation.decisions().forEach(d -> output.decided(d, output.prepare(d)));
            evaluation.rejected().forEach(output::rejected);
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
        DefaultIndenter deeper = new DefaultIndenter("  ", "\n") {
            @Override
            public void writeIndentation(JsonGenerator g, int level) throws IOException {
                super.writeIndentation(g, level + levels);
            }
        };
        return printer().withObjectIndenter(deeper).withArrayIndenter(deeper);
    }

    /**
     * Renders array elements one after another with one generator and buffer per thread: making a
     * generator for each of a million decisions showed in the profile.
     */
    private static final class Elements {
        private static final ThreadLocal<Elements> PER_THREAD = ThreadLocal.withInitial(Elements::new);
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
        private final JsonGenerator g;

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
    static byte[] fragment(RuleSet rules, Decision decision) {
        return Elements.PER_THREAD.get().render(g -> writeDecision(g, rules, decision));
    }

    /** A rejected record as an element of the "rejected" array. */
    static byte[] fragment(RejectedRecord rejected) {
        return Elements.PER_THREAD.get().render(g -> writeRejected(g, rejected));
    }

    /** The document's opening through the summary, ending with the comma before "decisions". */
    static byte[] header(int year, RuleSet rules, long records, long decided, long rejected, Map<String, Long> titles) {
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
            g.writeEndObject();
            g.writeEndObject();
        });
        String text = new String(whole, StandardCharsets.UTF_8);
        return (text.substring(0, text.lastIndexOf("\n}")) + ",").getBytes(StandardCharsets.UTF_8);
    }

    private static void writeDecision(JsonGenerator g, RuleSet rules, Decision decision) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", decision.nomination().id());
        g.writeStringField("name", decision.nomination().name());
        if (decision.score() != null) {
            g.writeObjectFieldStart("score");
            g.writeNumberField("total", decision.score().total());
            g.writeObjectFieldStart("parts");
            for (ScorePart part : decision.score().parts()) {
                g.writeNumberField(part.component(), part.points());
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeArrayFieldStart("awards");
        for (Award award : decision.awards()) {
            g.writeStartObject();
            g.writeStringField("title", award.title());
            var title = rules.title(award.title());
            if (title.isPresent()) {
                g.writeStringField("level", title.get().level().name());
                g.writeStringField("nameVi", title.get().nameVi());
                g.writeStringField("nameEn", title.get().nameEn());
            }
            g.writeStringField("rule", award.rule());
            g.writeStringField("cite", award.cite());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("notAwarded");
        for (NotAwarded missed : decision.notAwarded()) {
            g.writeStartObject();
            g.writeStringField("title", missed.title());
            g.writeArrayFieldStart("failed");
            for (CriterionOutcome failed : missed.failed()) {
                g.writeStartObject();
                g.writeStringField("criterion", failed.criterion());
                g.writeStringField("actual", failed.actual());
                g.writeStringField("required", failed.required());
                g.writeStringField("rule", failed.rule());
                g.writeStringField("cite", failed.cite());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeRejected(JsonGenerator g, RejectedRecord rejected) throws IOException {
        g.writeStartObject();
        g.writeNumberField("index", rejected.index());
        if (rejected.id() != null) g.writeStringField("id", rejected.id());
        g.writeArrayFieldStart("errors");
        for (FieldError error : rejected.errors()) {
            g.writeStartObject();
            g.writeStringField("field", error.field());
            g.writeStringField("message", error.message());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
