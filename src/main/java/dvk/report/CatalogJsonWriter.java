package dvk.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import dvk.domain.TitleDefinition;
import dvk.engine.RuleCatalog;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.List;

/**
 * The rule catalog as JSON: {@code {"ruleSets": [{source, name, years, fingerprint, titles, rules}]}}.
 * Field order is fixed and rules are in the order they are written, so equal rules give
 * byte-identical output. Absent values (an open-ended year range, a rule serving no title) are null.
 */
public final class CatalogJsonWriter {
    private static final JsonFactory FACTORY = new JsonFactory();

    private CatalogJsonWriter() {}

    /** Writes UTF-8 to {@code out}, which is left open. */
    public static void write(List<RuleCatalog> catalogs, OutputStream out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            write(catalogs, g);
        }
    }

    public static void write(List<RuleCatalog> catalogs, Writer out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            write(catalogs, g);
        }
    }

    private static void write(List<RuleCatalog> catalogs, JsonGenerator g) throws IOException {
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.setPrettyPrinter(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                        .withArrayEmptySeparator("")
                        .withObjectEmptySeparator(""))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n")));
        g.writeStartObject();
        g.writeArrayFieldStart("ruleSets");
        for (RuleCatalog catalog : catalogs) {
            ruleSet(g, catalog);
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeRaw('\n');
        g.flush();
    }

    private static void ruleSet(JsonGenerator g, RuleCatalog catalog) throws IOException {
        g.writeStartObject();
        g.writeStringField("source", catalog.source());
        g.writeStringField("name", catalog.name());
        g.writeObjectFieldStart("years");
        g.writeNumberField("from", catalog.years().from());
        if (catalog.years().to() == null) {
            g.writeNullField("to");
        } else {
            g.writeNumberField("to", catalog.years().to());
        }
        g.writeEndObject();
        g.writeStringField("fingerprint", catalog.fingerprint());
        g.writeArrayFieldStart("titles");
        for (TitleDefinition t : catalog.titles()) {
            g.writeStartObject();
            g.writeStringField("code", t.code());
            g.writeStringField("nameVi", t.nameVi());
            g.writeStringField("nameEn", t.nameEn());
            g.writeStringField("level", t.level() == null ? null : t.level().name());
            g.writeStringField("issuer", t.issuer());
            g.writeStringField("for", t.appliesTo() == null ? null : t.appliesTo().name());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("rules");
        for (RuleCatalog.Entry e : catalog.rules()) {
            g.writeStartObject();
            g.writeStringField("id", e.id());
            g.writeStringField("name", e.name());
            g.writeStringField("kind", e.kind().label());
            g.writeStringField("title", e.title());
            g.writeStringField("criterion", e.criterion());
            g.writeStringField("requirement", e.requirement());
            g.writeStringField("cite", e.cite());
            g.writeStringField("file", e.file());
            g.writeNumberField("line", e.line());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
