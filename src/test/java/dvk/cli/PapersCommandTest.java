package dvk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dvk.testing.RulesCopy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dvk papers}: what it writes where, what it refuses, and its exit codes. */
class PapersCommandTest {
    private static final Path SAMPLE = Path.of("fixtures/samples/gia-lam-2024.json");
    private static final List<String> PAPERS = List.of("to-trinh-2024.docx", "du-thao-quyet-dinh-2024.docx",
            "danh-sach-khen-thuong-2024.xlsx");
    private static final String GOOD = """
            {"id": "GL-1", "name": "Phụ nữ tự quản tuyến đường hoa thôn Hoàng Long", "type": "MODEL",
             "kind": "COLLECTIVE", "field": "CULTURE_SOCIETY", "sponsor": "Hội LHPN xã Đặng Xá", "commune": "Đặng Xá",
             "district": "Gia Lâm", "city": "Hà Nội", "startDate": "2022-03-01", "fundsVnd": 143000000,
             "laborDays": 400, "beneficiaries": 1200, "replicationSites": 2, "approvalPercent": 92,
             "priorRecognitions": [{"year": 2023, "level": "COMMUNE", "title": "COMMUNE_MODEL"}],
             "dossier": {"report": true, "confirmation": true}}""";
    private static final String BAD = """
            {"id": "GL-2", "name": "Thiếu ngày", "type": "MODEL", "kind": "COLLECTIVE", "field": "ECONOMIC",
             "sponsor": "x", "commune": "Kiêu Kỵ", "district": "Gia Lâm", "city": "Hà Nội", "fundsVnd": "5",
             "dossier": {"report": true, "confirmation": true}}""";

    @TempDir
    Path temp;

    private Path batch(String... records) throws Exception {
        Path file = temp.resolve("batch.json");
        Files.writeString(file, "{\"year\": 2024, \"nominations\": [" + String.join(",", records) + "]}", StandardCharsets.UTF_8);
        return file;
    }

    private static String text(Path docx) throws Exception {
        try (XWPFDocument document = new XWPFDocument(Files.newInputStream(docx));
             XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
            return extractor.getText();
        }
    }

    @Test
    void theSampleGetsItsThreePapersInADirectoryMadeForThem() throws Exception {
        Path out = temp.resolve("hop/2024");
        CommandRun run = CommandRun.of("papers", SAMPLE.toString(), "--rules", "rules", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        for (String paper : PAPERS) {
            assertThat(out.resolve(paper)).isRegularFile();
            assertThat(run.err()).contains(out.resolve(paper).toString());
        }
        assertThat(run.err()).contains("60 records, 60 decided, 0 rejected; DISTRICT_MODEL 27");
        assertThat(text(out.resolve("du-thao-quyet-dinh-2024.docx")))
                .contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "QUYẾT ĐỊNH", "Tổ phòng cháy chữa cháy cựu chiến binh thôn Đào Xuyên");
        assertThat(Files.list(out).map(p -> p.getFileName().toString()).toList())
                .as("no temporary file is left").containsExactlyInAnyOrderElementsOf(PAPERS);
    }

    @Test
    void inEnglishOnRequest() throws Exception {
        CommandRun run = CommandRun.of("papers", batch(GOOD).toString(), "--rules", "rules", "--out", temp.toString(), "--lang", "en");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(text(temp.resolve("du-thao-quyet-dinh-2024.docx")))
                .contains("COMMUNIST PARTY OF VIET NAM", "DECISION", "Article 1. To recognise 1 collective",
                        "Phụ nữ tự quản tuyến đường hoa thôn Hoàng Long");
        assertThat(text(temp.resolve("to-trinh-2024.docx"))).contains("SOCIALIST REPUBLIC OF VIET NAM", "PROPOSAL", "1 collective");
    }

    @Test
    void rejectedRecordsStillGetPapersAndExitThree() throws Exception {
        Path out = temp.resolve("papers");
        CommandRun run = CommandRun.of("papers", batch(GOOD, BAD).toString(), "--rules", "rules", "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.REJECTED_RECORDS);
        assertThat(run.err()).contains("1 of 2 records rejected").contains("dvk evaluate --format html");
        PAPERS.forEach(paper -> assertThat(out.resolve(paper)).isRegularFile());
        assertThat(text(out.resolve("to-trinh-2024.docx"))).contains("Có 1 hồ sơ chưa được xét");
    }

    @Test
    void anOutThatIsAFileIsRefusedBeforeTheRun() throws Exception {
        Path file = Files.writeString(temp.resolve("papers"), "kept");
        CommandRun run = CommandRun.of("papers", SAMPLE.toString(), "--rules", "rules", "--out", file.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--out " + file + ": is not a directory");
        assertThat(Files.readString(file)).isEqualTo("kept");
    }

    @Test
    void withoutOutTheCommandSaysWhatItNeeds() {
        CommandRun run = CommandRun.of("papers", SAMPLE.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--out=DIR");
    }

    @Test
    void aFailedRunWritesNothing() throws Exception {
        Path out = temp.resolve("papers");
        CommandRun missing = CommandRun.of("papers", temp.resolve("no-such.json").toString(), "--rules", "rules", "--out", out.toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(out).doesNotExist();

        RulesCopy rules = RulesCopy.of(temp).replace("score.drl", "rule \"score: total\"", "rule \"score: total\" oops");
        CommandRun broken = CommandRun.of("papers", SAMPLE.toString(), "--rules", rules.directory().toString(), "--out", out.toString());
        assertThat(broken.exitCode()).isEqualTo(ExitCodes.RULES);
        assertThat(broken.err()).contains("score.drl:").contains("no papers were written");
        assertThat(out).doesNotExist();
    }

    @Test
    void aPaperThatMayNotBeReplacedStopsTheRunBeforeAnyIsWritten() throws Exception {
        Path kept = Files.writeString(temp.resolve("du-thao-quyet-dinh-2024.docx"), "signed already");
        Files.setPosixFilePermissions(kept, PosixFilePermissions.fromString("r--r--r--"));
        CommandRun run = CommandRun.of("papers", SAMPLE.toString(), "--rules", "rules", "--out", temp.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("cannot write the papers into " + temp).contains("du-thao-quyet-dinh-2024.docx is read-only");
        assertThat(Files.readString(kept)).isEqualTo("signed already");
        assertThat(temp.resolve("to-trinh-2024.docx")).as("written first, had the run not stopped").doesNotExist();
    }
}
