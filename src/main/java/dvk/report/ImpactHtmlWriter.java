package dvk.report;

import dvk.regression.Impact;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The impact of a rules change as one self-contained HTML page (no scripts, fonts or styles
 * fetched from anywhere) that a committee can open on a laptop or print for a meeting.
 */
public final class ImpactHtmlWriter {
    private static final String STYLE = """
            body{font-family:system-ui,"Segoe UI",Roboto,Arial,sans-serif;margin:2rem auto;max-width:60rem;color:#1b1b1b;line-height:1.4}
            h1{font-size:1.5rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:2px solid #b71c1c}
            .meta{color:#555;font-size:.9rem}
            table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}
            th{background:#f3f3f3}td.n{text-align:right;font-variant-numeric:tabular-nums}
            .gain{color:#1b5e20;font-weight:600}.loss{color:#b71c1c;font-weight:600}.what-if{background:#fff3cd;padding:.1rem .3rem}
            .card{border:1px solid #ccc;border-radius:6px;padding:.6rem .9rem;margin:.6rem 0;break-inside:avoid;page-break-inside:avoid}
            .card h3{margin:0 0 .3rem;font-size:1rem}.card ul{margin:.2rem 0;padding-left:1.2rem}
            .en{color:#666;font-size:.85em}
            @media print{body{margin:0;max-width:none}h2{break-after:avoid}}
            """;

    private ImpactHtmlWriter() {}

    public static void write(Impact impact, OutputStream stream) throws IOException {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
        out.println("<!DOCTYPE html>");
        out.println("<html lang=\"vi\"><head><meta charset=\"utf-8\">");
        out.println("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        out.println("<title>Tác động của thay đổi tiêu chí · Impact of a criteria change — " + esc(impact.input()) + "</title>");
        out.println("<style>" + STYLE + "</style></head><body>");
        out.println("<h1>Tác động của thay đổi tiêu chí <span class=\"en\">Impact of a criteria change</span></h1>");
        out.println("<p class=\"meta\">Hồ sơ <span class=\"en\">batch</span>: " + esc(impact.input()) + " · năm "
                + impact.year() + " · " + impact.records() + " hồ sơ"
                + (impact.rejected() > 0 ? " (" + impact.rejected() + " bị loại, như nhau ở cả hai)" : "") + "</p>");
        out.println("<table><tr><th></th><th>Bộ quy tắc <span class=\"en\">rules</span></th><th>Năm áp dụng <span class=\"en\">years</span></th><th>Dấu vân tay <span class=\"en\">fingerprint</span></th></tr>");
        side(out, "Trước <span class=\"en\">base</span>", impact.base());
        side(out, "Sau <span class=\"en\">changed</span>", impact.changed());
        out.println("</table>");

        out.println("<h2>Theo danh hiệu <span class=\"en\">By title</span></h2>");
        out.println("<table><tr><th>Danh hiệu <span class=\"en\">title</span></th><th>Trước</th><th>Sau</th><th>Thêm <span class=\"en\">gained</span></th><th>Mất <span class=\"en\">lost</span></th></tr>");
        for (Impact.TitleChange t : impact.titles()) {
            out.println("<tr><td>" + esc(t.nameVi()) + "<br><span class=\"en\">" + esc(t.title()) + " · " + esc(t.nameEn())
                    + "</span></td><td class=\"n\">" + (t.inBase() ? t.before() : "—") + "</td><td class=\"n\">"
                    + (t.inChanged() ? t.after() : "—") + "</td><td class=\"n" + (t.gained() > 0 ? " gain" : "") + "\">"
                    + (t.gained() > 0 ? "+" + t.gained() : "0") + "</td><td class=\"n" + (t.lost() > 0 ? " loss" : "") + "\">"
                    + (t.lost() > 0 ? "−" + t.lost() : "0") + "</td></tr>");
        }
        out.println("</table>");

        out.println("<h2>Hồ sơ thay đổi danh hiệu <span class=\"en\">Nominations whose titles change</span> ("
                + impact.titleChanges().size() + ")</h2>");
        if (impact.titleChanges().isEmpty()) out.println("<p>Không có. <span class=\"en\">None.</span></p>");
        cards(out, impact.titleChanges());
        if (!impact.reasonChanges().isEmpty()) {
            out.println("<h2>Giữ danh hiệu, lý do thay đổi <span class=\"en\">Same titles, different reasons</span> ("
                    + impact.reasonChanges().size() + ")</h2>");
            cards(out, impact.reasonChanges());
        }
        out.println("</body></html>");
        out.flush();
    }

    private static void side(PrintWriter out, String label, Impact.Side side) {
        out.println("<tr><th>" + label + "</th><td>" + esc(side.source()) + "<br><span class=\"en\">" + esc(side.name())
                + " · " + side.rules() + " rules</span></td><td>" + esc(side.years().toString())
                + (side.whatIf() ? " <span class=\"what-if\">giả định <span class=\"en\">what-if</span></span>" : "")
                + "</td><td><code>" + esc(side.fingerprint().length() > 19 ? side.fingerprint().substring(0, 19) + "…" : side.fingerprint())
                + "</code></td></tr>");
    }

    private static void cards(PrintWriter out, List<Impact.NominationChange> changes) {
        for (Impact.NominationChange n : changes) {
            out.println("<div class=\"card\" id=\"" + esc(n.id()) + "\"><h3>" + esc(n.id()) + " · " + esc(n.name())
                    + " <span class=\"en\">(" + esc(n.district()) + ")</span></h3>");
            if (!n.gained().isEmpty()) {
                out.println("<div class=\"gain\">+ " + esc(String.join(", ", n.gained())) + "</div>");
            }
            if (!n.lost().isEmpty()) {
                out.println("<div class=\"loss\">− " + esc(String.join(", ", n.lost())) + "</div>");
            }
            out.println("<ul>");
            if (n.scoreBefore() != null && !n.scoreBefore().equals(n.scoreAfter())) {
                out.println("<li>Điểm <span class=\"en\">score</span>: " + n.scoreBefore() + " → " + n.scoreAfter() + "</li>");
            }
            for (String title : n.titlesRemoved()) {
                out.println("<li>" + esc(title) + ": không còn là danh hiệu <span class=\"en\">no longer a title</span></li>");
            }
            for (Impact.OutcomeChange o : n.outcomes()) {
                out.println("<li><b>" + esc(o.title().equals("*") ? "every title" : o.title()) + "</b> " + esc(o.describe()) + "</li>");
            }
            out.println("</ul></div>");
        }
    }

    static String esc(String text) {
        if (text == null) return "";
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
