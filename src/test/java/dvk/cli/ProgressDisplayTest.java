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
        try (ProgressDisplay display = ProgressDisplay.forRecords(20_000, true, stream)) {
            assertThat(display.shown()).isTrue();
            display.progress().decided(5_000);
            display.progress().decided(15_000);
        }
        String shown = bytes.toString(StandardCharsets.UTF_8);
        assertThat(shown).contains("dvk: evaluating").contains("20000/20000 records").contains("records/s")
                .containsPattern("\\(\\d+:\\d\\d:\\d\\d / \\d+:\\d\\d:\\d\\d\\)");
    }

    @Test
    void nothingWhenStderrIsNotATerminal() {
        try (ProgressDisplay display = ProgressDisplay.forRecords(1_000_000, false, stream)) {
            assertThat(display.shown()).isFalse();
            display.progress().decided(1_000_000);
        }
        assertThat(bytes.size()).isZero();
    }

    @Test
    void nothingForBatchesUpToTenThousandRecords() {
        try (ProgressDisplay display = ProgressDisplay.forRecords(ProgressDisplay.THRESHOLD, true, stream)) {
            assertThat(display.shown()).isFalse();
        }
        assertThat(bytes.size()).isZero();
        try (ProgressDisplay display = ProgressDisplay.forRecords(ProgressDisplay.THRESHOLD + 1, true, stream)) {
            assertThat(display.shown()).isTrue();
        }
    }
}
