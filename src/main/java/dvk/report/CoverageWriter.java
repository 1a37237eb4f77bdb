package dvk.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import dvk.regression.Coverage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What the fixtures test ({@code dvk verify --coverage}) as text for a terminal, as JSON for tools,
 * or as one self-contained HTML page ({@link CoverageView} laid out by {@code coverage.jte}).
 */
public final class CoverageWriter {
    private static final JsonFactory FACTORY = new JsonFactory();

    private CoverageWriter() {}

    /** Aligned tables, the words in one language ({@code words}). */
    public static void text(Coverage coverage, Words words, OutputStream stream) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
        CoverageView view = CoverageView.of(coverage, words);
        boolean first = true;
        for (CoverageView.RuleSetView set : view.ruleSets()) {
            if (!first) out.println();
            first = false;
            out.println(set.heading());
            out.println();
            List<String[]> criteria = new ArrayList<>();
            criteria.add(new String[] {words.text("coverage.rule"), words.text("coverage.title"), words.text("coverage.criterion"),
                words.text("coverage.passed"), words.text("coverage.failed"), ""});
            for (CoverageView.CriterionRow c : set.criteria()) {
                String remark = c.gap() != null ? c.gap() : c.note() != null ? c.note() : "";
                criteria.add(new String[] {c.rule(), c.title(), c.criterion(), String.valueOf(c.passed()),
                    String.valueOf(c.failed()), remark});
            }
            table(out, criteria, 3, 4);
            out.println();
            List<String[]> awards = new ArrayList<>();
            awards.add(new String[] {words.text("coverage.rule"), words.text("coverage.title"), words.text("coverage.fired"), ""});
            for (CoverageView.AwardRow a : set.awards()) {
                awards.add(new String[] {a.rule(), a.title(), String.valueOf(a.fired()), a.gap() == null ? "" : a.gap()});
            }
            table(out, awards, 2);
            out.println();
            List<String[]> thresholds = new ArrayList<>();
            thresholds.add(new String[] {words.text("coverage.rule"), words.text("coverage.quantity"),
                words.text("coverage.requirement"), words.text("coverage.on"), words.text("coverage.oneShort")});
            for (CoverageView.ThresholdRow t : set.thresholds()) {
                thresholds.add(new String[] {t.rule(), t.quantity(), t.requirement(), t.on(), t.oneShort()});
            }
            table(out, thresholds);
        }
        out.flush();
    }

    /** {@code {"ruleSets": [{source, fingerprint, fixtures, nominations, criteria, awards, thresholds}]}}; null where none. */
    public static void json(Coverage coverage, OutputStream out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.setPrettyPrinter(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                            .withArrayEmptySeparator("").withObjectEmptySeparator(""))
                    .withObjectIndenter(new DefaultIndenter("  ", "\n")).withArrayIndenter(new DefaultIndenter("  ", "\n")));
            g.writeStartObject();
            g.writeArrayFieldStart("ruleSets");
            for (Coverage.RuleSetCoverage set : coverage.ruleSets()) {
                g.writeStartObject();
                g.writeStringField("source", set.source());
                g.writeStringField("fingerprint", set.fingerprint());
                g.writeArrayFieldStart("fixtures");
                for (String fixture : set.fixtures()) g.writeString(fixture);
                g.writeEndArray();
                g.writeNumberField("nominations", set.nominations());
                g.writeArrayFieldStart("criteria");
                for (Coverage.CriterionCount c : set.criteria()) {
                    g.writeStartObject();
                    g.writeStringField("rule", c.ruleId());
                    g.writeStringField("title", c.title());
                    g.writeStringField("criterion", c.criterion());
                    g.writeStringField("file", c.file());
                    g.writeNumberField("line", c.line());
                    g.writeNumberField("passed", c.passed());
                    g.writeNumberField("failed", c.failed());
                    g.writeBooleanField("passingSeen", !c.passingMissing());
                    g.writeBooleanField("failingSeen", !c.failingMissing());
                    g.writeStringField("coverage", c.note());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeArrayFieldStart("awards");
                for (Coverage.AwardCount a : set.awards()) {
                    g.writeStartObject();
                    g.writeStringField("rule", a.ruleId());
                    g.writeStringField("title", a.title());
                    g.writeStringField("file", a.file());
                    g.writeNumberField("line", a.line());
                    g.writeNumberField("fired", a.fired());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeArrayFieldStart("thresholds");
                for (Coverage.ThresholdCover t : set.thresholds()) {
                    g.writeStartObject();
                    g.writeStringField("rule", t.threshold().ruleId());
                    g.writeStringField("title", t.threshold().title());
                    g.writeStringField("criterion", t.threshold().criterion());
                    g.writeStringField("quantity", t.threshold().quantity());
                    g.writeStringField("requirement", t.threshold().requirement());
                    g.writeNumberField("value", t.threshold().value());
                    g.writeStringField("file", t.threshold().file());
                    g.writeNumberField("line", t.threshold().line());
                    example(g, "on", t.on());
                    example(g, "oneShort", t.oneShort());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    /** One page in the language of {@code words}, fetching nothing. */
    public static void html(Coverage coverage, Words words, OutputStream out) throws IOException {
        out.write(Pages.render("coverage.jte", CoverageView.of(coverage, words)).getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void example(JsonGenerator g, String field, Coverage.Example example) throws IOException {
        if (example == null) {
            g.writeNullField(field);
            return;
        }
        g.writeObjectFieldStart(field);
        g.writeStringField("fixture", example.fixture());
        g.writeStringField("nomination", example.nomination());
        g.writeEndObject();
    }

    /** Columns padded to their widest cell, the last one not; {@code numbers} are aligned right. */
    private static void table(PrintWriter out, List<String[]> rows, int... numbers) {
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < columns; c++) widths[c] = Math.max(widths[c], row[c].length());
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                boolean right = false;
                for (int n : numbers) right |= n == c;
                String cell = row[c];
                if (c == columns - 1) {
                    line.append(cell);
                } else if (right) {
                    line.append(" ".repeat(widths[c] - cell.length())).append(cell).append("  ");
                } else {
                    line.append(cell).append(" ".repeat(widths[c] - cell.length() + 2));
                }
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
