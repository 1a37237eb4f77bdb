package dvk.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import dvk.bench.Draft.Prior;
import dvk.bench.Draft.Violation;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Writes a JSON batch with Jackson's streaming generator: {@code "year"} first, then one nomination
 * object a line inside {@code "nominations"}, so the line number of a record is its index + 2 and
 * an error message's line points at the record, and a large file can be read with line tools.
 */
final class JsonBatchSink implements BatchSink {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private final JsonGenerator json;

    JsonBatchSink(Writer out) throws IOException {
        json = FACTORY.createGenerator(out);
        json.setPrettyPrinter(new OneRecordPerLine());
    }

    @Override
    public void begin(int year) throws IOException {
        json.writeStartObject();
        json.writeNumberField("year", year);
        json.writeArrayFieldStart("nominations");
    }

    @Override
    public void record(Draft draft) throws IOException {
        writeObject(draft.fields());
    }

    @Override
    public void end() throws IOException {
        json.writeEndArray();
        json.writeEndObject();
        json.writeRaw('\n');
        json.close();
    }

    private void writeObject(Map<String, Object> fields) throws IOException {
        json.writeStartObject();
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            json.writeFieldName(field.getKey());
            writeValue(field.getValue());
        }
        json.writeEndObject();
    }

    @SuppressWarnings("unchecked")
    private void writeValue(Object value) throws IOException {
        if (value instanceof String text) {
            json.writeString(text);
        } else if (value instanceof Long number) {
            json.writeNumber(number);
        } else if (value instanceof BigDecimal number) {
            json.writeNumber(number.toPlainString());                  // 70, not 7E+1
        } else if (value instanceof Boolean flag) {
            json.writeBoolean(flag);
        } else if (value instanceof Prior prior) {
            json.writeStartObject();
            json.writeNumberField("year", prior.year());
            json.writeStringField("level", prior.level());
            json.writeStringField("title", prior.title());
            json.writeEndObject();
        } else if (value instanceof Violation violation) {
            json.writeStartObject();
            json.writeNumberField("year", violation.year());
            json.writeStringField("description", violation.description());
            json.writeEndObject();
        } else if (value instanceof List<?> list) {
            json.writeStartArray();
            for (Object entry : list) writeValue(entry);
            json.writeEndArray();
        } else if (value instanceof Map<?, ?> map) {
            writeObject((Map<String, Object>) map);
        } else {
            throw new IllegalArgumentException("cannot write " + value.getClass());
        }
    }

    /**
     * Compact JSON, except that the nominations list (the only array directly in the root object)
     * puts each element on a line of its own.
     */
    private static final class OneRecordPerLine extends MinimalPrettyPrinter {
        @Override
        public void beforeArrayValues(JsonGenerator g) throws IOException {
            if (nominations(g)) g.writeRaw('\n');
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(nominations(g) ? ",\n" : ",");
        }

        @Override
        public void writeEndArray(JsonGenerator g, int values) throws IOException {
            if (values > 0 && nominations(g)) g.writeRaw('\n');
            g.writeRaw(']');
        }

        private static boolean nominations(JsonGenerator g) {
            JsonStreamContext array = g.getOutputContext();
            return array.inArray() && array.getParent().getParent() != null && array.getParent().getParent().inRoot();
        }
    }
}
