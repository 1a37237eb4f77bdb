package dvk.report;

import dvk.engine.Evaluation;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The decisions of a batch as one self-contained HTML page that a committee opens on a laptop or
 * prints for a meeting: nothing is fetched from anywhere (the style and the small sorting and
 * filtering script are inlined, fonts are the system's). Vietnamese first, English as a gloss. The
 * page is {@link ReportView} laid out by the template {@code report.jte}; equal input and rules give
 * byte-identical pages: no dates, no randomness, {@code \n} line ends whatever the platform.
 */
public final class DecisionHtmlWriter {
    private DecisionHtmlWriter() {}

    public static void write(Evaluation evaluation, OutputStream out) throws IOException {
        out.write(render(evaluation).getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** The page as text. */
    public static String render(Evaluation evaluation) {
        return render(ReportView.of(evaluation));
    }

    static String render(ReportView view) {
        return Pages.render("report.jte", view);
    }

    /** The HTML id of a nomination's card (see {@link CardView#anchor}). */
    public static String cardId(String nominationId) {
        return CardView.anchor(nominationId);
    }
}
