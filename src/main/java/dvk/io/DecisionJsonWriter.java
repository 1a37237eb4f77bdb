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
import dvk.domain.TitleDefinition;
import dvk.engine.Evaluation;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes decisions as the data contract's JSON. Field order is fixed and nothing depends on
 * timing or threads, so equal input and rules give byte-identical output.
 */
public final class DecisionJsonWriter {
    private static final JsonFactory FACTORY = new JsonFactory();

    private DecisionJsonWriter() {}

    public static void write(Evaluation evaluation, OutputStream out) throws IOException {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                        .withArrayEmptySeparator("")
                        .withObjectEmptySeparator(""))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.setPrettyPrinter(printer);
            g.writeStartObject();
            g.writeNumberField("year", evaluation.year());
            g.writeObjectFieldStart("rules");
            g.writeStringField("source", evaluation.rules().source());
            g.writeStringField("fingerprint", evaluation.rules().fingerprint());
            g.writeNumberField("rules", evaluation.rules().ruleCount());
            g.writeEndObject();
            writeSummary(g, evaluation);
            g.writeArrayFieldStart("decisions");
            for (Decision decision : evaluation.decisions()) {
                writeDecision(g, evaluation, decision);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("rejected");
            for (RejectedRecord rejected : evaluation.rejected()) {
                writeRejected(g, rejected);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static void writeSummary(JsonGenerator g, Evaluation evaluation) throws IOException {
        g.writeObjectFieldStart("summary");
        g.writeNumberField("records", evaluation.records());
        g.writeNumberField("decided", evaluation.decisions().size());
        g.writeNumberField("rejected", evaluation.rejected().size());
        g.writeObjectFieldStart("titles");
        for (TitleDefinition title : evaluation.rules().awardedTitles()) {
            g.writeNumberField(title.code(), evaluation.count(title.code()));
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writeDecision(JsonGenerator g, Evaluation evaluation, Decision decision) throws IOException {
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
            var title = evaluation.rules().title(award.title());
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
