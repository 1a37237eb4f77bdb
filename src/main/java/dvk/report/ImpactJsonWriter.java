package dvk.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dvk.domain.CriterionOutcome;
import dvk.regression.Impact;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** The impact of a rules change as JSON, for tools; field order fixed, so equal impacts give equal bytes. */
public final class ImpactJsonWriter {
    private ImpactJsonWriter() {}

    public static void write(Impact impact, OutputStream stream) throws IOException {
        try (JsonGenerator json = new JsonFactory().createGenerator(stream, JsonEncoding.UTF8)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("input", impact.input());
            json.writeNumberField("year", impact.year());
            json.writeNumberField("records", impact.records());
            json.writeNumberField("rejected", impact.rejected());
            side(json, "base", impact.base());
            side(json, "changed", impact.changed());
            json.writeArrayFieldStart("titles");
            for (Impact.TitleChange t : impact.titles()) {
                json.writeStartObject();
                json.writeStringField("title", t.title());
                json.writeStringField("nameVi", t.nameVi());
                json.writeStringField("nameEn", t.nameEn());
                json.writeBooleanField("inBase", t.inBase());
                json.writeBooleanField("inChanged", t.inChanged());
                json.writeNumberField("before", t.before());
                json.writeNumberField("after", t.after());
                json.writeNumberField("gained", t.gained());
                json.writeNumberField("lost", t.lost());
                json.writeEndObject();
            }
            json.writeEndArray();
            nominations(json, "titleChanges", impact.titleChanges());
            nominations(json, "reasonChanges", impact.reasonChanges());
            json.writeEndObject();
        }
        stream.write('\n');
    }

    private static void side(JsonGenerator json, String field, Impact.Side side) throws IOException {
        json.writeObjectFieldStart(field);
        json.writeStringField("source", side.source());
        json.writeStringField("name", side.name());
        json.writeObjectFieldStart("years");
        json.writeNumberField("from", side.years().from());
        if (side.years().to() != null) json.writeNumberField("to", side.years().to());
        json.writeEndObject();
        json.writeStringField("fingerprint", side.fingerprint());
        json.writeNumberField("rules", side.rules());
        json.writeBooleanField("whatIf", side.whatIf());
        json.writeEndObject();
    }

    private static void nominations(JsonGenerator json, String field, List<Impact.NominationChange> changes)
            throws IOException {
        json.writeArrayFieldStart(field);
        for (Impact.NominationChange n : changes) {
            json.writeStartObject();
            json.writeNumberField("index", n.index());
            json.writeStringField("id", n.id());
            json.writeStringField("name", n.name());
            json.writeStringField("district", n.district());
            strings(json, "gained", n.gained());
            strings(json, "lost", n.lost());
            if (n.scoreBefore() != null || n.scoreAfter() != null) {
                json.writeObjectFieldStart("score");
                if (n.scoreBefore() != null) json.writeNumberField("before", n.scoreBefore());
                if (n.scoreAfter() != null) json.writeNumberField("after", n.scoreAfter());
                json.writeEndObject();
            }
            strings(json, "titlesRemoved", n.titlesRemoved());
            json.writeArrayFieldStart("outcomes");
            for (Impact.OutcomeChange o : n.outcomes()) {
                json.writeStartObject();
                json.writeStringField("title", o.title());
                json.writeStringField("criterion", o.criterion());
                outcome(json, "before", o.before());
                outcome(json, "after", o.after());
                json.writeStringField("text", o.describe());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void outcome(JsonGenerator json, String field, CriterionOutcome outcome) throws IOException {
        if (outcome == null) {
            json.writeNullField(field);
            return;
        }
        json.writeObjectFieldStart(field);
        json.writeBooleanField("passed", outcome.passed());
        json.writeStringField("actual", outcome.actual());
        json.writeStringField("required", outcome.required());
        json.writeStringField("rule", outcome.rule());
        json.writeStringField("cite", outcome.cite());
        json.writeEndObject();
    }

    private static void strings(JsonGenerator json, String field, List<String> values) throws IOException {
        json.writeArrayFieldStart(field);
        for (String v : values) json.writeString(v);
        json.writeEndArray();
    }
}
