package dvk.report;

import dvk.engine.Evaluation;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The decisions of a batch as one self-contained HTML page that a committee opens on a laptop or
 * prints for a meeting: nothing is fetched from anywhere (the style and the small sorting and
 * filtering script are inlined, fonts are the system's). In one language, Vietnamese unless English
 * is asked for; the full cards of the nominations only on request ({@link Cards}). The page is
 * {@link ReportView} laid out by the template {@code report.jte}; equal input and rules give
 * byte-identical pages: no dates, no randomness, {@code \n} line ends whatever the platform.
 */
public final class DecisionHtmlWriter {
    private DecisionHtmlWriter() {}

    /** In Vietnamese, without cards. */
    public static void write(Evaluation evaluation, OutputStream out) throws IOException {
        write(evaluation, Words.vietnamese(), Cards.NONE, out);
    }

    public static void write(Evaluation evaluation, Words words, Cards cards, OutputStream out) throws IOException {
        out.write(render(ReportView.of(evaluation, words, cards)).getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** The page as text, in Vietnamese, without cards. */
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
