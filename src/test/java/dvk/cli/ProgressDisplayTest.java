package dvk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressDisplayTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void aLargeBatchOnATerminalShowsRecordsRateAndEta() {
        try (ProgressDisplay display = ProgressDisplay.forFile(2_000_000, true, stream)) {
            for (int records = 1; records <= 20_000; records++) {
                display.update(records, records * 100L);
            }
            assertThat(display.shown()).isTrue();
        }
        String shown = bytes.toString(StandardCharsets.UTF_8);
        assertThat(shown).contains("dvk: evaluating").contains("20000/20000 records").contains("records/s")
                .containsPattern("\\(\\d+:\\d\\d:\\d\\d / \\d+:\\d\\d:\\d\\d\\)");
    }

    @Test
    void theTotalIsEstimatedFromHowFarThroughTheFileTheReadingIs() {
        try (ProgressDisplay display = ProgressDisplay.forFile(10_000_000, true, stream)) {
            display.update(12_000, 1_200_000);
            assertThat(display.total()).isEqualTo(100_000);
            display.update(30_000, 2_000_000);
            assertThat(display.total()).isEqualTo(150_000);
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8)).as("the bar ends at the true count").contains("30000/30000 records");
    }

    @Test
    void nothingWhenStderrIsNotATerminal() {
        try (ProgressDisplay display = ProgressDisplay.forFile(100_000_000, false, stream)) {
            for (int records = 1; records <= 20_000; records++) display.update(records, records * 100L);
            assertThat(display.shown()).isFalse();
        }
        assertThat(bytes.size()).isZero();
    }

    @Test
    void nothingForBatchesUpToTenThousandRecords() {
        try (ProgressDisplay display = ProgressDisplay.forFile(1_000_000, true, stream)) {
            for (int records = 1; records <= ProgressDisplay.THRESHOLD; records++) display.update(records, records * 100L);
            assertThat(display.shown()).isFalse();
        }
        assertThat(bytes.size()).isZero();
    }
}
