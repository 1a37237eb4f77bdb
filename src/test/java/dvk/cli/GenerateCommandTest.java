package dvk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void writesJsonToTheOutputTheSameForTheSameSeed() throws Exception {
        CommandRun first = CommandRun.of("generate", "--n", "40", "--seed", "3");
        assertThat(first.exitCode()).isZero();
        assertThat(first.err()).isEmpty();
        assertThat(first.out()).startsWith("{\"year\":2024,\"nominations\":[\n{\"id\":\"HN-2024-000001\",");
        assertThat(JSON.readTree(first.out()).get("nominations")).hasSize(40);
        assertThat(CommandRun.of("generate", "--n", "40", "--seed", "3").out()).isEqualTo(first.out());
        assertThat(CommandRun.of("generate", "--n", "40", "--seed", "4").out()).isNotEqualTo(first.out());
        assertThat(CommandRun.of("generate", "--n", "40").out())
                .isEqualTo(CommandRun.of("generate", "--n", "40", "--seed", "1").out());
    }

    @Test
    void districtsOnePutsEveryRecordInOneDistrictAndSaysSoInTheHelp() throws Exception {
        CommandRun one = CommandRun.of("generate", "--n", "200", "--seed", "3", "--districts", "one");
        assertThat(one.exitCode()).isZero();
        JsonNode nominations = JSON.readTree(one.out()).get("nominations");
        List<String> districts = new ArrayList<>();
        nominations.forEach(n -> districts.add(n.path("district").asText("(none)")));
        assertThat(districts).filteredOn(d -> !d.equals("(none)")).hasSizeGreaterThan(190).containsOnly("Gia Lâm");
        assertThat(CommandRun.of("generate", "--n", "200", "--seed", "3", "--districts", "one").out()).isEqualTo(one.out());
        assertThat(CommandRun.of("generate", "--n", "200", "--seed", "3", "--districts", "cities").out())
                .isEqualTo(CommandRun.of("generate", "--n", "200", "--seed", "3").out());
        assertThat(CommandRun.of("generate", "--n", "2", "--districts", "all").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(CommandRun.of("generate", "--help").out()).contains("--districts=SPREAD").contains("one: every record in Gia Lâm");
    }

    @Test
    void writesAFileWithAOneLineSummaryOnStderr() throws Exception {
        Path file = temp.resolve("out/batch.json");
        CommandRun run = CommandRun.of("generate", "--n", "1000", "--seed", "8", "--out", file.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).matches("dvk: 1000 records \\(\\d+ invalid\\) → " + Pattern.quote(file.toString()) + "\\R");
        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .isEqualTo(CommandRun.of("generate", "--n", "1000", "--seed", "8").out());
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);                      // no temporary left behind
        }
    }

    @Test
    void yearOptionSetsTheBatchYearAndTheIds() throws Exception {
        CommandRun run = CommandRun.of("generate", "--n", "3", "--year", "2025");
        JsonNode batch = JSON.readTree(run.out());
        assertThat(batch.get("year").asInt()).isEqualTo(2025);
        assertThat(batch.at("/nominations/2/id").asText()).isEqualTo("HN-2025-000003");
    }

    @Test
    void csvAndJsonOfTheSameSeedGiveTheSameDecisions() throws Exception {
        Path json = temp.resolve("batch.json");
        Path csv = temp.resolve("batch.csv");
        assertThat(CommandRun.of("generate", "--n", "1500", "--seed", "11", "--out", json.toString()).exitCode()).isZero();
        assertThat(CommandRun.of("generate", "--n", "1500", "--seed", "11", "--out", csv.toString()).exitCode()).isZero();
        assertThat(Files.readString(csv, StandardCharsets.UTF_8)).startsWith("year,id,name,type,kind,field,");

        CommandRun fromJson = CommandRun.of("evaluate", json.toString(), "--rules", "rules");
        CommandRun fromCsv = CommandRun.of("evaluate", csv.toString(), "--rules", "rules");
        assertThat(fromJson.exitCode()).isEqualTo(ExitCodes.REJECTED_RECORDS);
        assertThat(fromCsv.exitCode()).isEqualTo(ExitCodes.REJECTED_RECORDS);
        JsonNode a = JSON.readTree(fromJson.out());
        JsonNode b = JSON.readTree(fromCsv.out());
        assertThat(a.at("/summary/records").asInt()).isEqualTo(1500);
        assertThat(b.get("decisions")).isEqualTo(a.get("decisions"));
        assertThat(b.get("summary")).isEqualTo(a.get("summary"));
        // the same records are rejected for the same defect, told in CSV's terms where they differ
        // (a stray note is a cell past the last column, not an unknown field)
        assertThat(withoutErrors(b.get("rejected"))).isEqualTo(withoutErrors(a.get("rejected")));
    }

    private static List<JsonNode> withoutErrors(JsonNode rejected) {
        List<JsonNode> records = new ArrayList<>();
        for (JsonNode record : rejected) {
            ObjectNode copy = record.deepCopy();
            copy.remove("errors");
            records.add(copy);
        }
        return records;
    }

    @Test
    void zeroRecordsGiveAnEmptyJsonBatchThatEvaluates() throws Exception {
        Path file = temp.resolve("empty.json");
        CommandRun run = CommandRun.of("generate", "--n", "0", "--out", file.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("dvk: 0 records (0 invalid) → ");
        assertThat(Files.readString(file)).isEqualTo("{\"year\":2024,\"nominations\":[]}\n");
        CommandRun evaluated = CommandRun.of("evaluate", file.toString(), "--rules", "rules");
        assertThat(evaluated.exitCode()).isZero();
        assertThat(JSON.readTree(evaluated.out()).at("/summary/records").asInt()).isZero();
    }

    @Test
    void zeroRecordsAsCsvAreRefusedBecauseAHeaderAloneIsNoBatch() {
        // CsvBatchReader takes the year from the rows and rejects a file with a header but no rows
        Path file = temp.resolve("empty.csv");
        CommandRun run = CommandRun.of("generate", "--n", "0", "--out", file.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("CSV batch needs at least one record");
        assertThat(file).doesNotExist();
    }

    @Test
    void refusesANegativeCountAMissingCountAnUnknownExtensionAndAnOddYear() {
        assertThat(CommandRun.of("generate", "--n", "-1").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(CommandRun.of("generate", "--n", "-1").err()).contains("--n must be 0 or more");
        assertThat(CommandRun.of("generate").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(CommandRun.of("generate", "--n", "x").exitCode()).isEqualTo(ExitCodes.USAGE);
        CommandRun text = CommandRun.of("generate", "--n", "5", "--out", temp.resolve("batch.txt").toString());
        assertThat(text.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(text.err()).contains("expected a .json or .csv file");
        assertThat(CommandRun.of("generate", "--n", "5", "--year", "0").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void helpRendersWithoutAFormatWarning() {
        // picocli formats descriptions with String.format: a bare "1 %" is reported on System.err
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        CommandRun run;
        try {
            run = CommandRun.of("generate", "--help");
        } finally {
            System.setErr(original);
        }
        assertThat(run.out()).contains("about 1 % of records");
        assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("picocli WARN");
    }

    /**
     * Streams: 300,000 records (about 150 MB of JSON) go through a JVM with a 24 MB heap, which
     * could not hold them. Output to /dev/null by way of the command's own writer.
     */
    @Test
    void streamsALargeBatchThroughASmallHeap() throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx24m", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "generate", "--n", "300000", "--seed", "2")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.PIPE)
                .start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(err).isZero();
    }
}
