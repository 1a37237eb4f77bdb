package dvk.io;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dvk.domain.Award;
import dvk.domain.CriterionOutcome;
import dvk.domain.Decision;
import dvk.domain.NotAwarded;
import dvk.domain.RejectedRecord;
import dvk.domain.TitleDefinition;
import dvk.engine.Evaluation;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes one row a record, in input order: decided and rejected alike, a column per title
 * ({@code yes}, {@code no}, or empty where the title does not apply) and the reasons in words.
 * UTF-8 with a BOM, so that Excel shows Vietnamese names correctly.
 */
public final class DecisionCsvWriter {
    private DecisionCsvWriter() {}

    public static void write(Evaluation evaluation, OutputStream out) throws IOException {
        List<TitleDefinition> titles = evaluation.rules().awardedTitles();
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        for (String column : List.of("index", "id", "name", "type", "district", "status", "score")) {
            schema.addColumn(column);
        }
        titles.forEach(t -> schema.addColumn(t.code()));
        schema.addColumn("awards").addColumn("reasons");
        List<List<String>> rows = new ArrayList<>();
        for (Decision d : evaluation.decisions()) {
            List<String> row = new ArrayList<>(List.of(String.valueOf(d.index()), d.nomination().id(),
                    d.nomination().name(), d.nomination().type().name(), d.nomination().district(), "decided",
                    d.score() == null ? "" : String.valueOf(d.score().total())));
            for (TitleDefinition title : titles) {
                boolean missed = d.notAwarded().stream().anyMatch(n -> n.title().equals(title.code()));
                row.add(d.holds(title.code()) ? "yes" : missed ? "no" : "");
            }
            row.add(d.awards().stream().map(Award::title).collect(Collectors.joining("; ")));
            row.add(reasons(d.notAwarded()));
            rows.add(row);
        }
        for (RejectedRecord r : evaluation.rejected()) {
            List<String> row = new ArrayList<>(List.of(String.valueOf(r.index()), r.id() == null ? "" : r.id(),
                    "", "", "", "rejected", ""));
            titles.forEach(t -> row.add(""));
            row.add("");
            row.add(r.describe());
            rows.add(row);
        }
        rows.sort(Comparator.comparingInt(row -> Integer.parseInt(row.get(0))));
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        CsvMapper mapper = new CsvMapper();
        mapper.getFactory().disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        mapper.writer(schema.build().withLineSeparator("\n"))
                .writeValue(writer, rows);
        writer.flush();
    }

    private static String reasons(List<NotAwarded> notAwarded) {
        return notAwarded.stream()
                .map(n -> n.title() + " (" + n.failed().stream().map(CriterionOutcome::describe)
                        .collect(Collectors.joining("; ")) + ")")
                .collect(Collectors.joining(" | "));
    }

}
