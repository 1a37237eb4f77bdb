package dvk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar on a real pseudo-terminal (util-linux {@code script}) shows a progress bar for a
 * batch over 10,000 records, and writes nothing of it when stderr is a file.
 */
class ProgressIT {
    private static final Path JAR = Path.of("target/dvk.jar").toAbsolutePath();
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path temp;
    static Path large;
    static Path small;

    @BeforeAll
    static void batches() throws Exception {
        JsonNode sample = JSON.readTree(Path.of("fixtures/samples/gia-lam-2024.json").toFile());
        large = copies(sample, 200, "large.json");
        small = copies(sample, 2, "small.json");
    }

    /** The sample repeated with new ids, spread over 40 districts so the quota stays as contended as in the sample. */
    private static Path copies(JsonNode sample, int times, String name) throws Exception {
        ObjectNode batch = JSON.createObjectNode().put("year", sample.get("year").asInt());
        ArrayNode nominations = batch.putArray("nominations");
        for (int k = 0; k < times; k++) {
            for (JsonNode n : sample.get("nominations")) {
                ObjectNode copy = n.deepCopy();
                copy.put("id", n.get("id").asText() + "-" + k).put("district", n.get("district").asText() + " " + k % 40);
                nominations.add(copy);
            }
        }
        Path file = temp.resolve(name);
        JSON.writeValue(file.toFile(), batch);
        return file;
    }

    private static String onTerminal(Path batch) throws Exception {
        String command = "stty cols 120; " + JAVA + " -jar " + JAR + " evaluate " + batch + " --out " + temp.resolve("out.json");
        File typed = temp.resolve("terminal.txt").toFile();
        Process process = new ProcessBuilder(List.of("script", "-qec", command, "/dev/null"))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(typed).redirectErrorStream(true).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("dvk finished in time").isTrue();
        assertThat(process.exitValue()).isZero();
        return Files.readString(typed.toPath(), StandardCharsets.UTF_8);
    }

    @Test
    void aLargeBatchOnATerminalShowsTheBarWithRateAndEta() throws Exception {
        String terminal = onTerminal(large);
        assertThat(terminal).contains("dvk: evaluating").contains("12000/12000 records").contains("records/s");
    }

    @Test
    void aSmallBatchOnATerminalShowsNoBar() throws Exception {
        assertThat(onTerminal(small)).doesNotContain("dvk: evaluating").contains("120 được xét");
    }

    @Test
    void stderrToAFileGetsNoBar() throws Exception {
        File err = temp.resolve("stderr.txt").toFile();
        Process process = new ProcessBuilder(JAVA, "-jar", JAR.toString(), "evaluate", large.toString(),
                "--out", temp.resolve("out.json").toString()).redirectError(err).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        String written = Files.readString(err.toPath(), StandardCharsets.UTF_8);
        assertThat(written).doesNotContain("evaluating").doesNotContain("records/s").contains("12.000 được xét");
    }
}
