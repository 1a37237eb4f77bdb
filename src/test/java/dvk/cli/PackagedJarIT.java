package dvk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dvk.testing.XlsxFile;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs the packaged {@code target/dvk.jar} as a user does, from a directory with nothing else in
 * it: Drools' service files must have been merged for the rules to build inside one jar.
 */
class PackagedJarIT {
    private static final Path JAR = Path.of("target/dvk.jar").toAbsolutePath();
    private static final Path SAMPLE = Path.of("fixtures/samples/gia-lam-2024.json").toAbsolutePath();
    private static final Path SAMPLE_CSV = Path.of("fixtures/samples/gia-lam-2024.csv").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path emptyDirectory;

    record Run(int exitCode, String out, String err) {}

    private Run dvk(String... args) throws Exception {
        return dvkTo(emptyDirectory.resolve("stdout.txt").toFile(), args);
    }

    /** dvk with its standard output redirected to {@code out}, as {@code > out}. */
    private Run dvkTo(File out, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(JAVA, "-jar", JAR.toString()));
        command.addAll(List.of(args));
        File err = emptyDirectory.resolve("stderr.txt").toFile();
        Process process = new ProcessBuilder(command).directory(emptyDirectory.toFile())
                .redirectOutput(out).redirectError(err).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("dvk finished in time").isTrue();
        return new Run(process.exitValue(), out.isFile() ? Files.readString(out.toPath(), StandardCharsets.UTF_8) : "",
                Files.readString(err.toPath(), StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "dvk {0} > /dev/full")
    @ValueSource(strings = {"evaluate SAMPLE", "evaluate SAMPLE --format html", "rules", "diff --base RULES SAMPLE",
        "generate --n 100", "verify FIXTURES", "check", "bench --sizes 10", "--help"})
    void aFullDiskIsAnErrorInEveryCommand(String command) throws Exception {
        String[] args = command.replace("SAMPLE", SAMPLE.toString()).replace("RULES", Path.of("rules").toAbsolutePath().toString())
                .replace("FIXTURES", Path.of("fixtures/regression").toAbsolutePath().toString()).split(" ");
        Run run = dvkTo(new File("/dev/full"), args);
        assertThat(run.err()).isEqualTo("dvk: cannot write to standard output: No space left on device\n");
        assertThat(run.exitCode()).isEqualTo(2);
    }

    @Test
    void aBatchFromAProcessSubstitutionIsEvaluated() throws Exception {
        // bash passes <(cat …) as /dev/fd/63: a pipe, without a name that tells the format
        Process process = new ProcessBuilder("bash", "-c", "exec \"$0\" -jar \"$1\" evaluate <(cat \"$2\")",
                JAVA, JAR.toString(), SAMPLE.toString()).directory(emptyDirectory.toFile())
                .redirectOutput(emptyDirectory.resolve("piped.json").toFile())
                .redirectError(emptyDirectory.resolve("stderr.txt").toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(emptyDirectory.resolve("stderr.txt"))).isZero();
        assertThat(Files.readString(emptyDirectory.resolve("piped.json"))).isEqualTo(dvk("evaluate", SAMPLE.toString()).out());
    }

    @Test
    void benchMeasuresFreshJvmsAndFindsTheOutputIdenticalAcrossThreads() throws Exception {
        // --work relative to the working directory, which the fresh JVMs do not share
        Run run = dvk("bench", "--sizes", "600", "--threads", "1,2", "--one-district", "500", "--work", "bench");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("records/s").contains("first decision").contains("peak heap")
                .containsPattern("(?m)^\\s+600\\s+1\\s+\\d+").containsPattern("(?m)^\\s+600\\s+2\\s+\\d+")
                .contains("speed-up 600 records:").contains("warm speed-up 600 records:")
                .contains("one district: 500 records in Gia Lâm (dvk generate --districts one), -Xmx128m")
                .containsPattern("(?m)^\\s+500\\s+2\\s+\\d+.* MB ")
                .contains("phases: 600 records (in memory: the first 600)")
                .containsPattern("(?m)^\\s+read and validate\\s+1\\s+\\d+")
                .containsPattern("(?m)^\\s+rules, assemble\\s+2\\s+\\d+")
                .containsPattern("(?m)^\\s+rules, assemble, render and write JSON\\s+2\\s+\\d+")
                .contains("output byte-identical across thread counts: yes");
        try (var left = Files.list(emptyDirectory.resolve("bench"))) {
            assertThat(left.map(p -> p.getFileName().toString())).as("outputs are deleted, the batch kept for the next run")
                    .containsExactlyInAnyOrder("batch-600-1-city.json", "batch-500-1-one.json");
        }
    }

    @Test
    void theJarEvaluatesTheSampleWithItsBundledRules() throws Exception {
        Run run = dvk("evaluate", SAMPLE.toString());
        assertThat(run.err()).doesNotContain("Exception");
        assertThat(run.exitCode()).isZero();
        JsonNode out = JSON.readTree(run.out());
        int records = JSON.readTree(SAMPLE.toFile()).get("nominations").size();
        assertThat(out.at("/summary/records").asInt()).isEqualTo(records);
        assertThat(out.at("/summary/decided").asInt()).isEqualTo(records);
        assertThat(out.get("decisions")).hasSize(records);
        assertThat(out.at("/rules/source").asText()).isEqualTo("bundled:rules/2024-2025");
        out.at("/summary/titles").fields().forEachRemaining(title ->
                assertThat(title.getValue().asInt()).as("some nomination holds " + title.getKey()).isPositive());
        assertThat(run.out()).contains("Bát Tràng");
    }

    @Test
    void csvAndJsonSamplesGiveTheSameDecisions() throws Exception {
        Run json = dvk("evaluate", SAMPLE.toString());
        Run csv = dvk("evaluate", SAMPLE_CSV.toString());
        assertThat(csv.exitCode()).isZero();
        assertThat(JSON.readTree(csv.out()).get("decisions")).isEqualTo(JSON.readTree(json.out()).get("decisions"));
    }

    @Test
    void xlsxInAndOutWorkInsideTheJar() throws Exception {
        // POI's schemas, its logging and commons-compress must all survive shading
        Path input = XlsxFile.fromJson(SAMPLE).write(emptyDirectory.resolve("batch.xlsx"));
        Run json = dvk("evaluate", SAMPLE.toString());
        Run xlsx = dvk("evaluate", input.toString());
        // nothing on stderr but the summary and what reading the batch warns of (the sample spells Yên Viên two ways)
        assertThat(xlsx.err().lines()).allMatch(line -> line.startsWith("dvk: cảnh báo: ")
                || line.startsWith("dvk: 60 hồ sơ, 60 được xét, 0 bị loại;") && line.endsWith("(quy tắc bundled:rules/2024-2025 "
                        + json.err().substring(json.err().indexOf("sha256:"), json.err().indexOf("sha256:") + 19) + ")"));
        assertThat(xlsx.exitCode()).isZero();
        assertThat(xlsx.out()).isEqualTo(json.out());

        Path output = emptyDirectory.resolve("decisions.xlsx");
        Run written = dvk("evaluate", input.toString(), "--format", "xlsx", "--out", output.toString());
        assertThat(written.exitCode()).isZero();
        assertThat(written.err()).doesNotContain("Exception").doesNotContain("WARN").contains("60 được xét");
        try (XSSFWorkbook workbook = new XSSFWorkbook(output.toFile())) {
            assertThat(workbook.getSheet("Kết quả xét").getLastRowNum()).isEqualTo(60);
        }
    }

    @Test
    void brokenRulesExitFourFromTheJarToo() throws Exception {
        Path rules = Files.createDirectories(emptyDirectory.resolve("rules"));
        Files.writeString(rules.resolve("titles.json"), "{\"everyTitleRequires\": [], \"titles\": []}");
        Files.writeString(rules.resolve("ruleset.json"), "{\"name\": \"broken\", \"years\": {\"from\": 2024}}");
        Files.writeString(rules.resolve("broken.drl"), "package dvk.rules;\nrule \"x\"\nwhen\n  This is not DRL\nthen\nend\n");
        Run run = dvk("evaluate", SAMPLE.toString(), "--rules", rules.toString());
        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.err()).contains("broken.drl:").contains("rule \"x\"");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void helpWorks() throws Exception {
        Run run = dvk("evaluate", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: dvk evaluate");
    }
}
