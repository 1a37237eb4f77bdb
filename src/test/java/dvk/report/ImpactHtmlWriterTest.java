package dvk.report;

import static org.assertj.core.api.Assertions.assertThat;

import dvk.domain.Comparison;
import dvk.domain.CriterionOutcome;
import dvk.domain.YearRange;
import dvk.regression.Impact;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The impact page of a rules change: its view, and the page it makes. */
class ImpactHtmlWriterTest {
    private static final String SCRIPT_NAME = "</script><script>alert(1)</script>";
    private static final String IMG_NAME = "\"><img src=x onerror=alert(1)>";

    /** Next year's rules on this year's batch: a district title gone, a criterion stricter, a new one. */
    private static Impact impact() {
        Impact.Side base = new Impact.Side("rules/2024-2025", "Hà Nội, three levels", new YearRange(2024, 2025),
                "sha256:25f3b5a800d8c8df9f91ad5a95dfe02122e7700146ac65c2b4dcd54a4551a42c", 46, false);
        Impact.Side changed = new Impact.Side("rules/2026", "Hà Nội, two levels", new YearRange(2026, null),
                "sha256:6f47", 31, true);
        List<Impact.TitleChange> titles = List.of(
                new Impact.TitleChange("DISTRICT_MODEL", "Mô hình \"Dân vận khéo\" tiêu biểu cấp huyện",
                        "District-level typical model", true, false, 27, 0, 0, 27),
                new Impact.TitleChange("CITY_MODEL", "Mô hình tiêu biểu cấp thành phố", "City-level typical model",
                        true, true, 3, 1, 1, 3),
                new Impact.TitleChange("CITY_WORK_SIGN", "Gắn biển công trình cấp thành phố", "City-level work sign",
                        true, true, 2, 2, 0, 0));
        CriterionOutcome before = new CriterionOutcome("GL-1", "CITY_MODEL", "months-running", true, "14", ">= 12",
                "city-model.months-running", "guidance", new Comparison.AtLeast(14L, 12));
        CriterionOutcome after = new CriterionOutcome("GL-1", "CITY_MODEL", "months-running", false, "14", ">= 18",
                "city-model.months-running", "guidance", new Comparison.AtLeast(14L, 18));
        CriterionOutcome eligibility = new CriterionOutcome("GL-1", CriterionOutcome.EVERY_TITLE, "complete-dossier",
                false, "missing report", "report", "eligibility.complete-dossier", "Law 06/2022/QH15",
                new Comparison.Documents(List.of("report"), List.of("report")));
        List<Impact.NominationChange> titleChanges = List.of(
                new Impact.NominationChange(0, "GL-1", SCRIPT_NAME, "Gia Lâm", List.of(), List.of("DISTRICT_MODEL", "CITY_MODEL"),
                        75, 70, List.of("DISTRICT_MODEL"), List.of(new Impact.OutcomeChange("CITY_MODEL", "months-running",
                        before, after), new Impact.OutcomeChange("*", "complete-dossier", null, eligibility))),
                new Impact.NominationChange(1, "GL-2", IMG_NAME, "A&B <Huyện>", List.of("CITY_MODEL"), List.of(),
                        90, 90, List.of(), List.of()));
        List<Impact.NominationChange> reasonChanges = List.of(
                new Impact.NominationChange(2, "GL-3", "Tổ tự quản", "Gia Lâm", List.of(), List.of(), null, null, List.of(),
                        List.of(new Impact.OutcomeChange("CITY_MODEL", "months-running", before, after))));
        return new Impact("batch.json", 2024, 60, 2, base, changed, titles, titleChanges, reasonChanges);
    }

