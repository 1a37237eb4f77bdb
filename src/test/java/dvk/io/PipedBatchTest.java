package dvk.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dvk.domain.Batch;
import dvk.testing.Fifo;
import dvk.testing.XlsxFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch from a pipe ({@code <(cat batch.json)}, a FIFO) reads as the file does, without seeking:
 * JSON whatever the place of its year, CSV and XLSX, by name or by the first bytes.
 */
// a FIFO read by mistake, or never written, blocks for ever: fail instead
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PipedBatchTest {
    private static final Path SAMPLE = Path.of("fixtures/samples/gia-lam-2024.json");
    private static final Path SAMPLE_CSV = Path.of("fixtures/samples/gia-lam-2024.csv");
    private static final String INPUT_COPY = "dvk-pid" + ProcessHandle.current().pid() + "-input-";
    private static Batch sample;

    @TempDir
    Path temp;

    @BeforeAll
    static void readTheFile() throws Exception {
        sample = BatchReader.read(SAMPLE);
    }

    /** This process's copies of piped input in the temporary directory. */
    private static long inputCopies() throws Exception {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith(INPUT_COPY)).count();
        }
    }

    @Test
    void aJsonFifoReadsAsTheFileDoesAndKeepsNoCopyWhenTheYearComesFirst() throws Exception {
        Path fifo = Fifo.of(temp.resolve("batch.json"), SAMPLE);
        try (BatchStream stream = BatchReader.open(fifo)) {
            assertThat(stream.year()).isEqualTo(2024);
            assertThat(inputCopies()).as("streamed, not copied").isZero();
        }
        assertThat(BatchReader.read(Fifo.of(temp.resolve("again.json"), SAMPLE))).isEqualTo(sample);
    }

    @Test
    void aYearAfterTheNominationsIsFoundInACopyOfThePipeThatIsDeletedOnClose() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode original = (ObjectNode) json.readTree(SAMPLE.toFile());
        ObjectNode yearLast = json.createObjectNode();
        yearLast.set("nominations", original.get("nominations"));
        yearLast.set("year", original.get("year"));
        Path fifo = Fifo.of(temp.resolve("year-last.json"), json.writeValueAsBytes(yearLast));

        assertThat(BatchReader.read(fifo)).isEqualTo(sample);
        assertThat(inputCopies()).isZero();
    }

    @Test
    void csvAndXlsxFifosReadAsTheirFilesDo() throws Exception {
        Batch csv = BatchReader.read(SAMPLE_CSV);
        assertThat(BatchReader.read(Fifo.of(temp.resolve("batch.csv"), SAMPLE_CSV))).isEqualTo(csv);

        Path xlsx = XlsxFile.fromJson(SAMPLE).write(temp.resolve("file.xlsx"));
        Batch workbook = BatchReader.read(xlsx);
        assertThat(BatchReader.read(Fifo.of(temp.resolve("batch.xlsx"), xlsx))).isEqualTo(workbook);
    }

    @Test
    void aPipeWithoutAnExtensionIsToldByItsFirstBytes() throws Exception {
        // what a shell passes for <(cat batch.json): /dev/fd/63
        byte[] json = ("\uFEFF \n" + Files.readString(SAMPLE, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        assertThat(BatchReader.read(Fifo.of(temp.resolve("63"), json))).isEqualTo(sample);
        assertThat(BatchReader.read(Fifo.of(temp.resolve("62"), SAMPLE_CSV))).isEqualTo(BatchReader.read(SAMPLE_CSV));
        Path xlsx = XlsxFile.fromJson(SAMPLE).write(temp.resolve("file.xlsx"));
        assertThat(BatchReader.read(Fifo.of(temp.resolve("61"), xlsx))).isEqualTo(BatchReader.read(xlsx));
    }
}
