package dvk.report;

import dvk.domain.Decision;
import dvk.domain.RejectedRecord;
import dvk.engine.Evaluation;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** Writes an evaluation held in memory as CSV: the same bytes as streaming it through {@link CsvDecisionOutput}. */
public final class DecisionCsvWriter {
    private DecisionCsvWriter() {}

    /** Problems in English. */
    public static void write(Evaluation evaluation, OutputStream out) throws IOException {
        write(evaluation, Words.english(), out);
    }

    public static void write(Evaluation evaluation, Words words, OutputStream out) throws IOException {
        try (CsvDecisionOutput output = new CsvDecisionOutput(evaluation.rules().awardedTitles(), words)) {
            output.provisional(evaluation.provisional());
            List<Decision> decisions = evaluation.decisions();
            List<RejectedRecord> rejected = evaluation.rejected();
            int d = 0;
            int r = 0;
            // rows in input order: decided and rejected records interleave
            while (d < decisions.size() || r < rejected.size()) {
                if (r == rejected.size() || (d < decisions.size() && decisions.get(d).index() < rejected.get(r).index())) {
                    output.decided(decisions.get(d), output.prepare(decisions.get(d++)));
                } else {
                    output.rejected(rejected.get(r++));
                }
            }
            output.writeTo(out);
        }
    }
}
