package dvk.report;

import dvk.domain.Award;
import dvk.domain.CriterionOutcome;
import dvk.domain.Decision;
import dvk.domain.FieldError;
import dvk.domain.Nomination;
import dvk.domain.NominationType;
import dvk.domain.NotAwarded;
import dvk.domain.RejectedRecord;
import dvk.domain.ScorePart;
import dvk.domain.TitleDefinition;
import dvk.engine.Evaluation;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The decisions of a batch as one self-contained HTML page that a committee opens on a laptop or
 * prints for a meeting: nothing is fetched from anywhere (styles and the small sorting and filtering
 * script are inline, fonts are the system's). Vietnamese first, English as a gloss. Equal input and
 * rules give byte-identical pages: no dates, no randomness, {@code \n} line ends whatever the platform.
 */
public final class DecisionHtmlWriter {
    /** Okabe–Ito: told apart by colour-blind readers too; titles beyond six reuse the colours in order. */
    private static final String[] PALETTE = {"#0072B2", "#56B4E9", "#D55E00", "#E69F00", "#009E73", "#CC79A7"};

    private static final Map<String, String> TYPE_VI = Map.of("MODEL", "Mô hình", "WORK", "Công trình");
    private static final Map<String, String> TYPE_EN = Map.of("MODEL", "model", "WORK", "work");
    private static final Map<String, String> KIND_VI = Map.of("COLLECTIVE", "tập thể", "INDIVIDUAL", "cá nhân");
    private static final Map<String, String> FIELD_VI = Map.of("ECONOMIC", "Kinh tế",
            "CULTURE_SOCIETY", "Văn hóa - xã hội", "DEFENSE_SECURITY", "Quốc phòng - an ninh",
            "POLITICAL_SYSTEM", "Xây dựng hệ thống chính trị");
    private static final Map<String, String> LEVEL_VI = Map.of("COMMUNE", "cấp xã", "DISTRICT", "cấp huyện",
            "CITY", "cấp thành phố");
    /** Vietnamese names of the score components the bundled rules use; others show their own name. */
    private static final Map<String, String> PART_VI = Map.of("months", "Thời gian duy trì",
            "resources", "Nguồn lực huy động", "beneficiaries", "Người hưởng lợi", "replication", "Nhân rộng",
            "approval", "Mức độ đồng thuận");

    private static final String STYLE = """
            :root{--ink:#1f2630;--muted:#5a6472;--line:#d5dbe3;--soft:#f3f5f8;--zebra:#f8f9fb;--accent:#9b1c1c;--gold:#e3b341;--link:#0b5cad}
            *{box-sizing:border-box}
            [hidden]{display:none !important}
            html{-webkit-text-size-adjust:100%}
            body{margin:0;background:#eef1f4;color:var(--ink);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Helvetica Neue",Arial,"Liberation Sans","DejaVu Sans",sans-serif}
            a{color:var(--link)}
            code,.mono{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,"Liberation Mono","DejaVu Sans Mono",monospace;font-size:.88em}
            .en{color:var(--muted);font-weight:400;font-size:.85em}
            .wrap{max-width:76rem;margin:0 auto;padding:0 1.5rem}
            header.band{background:linear-gradient(135deg,#8e1616,#b3261e);color:#fff;border-bottom:4px solid var(--gold);padding:1.6rem 0 1.4rem}
            header.band .en{color:#f6dada}
            .kicker{margin:0;text-transform:uppercase;letter-spacing:.06em;font-size:.78rem;color:#ffe6a6}
            header.band h1{margin:.25rem 0 .6rem;font-size:1.85rem;line-height:1.25;font-weight:700}
            header.band h1 .en{display:block;font-size:1rem;margin-top:.15rem}
            .meta{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:0 0 1rem;font-size:.9rem}
            .meta dt{color:#ffe6a6}.meta dd{margin:0;overflow-wrap:anywhere}
            .meta code{background:rgba(0,0,0,.22);padding:.05rem .35rem;border-radius:3px;color:#fff}
            .stats{display:flex;flex-wrap:wrap;gap:.75rem;margin:0;padding:0;list-style:none}
            .stats li{background:rgba(255,255,255,.12);border:1px solid rgba(255,255,255,.25);border-radius:8px;padding:.45rem .9rem;min-width:9rem}
            .stats b{display:block;font-size:1.6rem;line-height:1.2;font-variant-numeric:tabular-nums}
            .stats span{font-size:.85rem}
            section.panel,article.card{scroll-margin-top:3.6rem}
            nav.toc{background:#fff;border-bottom:1px solid var(--line);position:sticky;top:0;z-index:2}
            nav.toc ul{display:flex;flex-wrap:wrap;gap:.2rem 1.4rem;list-style:none;margin:0 auto;padding:.55rem 1.5rem;max-width:76rem;font-size:.9rem}
            nav.toc a{text-decoration:none;color:var(--ink)}nav.toc a:hover{color:var(--accent)}
            main{padding:1.2rem 0 3rem}
            section.panel{background:#fff;border:1px solid var(--line);border-radius:10px;padding:1rem 1.3rem 1.3rem;margin:1.2rem 0;box-shadow:0 1px 2px rgba(16,24,40,.05)}
            h2{font-size:1.3rem;margin:.2rem 0 .8rem;padding-bottom:.35rem;border-bottom:2px solid var(--accent)}
            h2 .en{font-size:.8em}
            table{border-collapse:collapse;width:100%}
            th,td{padding:.4rem .6rem;text-align:left;vertical-align:top;border-bottom:1px solid var(--line)}
            thead th{background:var(--soft);font-size:.85rem;border-bottom:2px solid #c3cad4;vertical-align:bottom}
            tbody tr.odd{background:var(--zebra)}
            tbody tr:hover{background:#fff7e0}
            td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
            tfoot td,tfoot th{font-weight:700;border-top:2px solid #c3cad4;background:var(--soft)}
            .scroll{overflow-x:auto}
            .swatch{display:inline-block;width:.8em;height:.8em;border-radius:2px;margin-right:.35em;vertical-align:-.05em}
            table.summary th.n,table.summary td.n{text-align:center}
            table.summary tbody th,table.summary tfoot th{white-space:nowrap}
            td.zero{color:#9aa3ae}
            table.summary thead th .en{display:block;font-size:.78em;line-height:1.3;margin-top:.15rem}
            table.summary thead th .code{display:block;color:var(--muted);font-weight:400;font-size:.72rem}
            .chart{max-width:100%;height:auto;display:block}
            .chart text{font-family:inherit;font-size:13px;fill:var(--ink)}
            .chart .tick{font-size:12px;fill:var(--muted)}
            .chart .axis-label{font-size:12px;fill:var(--muted)}
            .chart .seg-label{font-size:12px;font-weight:700}
            .chart .total{font-weight:700}
            .legend{display:grid;grid-template-columns:repeat(auto-fill,minmax(30rem,1fr));gap:.25rem 1.5rem;list-style:none;margin:.2rem 0 .9rem;padding:0;font-size:.88rem}
            .controls{display:flex;flex-wrap:wrap;gap:.6rem 1rem;align-items:flex-end;margin:0 0 .8rem;padding:.7rem .8rem;background:var(--soft);border:1px solid var(--line);border-radius:8px}
            .controls label{display:flex;flex-direction:column;font-size:.8rem;font-weight:600;gap:.2rem}
            .controls select,.controls input,.controls button{font:inherit;font-size:.9rem;height:2.2rem;padding:0 .45rem;border:1px solid #aab3bf;border-radius:5px;background:#fff;min-width:10rem;max-width:21rem}
            .controls input{min-width:15rem}
            .controls button{min-width:0;padding:0 .9rem;cursor:pointer}
            .controls button:hover{background:#fff7e0}
            .counter{margin-left:auto;font-size:.92rem;padding:.3rem 0}
            .counter b{font-variant-numeric:tabular-nums}
            th.sortable{padding:0}
            th.sortable button{all:unset;box-sizing:border-box;display:block;width:100%;padding:.4rem .6rem;cursor:pointer}
            th.sortable button:focus-visible{outline:2px solid var(--link);outline-offset:-2px}
            th.sortable .en{display:block}
            th.sortable .vi{white-space:nowrap}
            th.sortable .vi::after{content:" \\2195";color:#9aa3ae}
            th[aria-sort=ascending] .vi::after{content:" \\25B2";color:var(--accent)}
            th[aria-sort=descending] .vi::after{content:" \\25BC";color:var(--accent)}
            th.n.sortable button{text-align:right}
            table.list td.name{min-width:16rem}
            table.list td.nowrap{white-space:nowrap}
            table.list td.titles{white-space:nowrap}
            .sub{display:block;color:var(--muted);font-size:.82em}
            .chips{display:flex;flex-direction:column;gap:.2rem}
            .chip{display:inline-block;font-size:.78rem;line-height:1.35;padding:.08rem .45rem;border-radius:4px;background:#eef1f5;border-left:4px solid #999;white-space:nowrap}
            .none{color:var(--muted)}
            .no-match{padding:.8rem;color:var(--muted)}
            .cards{display:block}
            article.card{border:1px solid var(--line);border-left:5px solid #8a94a3;border-radius:8px;padding:.8rem 1rem;margin:0 0 1rem;background:#fff;break-inside:avoid;page-break-inside:avoid}
            article.card.awarded{border-left-color:#1a7f37}
            article.card:target{box-shadow:0 0 0 3px #f2c14e}
            .card-head{display:flex;justify-content:space-between;gap:1rem;align-items:flex-start}
            .card h3{margin:0;font-size:1.05rem;line-height:1.35}
            .card h3 .mono{color:var(--muted);font-weight:600;margin-right:.4rem}
            .card .facts{margin:.3rem 0 .6rem;font-size:.86rem;color:var(--muted)}
            .card .facts b{color:var(--ink);font-weight:600}
            .card .facts time{white-space:nowrap}
            .score{text-align:center;min-width:5.5rem;border:1px solid var(--line);border-radius:8px;padding:.25rem .5rem;background:var(--soft)}
            .score b{display:block;font-size:1.5rem;line-height:1.1;font-variant-numeric:tabular-nums}
            .score span{font-size:.72rem;color:var(--muted)}
            .card h4{font-size:.9rem;margin:.7rem 0 .3rem}
            table.parts{width:auto;font-size:.85rem}
            table.parts th,table.parts td{padding:.2rem .6rem;border:1px solid var(--line);text-align:center}
            table.parts th{background:var(--soft);font-weight:600}
            ul.awards{list-style:none;margin:0;padding:0}
            ul.awards li{padding:.35rem .6rem;margin:.25rem 0;background:#edf7ef;border-left:4px solid #1a7f37;border-radius:4px}
            .rule{font-size:.8rem;color:var(--muted)}
            .missed{margin:.35rem 0 .5rem}
            .missed-title{font-weight:600;font-size:.9rem}
            table.failed{font-size:.84rem;margin-top:.2rem;table-layout:fixed}
            table.failed code{overflow-wrap:anywhere}
            table.failed th{background:#fbeeee;border-bottom:1px solid #e7c2c2}
            table.failed td.actual{color:#a11b1b;font-weight:600}
            .back{font-size:.8rem}
            table.rejected td{font-size:.9rem}
            table.rejected ul{margin:0;padding-left:1.1rem}
            footer{color:var(--muted);font-size:.8rem;text-align:center;padding:0 0 2rem}
            @media print{
            @page{size:A4;margin:14mm 12mm}
            body{background:#fff;font-size:10pt;color:#000}
            .wrap{max-width:none;padding:0}
            .scroll{overflow:visible}
            table.summary{font-size:9pt}
            table.summary thead th .en,table.summary thead th .code{display:none}
            .chip,table.list td.titles{white-space:normal}
            th.sortable .vi::after{content:none}
            header.band{background:none;color:#000;border-bottom:2px solid #000;padding:0 0 .5rem}
            header.band .en,.kicker,.meta dt{color:#444}
            .meta code{background:none;color:#000;padding:0}
            .stats li{border:1px solid #999;background:none}
            nav.toc,.controls,.back,.no-print{display:none !important}
            section.panel{border:0;box-shadow:none;padding:0;margin:1rem 0}
            h2,h3,h4{break-after:avoid;page-break-after:avoid}
            tr,article.card,figure,.missed{break-inside:avoid;page-break-inside:avoid}
            thead{display:table-header-group}
            tbody tr:hover{background:none}
            a{color:inherit;text-decoration:none}
            article.card{border-color:#999}
            *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
            }
            """;

    private static final String SCRIPT = """
            (function () {
              var table = document.getElementById('nominations');
              if (!table) return;
              var body = table.tBodies[0];
              var rows = Array.prototype.slice.call(body.rows);
              var district = document.getElementById('filter-district');
              var title = document.getElementById('filter-title');
              var type = document.getElementById('filter-type');
              var text = document.getElementById('filter-text');
              var shown = document.getElementById('shown-count');
              var noMatch = document.getElementById('no-match');
              var collator = new Intl.Collator('vi', {numeric: true});
              function fold(s) {
                return s.normalize('NFD').replace(/\\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
              }
              rows.forEach(function (r) { r.searchText = fold(r.getAttribute('data-search')); });
              function zebra() {
                var odd = false;
                rows.forEach(function (r) { if (!r.hidden) { r.classList.toggle('odd', odd); odd = !odd; } });
              }
              function apply() {
                var d = district.value, t = title.value, y = type.value, q = fold(text.value.trim()), n = 0;
                rows.forEach(function (r) {
                  var titles = ' ' + r.getAttribute('data-titles') + ' ';
                  var ok = (!d || r.getAttribute('data-district') === d)
                    && (!y || r.getAttribute('data-type') === y)
                    && (!t || (t === '-' ? titles.trim() === '' : titles.indexOf(' ' + t + ' ') >= 0))
                    && (!q || r.searchText.indexOf(q) >= 0);
                  r.hidden = !ok;
                  if (ok) n++;
                });
                shown.textContent = n;
                noMatch.hidden = n > 0;
                zebra();
              }
              [district, title, type].forEach(function (e) { e.addEventListener('change', apply); });
              text.addEventListener('input', apply);
              document.getElementById('filter-reset').addEventListener('click', function () {
                district.value = ''; title.value = ''; type.value = ''; text.value = ''; apply();
              });
              var heads = Array.prototype.slice.call(table.tHead.querySelectorAll('th[data-key]'));
              heads.forEach(function (th) {
                th.querySelector('button').addEventListener('click', function () {
                  var numeric = th.getAttribute('data-sort') === 'num';
                  var now = th.getAttribute('aria-sort');
                  var dir = now === 'descending' ? 'ascending' : now === 'ascending' ? 'descending'
                    : numeric ? 'descending' : 'ascending';
                  heads.forEach(function (h) { h.removeAttribute('aria-sort'); });
                  th.setAttribute('aria-sort', dir);
                  var key = 'data-' + th.getAttribute('data-key'), sign = dir === 'ascending' ? 1 : -1;
                  rows.sort(function (a, b) {
                    var x = a.getAttribute(key), z = b.getAttribute(key), c;
                    if (numeric) {
                      if (x === '' || z === '') c = x === z ? 0 : x === '' ? 1 : -1;
                      else c = sign * (Number(x) - Number(z));
                    } else {
                      c = sign * collator.compare(x, z);
                    }
                    return c || Number(a.getAttribute('data-index')) - Number(b.getAttribute('data-index'));
                  });
                  rows.forEach(function (r) { body.appendChild(r); });
                  zebra();
                });
              });
              document.getElementById('controls').hidden = false;
              apply();
            })();
            """;

    private DecisionHtmlWriter() {}

    public static void write(Evaluation evaluation, OutputStream out) throws IOException {
        out.write(render(evaluation).getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** The page as text. */
    public static String render(Evaluation evaluation) {
        return new Page(evaluation).render();
    }

    /** The HTML id of a nomination's card: {@code card-} and the id, any character but letters, digits and {@code -} as {@code _hex_}. */
    public static String cardId(String nominationId) {
        StringBuilder id = new StringBuilder("card-");
        nominationId.codePoints().forEach(c -> {
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-') {
                id.appendCodePoint(c);
            } else {
                id.append('_').append(Integer.toHexString(c)).append('_');
            }
        });
        return id.toString();
    }

    /** Text made safe for element content and quoted attribute values. */
    static String esc(String text) {
        if (text == null) return "";
        StringBuilder s = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> s.append("&amp;");
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '"' -> s.append("&quot;");
                case '\'' -> s.append("&#39;");
                default -> s.append(c);
            }
        }
        return s.toString();
    }

    private static final class Page {
        private final Evaluation evaluation;
        private final TitleSummary summary;
        private final List<TitleDefinition> titles;
        private final StringBuilder h = new StringBuilder(256 * 1024);

        Page(Evaluation evaluation) {
            this.evaluation = evaluation;
            this.summary = TitleSummary.of(evaluation);
            this.titles = summary.titles();
        }

        private Page line(String text) {
            h.append(text).append('\n');
            return this;
        }

        String render() {
            line("<!DOCTYPE html>");
            line("<html lang=\"vi\">");
            line("<head>");
            line("<meta charset=\"utf-8\">");
            line("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
            line("<title>Kết quả xét danh hiệu “Dân vận khéo” năm " + evaluation.year()
                    + " · “Skilled Mass Mobilization” award decisions " + evaluation.year() + "</title>");
            line("<style>");
            h.append(STYLE);
            line("</style>");
            line("</head>");
            line("<body>");
            header();
            line("<nav class=\"toc\" aria-label=\"Mục lục\"><ul>"
                    + "<li><a href=\"#summary\">Tổng hợp <span class=\"en\">Summary</span></a></li>"
                    + "<li><a href=\"#chart\">Biểu đồ <span class=\"en\">Chart</span></a></li>"
                    + "<li><a href=\"#list\">Danh sách hồ sơ <span class=\"en\">Nominations</span></a></li>"
                    + "<li><a href=\"#details\">Chi tiết từng hồ sơ <span class=\"en\">Details</span></a></li>"
                    + "<li><a href=\"#rejected\">Hồ sơ bị loại <span class=\"en\">Rejected</span> ("
                    + evaluation.rejected().size() + ")</a></li></ul></nav>");
            line("<main class=\"wrap\">");
            summaryTable();
            chart();
            nominationsTable();
            cards();
            rejected();
            line("</main>");
            line("<footer class=\"wrap\">Tạo bởi dvk từ bộ quy tắc " + esc(evaluation.rules().source()) + " · "
                    + "<span class=\"en\">Generated by dvk; the decisions are the rules' own, each with its citation.</span></footer>");
            line("<script>");
            h.append(SCRIPT);
            line("</script>");
            line("</body>");
            line("</html>");
            return h.toString();
        }

        private void header() {
            var rules = evaluation.rules();
            long awards = evaluation.decisions().stream().mapToLong(d -> d.awards().size()).sum();
            line("<header class=\"band\"><div class=\"wrap\">");
            line("<p class=\"kicker\">Phong trào thi đua “Dân vận khéo” · <span class=\"en\">“Skilled Mass Mobilization” movement</span></p>");
            line("<h1>Kết quả xét danh hiệu năm <span data-testid=\"year\">" + evaluation.year() + "</span>"
                    + "<span class=\"en\">Award decisions for the " + evaluation.year() + " batch</span></h1>");
            line("<dl class=\"meta\">");
            line("<dt>Bộ quy tắc <span class=\"en\">rule set</span></dt><dd data-testid=\"ruleset\">"
                    + esc(rules.manifest().name()) + " <span class=\"en\">(năm áp dụng · years "
                    + esc(rules.years().toString()) + "; " + rules.ruleCount() + " quy tắc · rules)</span></dd>");
            line("<dt>Nguồn <span class=\"en\">source</span></dt><dd><code data-testid=\"source\">"
                    + esc(rules.source()) + "</code></dd>");
            line("<dt>Dấu vân tay <span class=\"en\">fingerprint</span></dt><dd><code data-testid=\"fingerprint\">"
                    + esc(rules.fingerprint()) + "</code></dd>");
            line("</dl>");
            line("<ul class=\"stats\">");
            stat("count-records", evaluation.records(), "Hồ sơ", "records");
            stat("count-decided", evaluation.decisions().size(), "Được xét", "decided");
            stat("count-rejected", evaluation.rejected().size(), "Bị loại", "rejected");
            stat("count-awards", awards, "Danh hiệu được trao", "titles awarded");
            line("</ul>");
            line("</div></header>");
        }

        private void stat(String testId, long value, String vi, String en) {
            line("<li><b data-testid=\"" + testId + "\">" + value + "</b><span>" + vi + " <span class=\"en\">" + en
                    + "</span></span></li>");
        }

        private String titleVi(String code) {
            return evaluation.rules().title(code).map(TitleDefinition::nameVi).orElse(code);
        }

        private String titleEn(String code) {
            return evaluation.rules().title(code).map(TitleDefinition::nameEn).orElse("");
        }

        private String colour(String code) {
            for (int i = 0; i < titles.size(); i++) {
                if (titles.get(i).code().equals(code)) return PALETTE[i % PALETTE.length];
            }
            return "#8a94a3";
        }

        private String swatch(String code) {
            return "<span class=\"swatch\" style=\"background:" + colour(code) + "\" aria-hidden=\"true\"></span>";
        }

        private void summaryTable() {
            line("<section class=\"panel\" id=\"summary\">");
            line("<h2>Tổng hợp danh hiệu theo huyện <span class=\"en\">· Summary of titles by district</span></h2>");
            line("<div class=\"scroll\"><table class=\"summary\" data-testid=\"summary\">");
            h.append("<thead><tr><th>Huyện <span class=\"en\">district</span></th>"
                    + "<th class=\"n\">Hồ sơ được xét <span class=\"en\">nominations decided</span></th>");
            for (TitleDefinition t : titles) {
                h.append("<th class=\"n\" data-title=\"").append(esc(t.code())).append("\">").append(swatch(t.code()))
                        .append(esc(t.nameVi())).append("<span class=\"en\">").append(esc(t.nameEn()))
                        .append("</span><span class=\"code\">").append(esc(t.code())).append("</span></th>");
            }
            line("<th class=\"n\">Tổng <span class=\"en\">total</span></th></tr></thead>");
            line("<tbody>");
            boolean odd = false;
            for (String district : summary.districts()) {
                h.append("<tr").append(odd ? " class=\"odd\"" : "").append(" data-district=\"").append(esc(district))
                        .append("\"><th scope=\"row\">").append(esc(district)).append("</th><td class=\"n\">")
                        .append(summary.nominations(district)).append("</td>");
                for (TitleDefinition t : titles) {
                    long count = summary.count(district, t.code());
                    h.append("<td class=\"n").append(count == 0 ? " zero" : "").append("\" data-title=\"")
                            .append(esc(t.code())).append("\">").append(count).append("</td>");
                }
                line("<td class=\"n\" data-testid=\"district-total\"><b>" + summary.districtTotal(district) + "</b></td></tr>");
                odd = !odd;
            }
            line("</tbody>");
            h.append("<tfoot><tr><th scope=\"row\">Tổng cộng <span class=\"en\">total</span></th>"
                    + "<td class=\"n\" data-testid=\"summary-nominations\">").append(summary.nominations()).append("</td>");
            for (TitleDefinition t : titles) {
                h.append("<td class=\"n\" data-testid=\"summary-total-").append(esc(t.code())).append("\" data-title=\"")
                        .append(esc(t.code())).append("\">").append(summary.titleTotal(t.code())).append("</td>");
            }
            line("<td class=\"n\" data-testid=\"summary-total\">" + summary.total() + "</td></tr></tfoot>");
            line("</table></div>");
            line("</section>");
        }

        private void legend() {
            line("<ul class=\"legend\" data-testid=\"legend\">");
            for (TitleDefinition t : titles) {
                line("<li>" + swatch(t.code()) + esc(t.nameVi()) + " <span class=\"en\">" + esc(t.nameEn()) + "</span></li>");
            }
            line("</ul>");
        }

        /** Horizontal stacked bars, one a district, a segment a title: fits 1 district or 30 alike. */
        private void chart() {
            List<String> districts = summary.districts();
            int left = 170;
            int plot = 700;
            int right = 50;
            int top = 10;
            int rowHeight = 34;
            int barHeight = 22;
            int axis = 46;
            int width = left + plot + right;
            int height = top + Math.max(1, districts.size()) * rowHeight + axis;
            long max = Math.max(1, districts.stream().mapToLong(summary::districtTotal).max().orElse(0));
            long step = niceStep(max);
            long axisMax = ((max + step - 1) / step) * step;
            double unit = (double) plot / axisMax;
            int plotBottom = top + Math.max(1, districts.size()) * rowHeight;

            line("<section class=\"panel\" id=\"chart\">");
            line("<h2>Số danh hiệu theo huyện <span class=\"en\">· Titles awarded per district</span></h2>");
            legend();
            line("<figure style=\"margin:0\">");
            line("<svg class=\"chart\" data-testid=\"chart\" viewBox=\"0 0 " + width
                    + " " + height + "\" width=\"" + width + "\" height=\"" + height + "\" role=\"img\" aria-labelledby=\"chart-caption\">");
            for (long v = 0; v <= axisMax; v += step) {
                String x = num(left + v * unit);
                line("<line x1=\"" + x + "\" y1=\"" + top + "\" x2=\"" + x + "\" y2=\"" + plotBottom + "\" stroke=\""
                        + (v == 0 ? "#5a6472" : "#e1e5eb") + "\" stroke-width=\"1\"/>");
                line("<text class=\"tick\" x=\"" + x + "\" y=\"" + (plotBottom + 16) + "\" text-anchor=\"middle\">" + v + "</text>");
            }
            line("<text class=\"axis-label\" x=\"" + (left + plot / 2) + "\" y=\"" + (plotBottom + 38)
                    + "\" text-anchor=\"middle\">Số danh hiệu được trao · number of titles awarded</text>");
            for (int i = 0; i < districts.size(); i++) {
                String district = districts.get(i);
                int y = top + i * rowHeight + (rowHeight - barHeight) / 2;
                line("<g class=\"bar-group\" data-district=\"" + esc(district) + "\">");
                line("<text x=\"" + (left - 10) + "\" y=\"" + (y + barHeight / 2 + 5) + "\" text-anchor=\"end\">"
                        + esc(district) + "</text>");
                long offset = 0;
                for (TitleDefinition t : titles) {
                    long count = summary.count(district, t.code());
                    if (count == 0) continue;
                    double x = left + offset * unit;
                    double w = count * unit;
                    line("<rect x=\"" + num(x) + "\" y=\"" + y + "\" width=\"" + num(w) + "\" height=\"" + barHeight
                            + "\" fill=\"" + colour(t.code()) + "\" data-title=\"" + esc(t.code()) + "\" data-count=\""
                            + count + "\"><title>" + esc(district) + " — " + esc(t.nameVi()) + ": " + count + "</title></rect>");
                    if (w >= 22) {
                        line("<text class=\"seg-label\" x=\"" + num(x + w / 2) + "\" y=\"" + (y + barHeight / 2 + 4)
                                + "\" text-anchor=\"middle\" fill=\"" + labelInk(colour(t.code())) + "\">" + count + "</text>");
                    }
                    offset += count;
                }
                line("<text class=\"total\" x=\"" + num(left + offset * unit + 6) + "\" y=\"" + (y + barHeight / 2 + 5)
                        + "\">" + summary.districtTotal(district) + "</text>");
                line("</g>");
            }
            line("</svg>");
            line("<figcaption id=\"chart-caption\" class=\"en\">Mỗi thanh là một huyện, mỗi màu một danh hiệu"
                    + " · each bar is a district, each colour a title.</figcaption>");
            line("</figure>");
            line("</section>");
        }

        private void nominationsTable() {
            int decided = evaluation.decisions().size();
            line("<section class=\"panel\" id=\"list\">");
            line("<h2>Danh sách hồ sơ được xét <span class=\"en\">· Nominations decided</span></h2>");
            line("<div class=\"controls\" id=\"controls\" hidden>");
            h.append("<label>Huyện <span class=\"en\">district</span><select id=\"filter-district\" data-testid=\"filter-district\">"
                    + "<option value=\"\">Tất cả · all</option>");
            for (String district : summary.districts()) {
                h.append("<option value=\"").append(esc(district)).append("\">").append(esc(district)).append("</option>");
            }
            line("</select></label>");
            h.append("<label>Danh hiệu đạt <span class=\"en\">title awarded</span><select id=\"filter-title\" data-testid=\"filter-title\">"
                    + "<option value=\"\">Tất cả · all</option>");
            for (TitleDefinition t : titles) {
                h.append("<option value=\"").append(esc(t.code())).append("\">").append(esc(t.nameVi())).append("</option>");
            }
            line("<option value=\"-\">Không đạt danh hiệu nào · none</option></select></label>");
            h.append("<label>Loại <span class=\"en\">type</span><select id=\"filter-type\" data-testid=\"filter-type\">"
                    + "<option value=\"\">Tất cả · all</option>");
            for (NominationType type : NominationType.values()) {
                h.append("<option value=\"").append(type.name()).append("\">").append(TYPE_VI.get(type.name()))
                        .append(" · ").append(TYPE_EN.get(type.name())).append("</option>");
            }
            line("</select></label>");
            line("<label>Tìm kiếm <span class=\"en\">search</span><input type=\"search\" id=\"filter-text\" data-testid=\"filter-text\""
                    + " placeholder=\"mã, tên, xã… · id, name, commune…\"></label>");
            line("<button type=\"button\" id=\"filter-reset\">Bỏ lọc <span class=\"en\">reset</span></button>");
            line("</div>");
            line("<p class=\"counter\" data-testid=\"counter\">Hiển thị <span class=\"en\">showing</span> <b id=\"shown-count\">"
                    + decided + "</b> / <b id=\"total-count\">" + decided + "</b> hồ sơ <span class=\"en\">nominations</span></p>");
            line("<div class=\"scroll\"><table class=\"list\" id=\"nominations\" data-testid=\"nominations\">");
            line("<thead><tr>"
                    + sortable("id", "text", "", "Mã", "id")
                    + sortable("name", "text", "", "Tên mô hình, công trình", "name")
                    + sortable("type", "text", "", "Loại", "type")
                    + sortable("district", "text", "", "Huyện · xã", "district, commune")
                    + sortable("score", "num", " n", "Điểm", "score")
                    + sortable("awards", "num", "", "Danh hiệu đạt", "titles awarded")
                    + "</tr></thead>");
            line("<tbody>");
            boolean odd = false;
            for (Decision d : evaluation.decisions()) {
                Nomination n = d.nomination();
                String type = n.type().name();
                String titleCodes = String.join(" ", d.awards().stream().map(Award::title).toList());
                h.append("<tr").append(odd ? " class=\"odd\"" : "")
                        .append(" data-index=\"").append(d.index())
                        .append("\" data-id=\"").append(esc(n.id()))
                        .append("\" data-name=\"").append(esc(n.name()))
                        .append("\" data-type=\"").append(type)
                        .append("\" data-district=\"").append(esc(n.district()))
                        .append("\" data-score=\"").append(d.score() == null ? "" : String.valueOf(d.score().total()))
                        .append("\" data-awards=\"").append(d.awards().size())
                        .append("\" data-titles=\"").append(esc(titleCodes))
                        .append("\" data-search=\"").append(esc(n.id() + " " + n.name() + " " + n.commune() + " " + n.district()))
                        .append("\">");
                h.append("<td class=\"mono nowrap\"><a href=\"#").append(cardId(n.id())).append("\">").append(esc(n.id())).append("</a></td>");
                h.append("<td class=\"name\">").append(esc(n.name())).append("</td>");
                h.append("<td class=\"nowrap\">").append(TYPE_VI.get(type)).append("<span class=\"sub\">").append(TYPE_EN.get(type)).append("</span></td>");
                h.append("<td>").append(esc(n.district())).append("<span class=\"sub\">").append(esc(n.commune())).append("</span></td>");
                h.append("<td class=\"n\" data-testid=\"score\">").append(d.score() == null ? "—" : String.valueOf(d.score().total())).append("</td>");
                h.append("<td class=\"titles\">");
                if (d.awards().isEmpty()) {
                    h.append("<span class=\"none\">—</span>");
                } else {
                    h.append("<div class=\"chips\">");
                    for (Award a : d.awards()) {
                        h.append("<span class=\"chip\" style=\"border-left-color:").append(colour(a.title())).append("\" title=\"")
                                .append(esc(a.title() + " · " + titleEn(a.title()))).append("\">").append(esc(titleVi(a.title())))
                                .append("</span>");
                    }
                    h.append("</div>");
                }
                line("</td></tr>");
                odd = !odd;
            }
            line("</tbody></table></div>");
            line("<p class=\"no-match\" id=\"no-match\" hidden>Không có hồ sơ nào phù hợp. <span class=\"en\">No nomination matches.</span></p>");
            line("</section>");
        }

        private static String sortable(String key, String sort, String cls, String vi, String en) {
            return "<th class=\"sortable" + cls + "\" data-key=\"" + key + "\" data-sort=\"" + sort + "\"><button type=\"button\">"
                    + "<span class=\"vi\">" + vi + "</span><span class=\"en\">" + en + "</span></button></th>";
        }

        private void cards() {
            line("<section class=\"panel\" id=\"details\">");
            line("<h2>Chi tiết từng hồ sơ <span class=\"en\">· Each nomination: score, titles awarded, titles missed and why</span></h2>");
            for (Decision d : evaluation.decisions()) {
                card(d);
            }
            line("</section>");
        }

        private void card(Decision d) {
            Nomination n = d.nomination();
            String type = n.type().name();
            line("<article class=\"card" + (d.awards().isEmpty() ? "" : " awarded") + "\" id=\"" + cardId(n.id())
                    + "\" data-testid=\"card\" data-id=\"" + esc(n.id()) + "\">");
            line("<div class=\"card-head\"><div>");
            line("<h3><span class=\"mono\">" + esc(n.id()) + "</span>" + esc(n.name()) + "</h3>");
            StringBuilder facts = new StringBuilder("<p class=\"facts\">");
            facts.append("<b>").append(TYPE_VI.get(type));
            if (n.kind() != null) facts.append(" ").append(KIND_VI.get(n.kind().name()));
            facts.append("</b> <span class=\"en\">").append(TYPE_EN.get(type)).append("</span>");
            if (n.field() != null) {
                facts.append(" · lĩnh vực ").append(FIELD_VI.get(n.field().name()));
            }
            facts.append(" · <b>").append(esc(n.district())).append("</b>, xã ").append(esc(n.commune()))
                    .append(" · đơn vị ").append(esc(n.sponsor()));
            if (n.runningSince() != null) {
                facts.append(" · ").append(n.type() == NominationType.MODEL ? "bắt đầu " : "hoàn thành ")
                        .append("<time>").append(n.runningSince()).append("</time>");
            }
            line(facts.append("</p>").toString());
            line("</div>");
            if (d.score() != null) {
                line("<div class=\"score\" data-testid=\"card-score\"><b>" + d.score().total()
                        + "</b><span>điểm / 100 · score</span></div>");
            }
            line("</div>");
            if (d.score() != null && !d.score().parts().isEmpty()) {
                h.append("<table class=\"parts\"><tr>");
                for (ScorePart p : d.score().parts()) {
                    h.append("<th>").append(esc(PART_VI.getOrDefault(p.component(), p.component())))
                            .append("<span class=\"sub\">").append(esc(p.component())).append("</span></th>");
                }
                h.append("<th>Tổng<span class=\"sub\">total</span></th></tr><tr>");
                for (ScorePart p : d.score().parts()) {
                    h.append("<td class=\"n\">").append(p.points()).append("</td>");
                }
                line("<td class=\"n\"><b>" + d.score().total() + "</b></td></tr></table>");
            }
            line("<h4>Danh hiệu được trao <span class=\"en\">· titles awarded</span></h4>");
            if (d.awards().isEmpty()) {
                line("<p class=\"none\">Không có. <span class=\"en\">None.</span></p>");
            } else {
                line("<ul class=\"awards\">");
                for (Award a : d.awards()) {
                    line("<li data-title=\"" + esc(a.title()) + "\" style=\"border-left-color:" + colour(a.title()) + "\"><b>"
                            + esc(titleVi(a.title())) + "</b> <span class=\"en\">" + esc(titleEn(a.title())) + "</span>"
                            + "<div class=\"rule\">" + level(a.title()) + "quy tắc <span class=\"en\">rule</span> <code>"
                            + esc(a.rule()) + "</code> · căn cứ <span class=\"en\">citation</span>: " + esc(a.cite()) + "</div></li>");
                }
                line("</ul>");
            }
            if (!d.notAwarded().isEmpty()) {
                line("<h4>Danh hiệu không đạt và lý do <span class=\"en\">· titles missed and why</span></h4>");
                for (NotAwarded missed : d.notAwarded()) {
                    line("<div class=\"missed\" data-title=\"" + esc(missed.title()) + "\">");
                    line("<div class=\"missed-title\">" + esc(titleVi(missed.title())) + " <span class=\"en\">"
                            + esc(titleEn(missed.title())) + "</span></div>");
                    line("<table class=\"failed\"><colgroup><col style=\"width:19%\"><col style=\"width:17%\">"
                            + "<col style=\"width:17%\"><col style=\"width:22%\"><col style=\"width:25%\"></colgroup><thead><tr><th>Tiêu chí <span class=\"en\">criterion</span></th>"
                            + "<th>Thực tế <span class=\"en\">actual</span></th><th>Yêu cầu <span class=\"en\">required</span></th>"
                            + "<th>Quy tắc <span class=\"en\">rule</span></th><th>Căn cứ <span class=\"en\">citation</span></th></tr></thead><tbody>");
                    for (CriterionOutcome f : missed.failed()) {
                        line("<tr data-criterion=\"" + esc(f.criterion()) + "\"><td><code>" + esc(f.criterion())
                                + "</code></td><td class=\"actual\">" + esc(f.actual()) + "</td><td class=\"required\">"
                                + esc(f.required()) + "</td><td><code>" + esc(f.rule()) + "</code></td><td>" + esc(f.cite())
                                + "</td></tr>");
                    }
                    line("</tbody></table>");
                    line("</div>");
                }
            }
            line("<a class=\"back\" href=\"#list\">↑ về danh sách <span class=\"en\">back to the list</span></a>");
            line("</article>");
        }

        private String level(String code) {
            return evaluation.rules().title(code)
                    .map(t -> LEVEL_VI.getOrDefault(t.level().name(), t.level().name()) + " · ")
                    .orElse("");
        }

        private void rejected() {
            List<RejectedRecord> rejected = evaluation.rejected();
            line("<section class=\"panel\" id=\"rejected\">");
            line("<h2>Hồ sơ bị loại <span class=\"en\">· Rejected records</span> (<span data-testid=\"rejected-count\">"
                    + rejected.size() + "</span>)</h2>");
            if (rejected.isEmpty()) {
                line("<p class=\"none\">Không có hồ sơ nào bị loại. <span class=\"en\">No record was rejected.</span></p>");
            } else {
                line("<p>Các hồ sơ này không đúng quy cách dữ liệu nên chưa được xét; sửa các trường nêu dưới đây rồi nộp lại"
                        + " (vị trí đếm từ 0 trong lô)."
                        + " <span class=\"en\">These records break the data contract and were not evaluated; fix the fields"
                        + " named below and submit them again (the index counts from 0 in the batch).</span></p>");
                line("<div class=\"scroll\"><table class=\"rejected\" data-testid=\"rejected\"><thead><tr>"
                        + "<th class=\"n\">Vị trí <span class=\"en\">index</span></th><th>Mã <span class=\"en\">id</span></th>"
                        + "<th>Lỗi <span class=\"en\">errors</span></th></tr></thead><tbody>");
                boolean odd = false;
                for (RejectedRecord r : rejected) {
                    h.append("<tr").append(odd ? " class=\"odd\"" : "").append(" id=\"rejected-").append(r.index())
                            .append("\" data-testid=\"rejected-record\" data-index=\"").append(r.index()).append("\" data-id=\"")
                            .append(esc(r.id())).append("\"><td class=\"n\">").append(r.index()).append("</td><td class=\"mono\">")
                            .append(r.id() == null ? "<span class=\"none\">—</span>" : esc(r.id())).append("</td><td><ul>");
                    for (FieldError e : r.errors()) {
                        h.append("<li><code>").append(esc(e.field())).append("</code>: ").append(esc(e.message())).append("</li>");
                    }
                    line("</ul></td></tr>");
                    odd = !odd;
                }
                line("</tbody></table></div>");
            }
            line("</section>");
        }
    }

    /** A tick step of 1, 2 or 5 times a power of ten giving at most about six ticks. */
    static long niceStep(long max) {
        long step = 1;
        while (true) {
            for (long m : new long[] {1, 2, 5}) {
                if (max / (step * m) <= 6) return step * m;
            }
            step *= 10;
        }
    }

    /** Dark or white text, whichever reads better on the colour (WCAG relative luminance). */
    static String labelInk(String hex) {
        double r = channel(Integer.parseInt(hex.substring(1, 3), 16));
        double g = channel(Integer.parseInt(hex.substring(3, 5), 16));
        double b = channel(Integer.parseInt(hex.substring(5, 7), 16));
        double luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        return (luminance + 0.05) / 0.05 > 1.05 / (luminance + 0.05) ? "#1f2630" : "#ffffff";
    }

    private static double channel(int value) {
        double c = value / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static String num(double value) {
        String s = String.format(Locale.ROOT, "%.1f", value);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
