package dvk.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dvk.engine.Evaluation;
import dvk.engine.Evaluator;
import dvk.engine.RuleSet;
import dvk.io.BatchReader;
import dvk.testing.TestRules;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench's phases do the work they are named for; their speed is the bench's to print, not a test's to judge. */
class PhaseBenchTest {
    @TempDir
    Path temp;

    @Test
    void timesReadingTheWholeBatchAndEvaluatingAndRenderingItsFirstRecords() throws Exception {
        Path batch = temp.resolve("batch.json");
        try (Writer out = Files.newBufferedWriter(batch, StandardCharsets.UTF_8)) {
            new BatchGenerator(BatchGenerator.DEFAULT_YEAR, 5).write(700, BatchFormat.JSON, out);
        }
        RuleSet rules = TestRules.standard();
        Path rendered = temp.resolve("phases.json");

        List<PhaseBench.Phase> phases = new PhaseBench(rules, rendered).measure(batch, 300, List.of(1, 2), 2);

        assertThat(phases).extracting(PhaseBench.Phase::name, PhaseBench.Phase::threads, PhaseBench.Phase::records)
                .containsExactly(
                        tuple(PhaseBench.READ, 1, 700),
                        tuple(PhaseBench.RULES, 1, 300),
                        tuple(PhaseBench.RULES, 2, 300),
                        tuple(PhaseBench.RENDER, 1, 300),
                        tuple(PhaseBench.RENDER, 2, 300));
        assertThat(phases).allSatisfy(p -> assertThat(p.seconds()).isPositive());
        // the rendering phase wrote the decisions of exactly those 300 records, as evaluate decides them
        JsonNode json = new ObjectMapper().readTree(rendered.toFile());
        Evaluation all = new Evaluator(rules, 1).evaluate(BatchReader.read(batch));
        long decided = all.decisions().stream().filter(d -> d.index() < 300).count();
        long rejected = all.rejected().stream().filter(r -> r.index() < 300).count();
        assertThat(rejected).as("the generator's defects reach the sample").isPositive();
        assertThat(json.at("/summary/records").asInt()).isEqualTo(300);
        assertThat(json.at("/summary/decided").asLong()).isEqualTo(decided);
        assertThat(json.get("decisions")).hasSize((int) decided);
        assertThat(json.get("rejected")).hasSize((int) rejected);
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(PhaseBench.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
        assertThat(PhaseBench.median(List.of(4.0, 1.0, 2.0, 3.0))).isEqualTo(2.5);
    }
}
