package dvk.report;

import dvk.regression.Impact;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The impact of a rules change as one self-contained HTML page (no scripts, fonts or styles
 * fetched from anywhere) that a committee can open on a laptop or print for a meeting: an
 * {@link ImpactView} laid out by the template {@code impact.jte}.
 */
public final class ImpactHtmlWriter {
    private ImpactHtmlWriter() {}

    /** In Vietnamese. */
    public static void write(Impact impact, OutputStream stream) throws IOException {
        write(impact, Words.vietnamese(), stream);
    }

    public static void write(Impact impact, Words words, OutputStream stream) throws IOException {
        stream.write(render(ImpactView.of(impact, words)).getBytes(StandardCharsets.UTF_8));
        stream.flush();
    }

    static String render(ImpactView view) {
        return Pages.render("impact.jte", view);
    }
}