    private static String html(Impact impact) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImpactHtmlWriter.write(impact, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theViewWritesTheCountsAndTheSides() {
        ImpactView view = ImpactView.of(impact());
        assertThat(view.title()).isEqualTo("Tác động của thay đổi tiêu chí — batch.json");
        assertThat(view.sides()).extracting(ImpactView.Side::label).containsExactly("Trước", "Sau");
        assertThat(view.sides()).extracting(ImpactView.Side::rules).containsExactly("46 quy tắc", "31 quy tắc");
        assertThat(ImpactView.of(impact(), Words.english()).sides()).extracting(ImpactView.Side::label)
                .containsExactly("base", "changed");
        assertThat(view.sides().get(0).fingerprint()).isEqualTo("sha256:25f3b5a800d8…");
        assertThat(view.sides().get(1).fingerprint()).as("short enough to show whole").isEqualTo("sha256:6f47");
        assertThat(view.sides()).extracting(ImpactView.Side::whatIf).containsExactly(false, true);
        assertThat(view.sides().get(1).years()).isEqualTo("từ 2026");
        assertThat(view.titleRow("DISTRICT_MODEL")).isEqualTo(new ImpactView.TitleRow("DISTRICT_MODEL",
                "Mô hình \"Dân vận khéo\" tiêu biểu cấp huyện",
                "27", "—", "0", false, "−27", true));
        assertThat(view.titleRow("CITY_MODEL")).extracting(ImpactView.TitleRow::gained, ImpactView.TitleRow::lost)
                .containsExactly("+1", "−3");
        assertThat(view.titleRow("CITY_WORK_SIGN")).extracting(ImpactView.TitleRow::gains, ImpactView.TitleRow::loses)
                .containsExactly(false, false);
    }

    @Test
    void theViewSaysWhatChangesForEachNomination() {
        ImpactView view = ImpactView.of(impact());
        ImpactView.Change lost = view.change("GL-1");
        assertThat(lost.gained()).isNull();
        assertThat(lost.lost()).isEqualTo("Mô hình \"Dân vận khéo\" tiêu biểu cấp huyện, Mô hình tiêu biểu cấp thành phố");
        assertThat(lost.score()).isEqualTo("75 → 70");
        assertThat(lost.titlesRemoved()).containsExactly("Mô hình \"Dân vận khéo\" tiêu biểu cấp huyện");
        assertThat(lost.outcomes()).containsExactly(
                new ImpactView.Outcome("Mô hình tiêu biểu cấp thành phố",
                        "Thời gian duy trì: yêu cầu tối thiểu 12 tháng → tối thiểu 18 tháng, thực tế 14 tháng (đạt → không đạt)"),
                new ImpactView.Outcome("mọi danh hiệu",
                        "Hồ sơ đầy đủ: tiêu chí mới, yêu cầu Báo cáo thành tích, thực tế thiếu báo cáo thành tích (không đạt)"));
        assertThat(ImpactView.of(impact(), Words.english()).change("GL-1").outcomes()).containsExactly(
                new ImpactView.Outcome("City-level typical model",
                        "months running: required at least 12 months → at least 18 months, actual 14 months (passed → failed)"),
                new ImpactView.Outcome("every title",
                        "complete dossier: new criterion, required Achievement report, actual missing achievement report (failed)"));
        ImpactView.Change gained = view.change("GL-2");
        assertThat(gained.gained()).isEqualTo("Mô hình tiêu biểu cấp thành phố");
        assertThat(gained.score()).as("the same score is not shown").isNull();
        assertThat(view.reasonChanges()).extracting(ImpactView.Change::id).containsExactly("GL-3");
    }

    @Test
    void thePageIsSelfContainedAndShowsTheView() throws Exception {
        String html = html(impact());
        assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">")
                .endsWith("</body>\n</html>\n")
                .contains("<style>\n" + Assets.text("impact.css") + "</style>\n")
                .doesNotContain("<script").doesNotContain("http:").doesNotContain("https:").doesNotContain("<link")
                .doesNotContain("url(");
        assertThat(html).contains("<p class=\"meta\">Hồ sơ: batch.json · năm 2024 · 60 hồ sơ (2 bị loại, như nhau ở cả hai)</p>")
                .contains("<td>từ 2026 <span class=\"what-if\">giả định</span></td>")
                .contains("<td class=\"n loss\">−27</td>").contains("<td class=\"n gain\">+1</td>")
                .contains("<li>Mô hình \"Dân vận khéo\" tiêu biểu cấp huyện: không còn là danh hiệu</li>")
                .contains("<li><b>mọi danh hiệu</b> Hồ sơ đầy đủ: tiêu chí mới")
                .contains("Giữ danh hiệu, lý do thay đổi (1)")
                .doesNotContain("class=\"en\"");
        ByteArrayOutputStream english = new ByteArrayOutputStream();
        ImpactHtmlWriter.write(impact(), Words.english(), english);
        assertThat(english.toString(StandardCharsets.UTF_8)).startsWith("<!DOCTYPE html>\n<html lang=\"en\">")
                .contains("<p class=\"meta\">batch: batch.json · year 2024 · 60 records (2 rejected, the same in both)</p>")
                .contains("Same titles, different reasons (1)").doesNotContain("Giữ danh hiệu");
        assertThat(Pattern.compile("<div class=\"card\"").matcher(html).results().count()).isEqualTo(3);
    }

    @Test
    void namesFromTheInputCannotBreakOutOfThePage() throws Exception {
        String html = html(impact());
        assertThat(html).doesNotContain("<script").doesNotContain("<img").doesNotContain("<Huyện>")
                .contains("GL-1 · &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("GL-2 · \"&gt;&lt;img src=x onerror=alert(1)&gt;")
                .contains("(A&amp;B &lt;Huyện&gt;)")
                .contains("yêu cầu tối thiểu 12 tháng → tối thiểu 18 tháng");
    }

    @Test
    void anImpactWithNoChangeSaysSo() throws Exception {
        Impact none = new Impact("batch.json", 2024, 60, 0, impact().base(), impact().base(), impact().titles(), List.of(),
                List.of());
        String html = html(none);
        assertThat(html).contains("Hồ sơ thay đổi danh hiệu (0)</h2>\n<p>Không có.</p>\n</body>")
                .doesNotContain("Giữ danh hiệu").doesNotContain("bị loại").doesNotContain("what-if\">");
    }
}
