package dvk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dvk.domain.Decision;
import dvk.domain.ProvisionalQuota;
import dvk.engine.Evaluation;
import dvk.engine.Evaluator;
import dvk.engine.RuleBuildMode;
import dvk.engine.RuleLibrary;
import dvk.io.BatchReader;
import dvk.report.Words;
import dvk.testing.TestRules;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rejected model could take a place in its district's quota once fixed: the district's quota
 * decisions are provisional, and every output says so, naming the records. A rejected work, or a
 * rejected model of a district without a ranking, changes no one's quota.
 */
class QuotaProvisionalTest {
    private static final Path SAMPLE = Path.of("fixtures/samples/gia-lam-2024.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    /** The sample with a model of Gia Lâm (GL-2024-004) and a work (GL-2024-047) broken, and a model moved to Đông Anh and broken. */
    private Path broken() throws Exception {
        ObjectNode batch = (ObjectNode) JSON.readTree(SAMPLE.toFile());
        for (JsonNode n : batch.get("nominations")) {
            ObjectNode record = (ObjectNode) n;
            switch (record.get("id").asText()) {
                case "GL-2024-004", "GL-2024-047" -> record.put("fundsVnd", "nhiều");
                case "GL-2024-010" -> record.put("district", "Đông Anh").remove("startDate");
                default -> { }
            }
        }
        return Files.writeString(temp.resolve("broken.json"), JSON.writeValueAsString(batch));
    }

    @Test
    void aRejectedModelMakesItsDistrictsQuotaProvisionalNamingIt() throws Exception {
        Evaluation evaluation = new Evaluator(TestRules.standard()).evaluate(BatchReader.read(broken()));
        assertThat(evaluation.rejected()).hasSize(3);
        assertThat(evaluation.provisional()).containsExactly(new ProvisionalQuota("Gia Lâm", "CITY_MODEL", List.of("GL-2024-004")));
        List<Decision> ranked = evaluation.decisions().stream().filter(d -> d.quotaTitles().contains("CITY_MODEL")).toList();
        assertThat(ranked).as("the candidates left in Gia Lâm's ranking (GL-2024-004 was one of six)").hasSize(5)
                .allSatisfy(d -> assertThat(evaluation.provisional(d)).isPresent());
        assertThat(evaluation.decisions()).filteredOn(d -> d.quotaTitles().isEmpty())
                .allSatisfy(d -> assertThat(evaluation.provisional(d)).isEmpty());
    }

    @Test
    void everyOutputMarksTheProvisionalDistrict() throws Exception {
        Path input = broken();
        RuleLibrary rules = RuleLibrary.open(Path.of("rules"));
        String json = written(input, rules, DecisionFormat.JSON);
        JsonNode out = JSON.readTree(json);
        assertThat(out.at("/summary/provisional")).hasSize(1);
        assertThat(out.at("/summary/provisional/0/district").asText()).isEqualTo("Gia Lâm");
        assertThat(out.at("/summary/provisional/0/title").asText()).isEqualTo("CITY_MODEL");
        assertThat(out.at("/summary/provisional/0/rejected/0").asText()).isEqualTo("GL-2024-004");

        String csv = written(input, rules, DecisionFormat.CSV);
        assertThat(csv.lines().filter(l -> l.endsWith(",\"CITY_MODEL: GL-2024-004\"") || l.endsWith(",CITY_MODEL: GL-2024-004")))
                .as("the rows of the five candidates left").hasSize(5);

        Path xlsx = temp.resolve("out.xlsx");
        Files.write(xlsx, written(input, rules, DecisionFormat.XLSX).getBytes(StandardCharsets.ISO_8859_1));
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            Sheet summary = workbook.getSheet("Summary");
            DataFormatter text = new DataFormatter();
            List<String> rows = new java.util.ArrayList<>();
            for (Row row : summary) {
                rows.add(text.formatCellValue(row.getCell(0)) + "|" + text.formatCellValue(row.getCell(1)) + "|"
                        + text.formatCellValue(row.getCell(2)));
            }
            assertThat(rows).as("Summary lists Gia Lâm's CITY_MODEL quota as provisional")
                    .containsSubsequence("provisional|title|rejected", "Gia Lâm|CITY_MODEL|GL-2024-004");
        }
    }

    @Test
    void aBatchWithoutRejectedModelsHasNoProvisionalQuota() throws Exception {
        Evaluation evaluation = new Evaluator(TestRules.standard()).evaluate(BatchReader.read(SAMPLE));
        assertThat(evaluation.provisional()).isEmpty();
    }

    private static String written(Path input, RuleLibrary rules, DecisionFormat format) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Outcome<EvaluationResult> outcome = new Evaluations().evaluate(new EvaluationRequest(input, rules, format, 2,
                Evaluator.DEFAULT_RULE_TIMEOUT, RuleBuildMode.AUTO, Words.english()), content -> content.writeTo(bytes),
                EvaluationObserver.NONE);
        assertThat(outcome).isInstanceOf(Outcome.Done.class);
        assertThat(((Outcome.Done<EvaluationResult>) outcome).value().provisional()).hasSize(1);
        return format == DecisionFormat.XLSX ? bytes.toString(StandardCharsets.ISO_8859_1) : bytes.toString(StandardCharsets.UTF_8);
    }
}
