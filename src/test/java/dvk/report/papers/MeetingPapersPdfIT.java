package dvk.report.papers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The meeting papers of the sample batch, made by the packaged {@code target/dvk.jar}, printed to
 * PDF by LibreOffice as an office would print them, and read back from the pages with poppler:
 * every page A4, the parts of the decisions, every awardee's name on the pages of its title, the
 * type embedded. The first pages are rendered to PNG under {@code target/papers/} to be looked at.
 * Debian's LibreOffice and poppler-utils are used as they are; the test fails, saying how to
 * install them, when they are missing.
 */
class MeetingPapersPdfIT {
    private static final Path SOFFICE = Path.of("/usr/bin/soffice");
    private static final List<Path> POPPLER = List.of(Path.of("/usr/bin/pdftotext"), Path.of("/usr/bin/pdftoppm"),
            Path.of("/usr/bin/pdfinfo"), Path.of("/usr/bin/pdffonts"));
    private static final String INSTALL = "the meeting papers' PDF test prints the papers with LibreOffice and reads them"
            + " with poppler: install them with `apt-get install libreoffice-writer libreoffice-calc poppler-utils"
            + " fonts-liberation2` (.ci/run does so when they are missing, through .ci/install-office)";
    private static final Path JAR = Path.of("target/dvk.jar").toAbsolutePath();
    private static final Path SAMPLE = Path.of("fixtures/samples/gia-lam-2024.json").toAbsolutePath();
    private static final Path OUT = Path.of("target/papers").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PAGE_SIZE = Pattern.compile("(?m)^Page +\\d+ size: +([\\d.]+) x ([\\d.]+) pts");

    /** The JSON decisions of the same batch: who holds which title, independently of the papers. */
    private static JsonNode decisions;
    /** The text of each PDF, by file name. */
    private static final Map<String, String> TEXT = new LinkedHashMap<>();

    @BeforeAll
    static void makeAndPrintThePapers() throws Exception {
        assertThat(Files.isExecutable(SOFFICE)).as(INSTALL).isTrue();
        POPPLER.forEach(tool -> assertThat(Files.isExecutable(tool)).as(INSTALL).isTrue());
        assertThat(JAR).as("target/dvk.jar: run through `./mvnw verify`, after package").exists();
        deleteTree(OUT);
        Files.createDirectories(OUT);
        run(List.of(java(), "-jar", JAR.toString(), "papers", SAMPLE.toString(), "--out", OUT.toString()), "papers");
        run(List.of(java(), "-jar", JAR.toString(), "evaluate", SAMPLE.toString(), "--out", OUT.resolve("decisions.json").toString()),
                "evaluate");
        decisions = JSON.readTree(OUT.resolve("decisions.json").toFile());
        // a profile of its own: a LibreOffice the user has open, or another test's, would take the conversion over
        run(List.of(SOFFICE.toString(), "-env:UserInstallation=" + OUT.resolve("libreoffice-profile").toUri(), "--headless",
                "--convert-to", "pdf", "--outdir", OUT.toString(), OUT.resolve("to-trinh-2024.docx").toString(),
                OUT.resolve("du-thao-quyet-dinh-2024.docx").toString(), OUT.resolve("danh-sach-khen-thuong-2024.xlsx").toString()),
                "soffice");
        for (String pdf : List.of("to-trinh-2024.pdf", "du-thao-quyet-dinh-2024.pdf", "danh-sach-khen-thuong-2024.pdf")) {
            assertThat(OUT.resolve(pdf)).as("LibreOffice printed " + pdf + "; see " + OUT + "/soffice.log").exists();
            // -raw: text in the order it is drawn, so a table cell's lines stay together
            TEXT.put(pdf, run(List.of("/usr/bin/pdftotext", "-raw", "-enc", "UTF-8", OUT.resolve(pdf).toString(), "-"), null));
        }
        render("to-trinh-2024.pdf", 1, 3);
        render("du-thao-quyet-dinh-2024.pdf", 1, 4);
        render("danh-sach-khen-thuong-2024.pdf", 1, 1);
    }

    @Test
    void everyPageIsA4Portrait() throws Exception {
        for (String pdf : List.of("to-trinh-2024.pdf", "du-thao-quyet-dinh-2024.pdf")) {
            String info = run(List.of("/usr/bin/pdfinfo", "-f", "1", "-l", "999", OUT.resolve(pdf).toString()), null);
            Matcher size = PAGE_SIZE.matcher(info);
            int pages = 0;
            while (size.find()) {
                pages++;
                assertThat(Double.parseDouble(size.group(1))).as(pdf + " page " + pages + " width, pt").isCloseTo(595.3, org.assertj.core.data.Offset.offset(1.0));
                assertThat(Double.parseDouble(size.group(2))).as(pdf + " page " + pages + " height, pt").isCloseTo(841.9, org.assertj.core.data.Offset.offset(1.0));
            }
            assertThat(pages).as(pdf + " has pages").isGreaterThan(1);
        }
    }

