package dvk.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dvk.engine.Evaluation;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * Writes the {@link DecisionTable} as CSV: the same rows as the XLSX "Decisions" sheet, dates as
 * {@code yyyy-mm-dd}. UTF-8 with a BOM, so that Excel shows Vietnamese names correctly.
 */
public final class DecisionCsvWriter {
    private DecisionCsvWriter() {}

    public static void write(Evaluation evaluation, OutputStream out) throws IOException {
        DecisionTable table = DecisionTable.of(evaluation);
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        table.columns().forEach(c -> schema.addColumn(c.header()));
        List<List<String>> rows = table.rows().stream()
                .map(row -> row.stream().map(cell -> Objects.toString(cell, "")).toList())
                .toList();
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        CsvMapper mapper = new CsvMapper();
        mapper.getFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        mapper.writer(schema.build().withLineSeparator("\n")).writeValue(writer, rows);
        writer.flush();
    }
}