    @Test
    void eachDecisionCarriesTheNationalNameMottoAndLegalBases() {
        List<String> drafts = decisions();
        assertThat(drafts).as("one decision per issuing body of the sample").hasSize(6);
        for (String draft : drafts) {
            assertThat(draft).contains("QUYẾT ĐỊNH", "QUYẾT ĐỊNH:", "Căn cứ", "Xét đề nghị của", "Điều 1.", "Điều 2.", "Điều 3.",
                    "Nơi nhận:", "DANH SÁCH KHEN THƯỞNG");
            assertThat(draft.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") && draft.contains("Độc lập - Tự do - Hạnh phúc")
                    || draft.contains("ĐẢNG CỘNG SẢN VIỆT NAM")).as("the national name and motto, or the Party's heading").isTrue();
        }
        String all = TEXT.get("du-thao-quyet-dinh-2024.pdf");
        assertThat(all).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN GIA LÂM", "BAN THƯỜNG VỤ HUYỆN ỦY GIA LÂM");
        assertThat(flat(all)).contains(flat("Căn cứ Điều 75, khoản 2 Điều 80 và khoản 2 Điều 5 Luật Thi đua, khen thưởng số 06/2022/QH15"),
                flat("Căn cứ Quyết định số 32/2024/QĐ-UBND của Ủy ban nhân dân thành phố Hà Nội"),
                flat("Căn cứ Kế hoạch số 70-KH/BDVTW"));
    }

    @Test
    void theDecisionOfEachTitleNamesEveryAwardeeOfIt() {
        List<String> drafts = decisions();
        for (Map.Entry<String, List<String>> title : holders().entrySet()) {
            String heading = flat("I. " + title.getKey());
            List<String> with = drafts.stream().filter(d -> flat(d).contains(heading)).toList();
            assertThat(with).as("the decision whose annex lists " + title.getKey()).hasSize(1);
            String pages = flat(with.get(0));
            for (String name : title.getValue()) {
                assertThat(pages).as(title.getKey() + ": " + name).contains(flat(name));
            }
        }
    }

    @Test
    void theProposalAndTheWorkbookNameEveryAwardee() {
        String proposal = flat(TEXT.get("to-trinh-2024.pdf"));
        String workbook = flat(TEXT.get("danh-sach-khen-thuong-2024.pdf"));
        assertThat(proposal).contains(flat("TỜ TRÌNH"), flat("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), flat("Độc lập - Tự do - Hạnh phúc"),
                flat("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG"), flat("đã tiếp nhận 60 hồ sơ"));
        for (Map.Entry<String, List<String>> title : holders().entrySet()) {
            assertThat(proposal).contains(flat(title.getKey()));
            for (String name : title.getValue()) {
                assertThat(proposal).as("the proposal's list of " + title.getKey() + ": " + name).contains(flat(name));
                assertThat(workbook).as("the workbook's sheet of " + title.getKey() + ": " + name).contains(flat(name));
            }
        }
    }

    @Test
    void theTypeIsTimesNewRomanOrItsMetricTwinEmbedded() throws Exception {
        for (String pdf : List.of("to-trinh-2024.pdf", "du-thao-quyet-dinh-2024.pdf")) {
            List<String> fonts = run(List.of("/usr/bin/pdffonts", OUT.resolve(pdf).toString()), null).lines().skip(2)
                    .map(line -> line.split("\\s+")[0].replaceFirst("^[A-Z]{6}\\+", "")).toList();
            assertThat(fonts).as(pdf + ": another font means a fallback for missing glyphs, or no Times-compatible font"
                    + " installed (fonts-liberation2)").isNotEmpty()
                    .allMatch(f -> f.startsWith("LiberationSerif") || f.startsWith("TimesNewRoman"));
        }
    }

    @Test
    void theFirstPagesAreRenderedToBeLookedAt() throws IOException {
        try (var pngs = Files.list(OUT)) {
            assertThat(pngs.filter(p -> p.toString().endsWith(".png")).toList()).hasSize(3 + 4 + 1)
                    .allSatisfy(png -> assertThat(Files.size(png)).as(png.toString()).isGreaterThan(10_000));
        }
    }

    /** The decisions' text, one per section: each starts with its "DỰ THẢO" mark. */
    private static List<String> decisions() {
        String[] parts = TEXT.get("du-thao-quyet-dinh-2024.pdf").split("DỰ THẢO");
        List<String> drafts = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) drafts.add(parts[i]);
        return drafts;
    }

    /** Each title's Vietnamese name with the names of its holders, from the JSON decisions. */
    private static Map<String, List<String>> holders() {
        Map<String, List<String>> holders = new LinkedHashMap<>();
        for (JsonNode decision : decisions.get("decisions")) {
            for (JsonNode award : decision.get("awards")) {
                holders.computeIfAbsent(award.get("nameVi").asText(), t -> new ArrayList<>()).add(decision.get("name").asText());
            }
        }
        assertThat(holders).as("titles awarded in the sample").hasSize(6);
        return holders;
    }

    /** Text compared across line breaks and quote styles: NFC, no white space, straight quotes. */
    private static String flat(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).replaceAll("\\s+", "").replaceAll("[“”]", "\"");
    }

    private static void render(String pdf, int first, int last) throws Exception {
        String prefix = pdf.replace(".pdf", "");
        run(List.of("/usr/bin/pdftoppm", "-r", "80", "-png", "-f", String.valueOf(first), "-l", String.valueOf(last),
                OUT.resolve(pdf).toString(), OUT.resolve(prefix).toString()), null);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Runs a program to its end: its output, or, with a log name, its output in {@code OUT/<log>.log}.
     * A failure names the log.
     */
    private static String run(List<String> command, String log) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        File logFile = log == null ? null : OUT.resolve(log + ".log").toFile();
        if (logFile != null) builder.redirectOutput(logFile);
        Process process = builder.start();
        String output = logFile == null ? new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8) : "";
        assertThat(process.waitFor(300, TimeUnit.SECONDS)).as(String.join(" ", command) + " finished in time").isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + (logFile == null ? ": " + output : "; see " + logFile))
                .isZero();
        return output;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (var files = Files.walk(root)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
