package dvk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.util.List;
import com.fasterxml.jackson.databind.ObjectMapper;
import dvk.testing.RulesCopy;
import dvk.testing.XlsxFile;
import java.time.LocalDate;
import java.util.ArrayList;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
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
        Files.writeString(file, "{\"year\": 2024, \"nominations\": [" + String.join(",", records) + "]}",
                StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void allDecidedExitsZeroWithDecisionsOnStdout() throws Exception {
        CommandRun run = CommandRun.of("evaluate", batch(GOOD).toString(), "--rules", "rules");
        assertThat(run.exitCode()).isZero();
        JsonNode out = JSON.readTree(run.out());
        assertThat(out.at("/summary/records").asInt()).isEqualTo(1);
        assertThat(out.at("/summary/titles/DISTRICT_MODEL").asInt()).isEqualTo(1);
        JsonNode decision = out.at("/decisions/0");
        assertThat(decision.get("name").asText()).isEqualTo("Phụ nữ tự quản tuyến đường hoa thôn Hoàng Long");
        assertThat(decision.at("/score/total").asInt()).isEqualTo(70);
        assertThat(decision.at("/awards/0/title").asText()).isEqualTo("DISTRICT_MODEL");
        assertThat(decision.at("/awards/0/nameVi").asText()).isEqualTo("Mô hình \"Dân vận khéo\" tiêu biểu cấp huyện");
        assertThat(decision.at("/notAwarded/0/title").asText()).isEqualTo("DISTRICT_GIAY_KHEN");
        assertThat(decision.at("/notAwarded/0/failed/0/criterion").asText()).isEqualTo("min-score");
        assertThat(decision.at("/notAwarded/0/failed/0/actual").asText()).isEqualTo("70");
        assertThat(decision.at("/notAwarded/0/failed/0/required").asText()).isEqualTo(">= 75");
    }

    @Test
    void rejectedRecordsExitThreeAndAreListedWithTheirFields() throws Exception {
        CommandRun run = CommandRun.of("evaluate", batch(GOOD, BAD).toString(), "--rules", "rules", "--lang", "en");
        assertThat(run.exitCode()).isEqualTo(3);
        JsonNode out = JSON.readTree(run.out());
        assertThat(out.at("/summary/decided").asInt()).isEqualTo(1);
        assertThat(out.at("/summary/rejected").asInt()).isEqualTo(1);
        assertThat(out.at("/rejected/0/index").asInt()).isEqualTo(1);
        assertThat(out.at("/rejected/0/id").asText()).isEqualTo("GL-2");
        assertThat(out.at("/rejected/0/errors").findValuesAsText("field")).containsExactlyInAnyOrder("startDate", "fundsVnd");
        assertThat(run.err()).contains("1 of 2 records rejected");
    }

    @Test
    void unreadableInputExitsTwoNamingThePosition() throws Exception {
        Path broken = temp.resolve("broken.json");
        Files.writeString(broken, "{\"year\": 2024, \"nominations\": [\n  {\"id\": \"x\",,}]}");
        CommandRun run = CommandRun.of("evaluate", broken.toString(), "--rules", "rules", "--lang", "en");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("broken.json").contains("line 2");
        assertThat(run.out()).isEmpty();
        assertThat(CommandRun.of("evaluate", temp.resolve("missing.json").toString()).exitCode()).isEqualTo(2);
        assertThat(CommandRun.of("evaluate").exitCode()).isEqualTo(2);
        assertThat(CommandRun.of("evaluate", "x.json", "--format", "pdf").exitCode()).isEqualTo(2);
    }

    @Test
    void rulesThatDoNotCompileExitFourAndWriteNothing() throws Exception {
        RulesCopy rules = RulesCopy.of(temp).replace("score.drl", "rule \"score: total\"", "rule \"score: total\" oops");
        Path out = temp.resolve("decisions.json");
        CommandRun run = CommandRun.of("evaluate", batch(GOOD).toString(), "--rules", rules.directory().toString(),
                "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.err()).contains("score.drl:").contains("nothing was evaluated");
        assertThat(out).doesNotExist();
    }

    @Test
    void csvInputGivesTheSameDecisionsAsJson() throws Exception {
        Path csv = temp.resolve("batch.csv");
        Files.writeString(csv, "\uFEFFyear,id,name,type,kind,field,sponsor,commune,district,city,startDate,fundsVnd,"
                + "laborDays,beneficiaries,replicationSites,approvalPercent,priorRecognitions,dossier.report,"
                + "dossier.confirmation\n2024,GL-1,Phụ nữ tự quản tuyến đường hoa thôn Hoàng Long,MODEL,COLLECTIVE,"
                + "CULTURE_SOCIETY,Hội LHPN xã Đặng Xá,Đặng Xá,Gia Lâm,Hà Nội,2022-03-01,143000000,400,1200,2,92,"
                + "2023:COMMUNE:COMMUNE_MODEL,true,true\n", StandardCharsets.UTF_8);
        CommandRun fromCsv = CommandRun.of("evaluate", csv.toString(), "--rules", "rules");
        CommandRun fromJson = CommandRun.of("evaluate", batch(GOOD).toString(), "--rules", "rules");
        assertThat(fromCsv.exitCode()).isZero();
        assertThat(fromCsv.out()).isEqualTo(fromJson.out());
    }

    @Test
    void outWritesTheFileAndCsvFormatHasAColumnPerTitle() throws Exception {
        Path out = temp.resolve("report/decisions.csv");
        CommandRun run = CommandRun.of("evaluate", batch(GOOD, BAD).toString(), "--rules", "rules",
                "--format", "csv", "--out", out.toString(), "--lang", "en");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).isEmpty();
        String csv = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF");
        List<List<String>> rows = csvRows(csv.substring(1));
        assertThat(rows.get(0)).containsExactly("index", "id", "name", "type", "district", "commune", "startDate",
                "completedDate", "status", "score",
                "DISTRICT_MODEL", "DISTRICT_GIAY_KHEN", "CITY_MODEL", "CITY_BANG_KHEN", "DISTRICT_WORK_SIGN",
                "CITY_WORK_SIGN", "awards", "reasons", "modelCode", "notes", "provisional");
        assertThat(rows.get(1).subList(0, 17)).containsExactly("0", "GL-1", "Phụ nữ tự quản tuyến đường hoa thôn Hoàng Long",
                "MODEL", "Gia Lâm", "Đặng Xá", "2022-03-01", "", "decided", "70", "yes", "no", "no", "no", "", "",
                "DISTRICT_MODEL");
        assertThat(rows.get(1).get(17)).startsWith("DISTRICT_GIAY_KHEN (min-score: 70, required >= 75) | CITY_MODEL (");
        assertThat(rows.get(2).subList(0, 2)).containsExactly("1", "GL-2");
        assertThat(rows.get(2).get(8)).isEqualTo("rejected");
        assertThat(rows.get(2).get(17)).contains("startDate: required field is missing");
        if (Files.getFileStore(out).supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class)) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(out)))
                    .as("a report others may read, not a private temporary file").isEqualTo("rw-r--r--");
        }
        assertThat(temp.resolve("report")).isDirectoryContaining(p -> p.getFileName().toString().equals("decisions.csv"))
                .isDirectoryNotContaining(p -> p.getFileName().toString().endsWith(".tmp"));
    }

    @Test
    void xlsxInputGivesTheSameDecisionsAsJson() throws Exception {
        Path sample = Path.of("fixtures/samples/gia-lam-2024.json");
        Path xlsx = XlsxFile.fromJson(sample).write(temp.resolve("gia-lam-2024.xlsx"));
        CommandRun fromXlsx = CommandRun.of("evaluate", xlsx.toString(), "--rules", "rules");
        CommandRun fromJson = CommandRun.of("evaluate", sample.toString(), "--rules", "rules");
        assertThat(fromXlsx.exitCode()).isZero();
        assertThat(fromXlsx.out()).isEqualTo(fromJson.out());
        JsonNode out = JSON.readTree(fromXlsx.out());
        assertThat(out.at("/summary/decided").asInt()).isEqualTo(60);
        assertThat(out.get("decisions").findValuesAsText("name")).contains(
                "Phụ nữ tự quản tuyến đường hoa thôn Hoàng Long",
                "Cánh đồng liên kết trồng bí đỏ, su hào an toàn của hội viên nông dân xã Đặng Xá");
    }

    @Test
    void theRejectedMessageSaysWhereEachFormatListsThem() throws Exception {
        Path batch = batch(GOOD, BAD);
        String[][] expected = {
            {"json", "listed in the output under \"rejected\""},
            {"csv", "rows with status \"rejected\", the problems under \"reasons\""},
            {"xlsx", "listed in the sheet \"Rejected\""},
            {"html", "listed at the end of the report, under \"Rejected records\""}};
        for (String[] format : expected) {
            CommandRun run = CommandRun.of("evaluate", batch.toString(), "--rules", "rules", "--format", format[0],
                    "--out", temp.resolve("out." + format[0]).toString(), "--lang", "en");
            assertThat(run.exitCode()).isEqualTo(3);
            assertThat(run.err()).as(format[0]).contains("1 of 2 records rejected (" + format[1] + ")");
        }
    }

    @Test
    void theCommittedSpreadsheetSampleIsTheSampleBatch() {
        CommandRun fromXlsx = CommandRun.of("evaluate", "fixtures/samples/gia-lam-2024.xlsx", "--rules", "rules");
        CommandRun fromJson = CommandRun.of("evaluate", "fixtures/samples/gia-lam-2024.json", "--rules", "rules");
        assertThat(fromXlsx.exitCode()).isZero();
        assertThat(fromXlsx.out()).isEqualTo(fromJson.out());
    }

    @Test
    void xlsxOutputHasTheRowsOfTheCsvOutputWithTypedCells() throws Exception {
        Path sample = Path.of("fixtures/samples/gia-lam-2024.json");
        Path out = temp.resolve("decisions.xlsx");
        Path committee = temp.resolve("ket-qua.xlsx");
        CommandRun run = CommandRun.of("evaluate", sample.toString(), "--rules", "rules", "--format", "xlsx",
                "--out", committee.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).as("the lines about the batch follow --lang, Vietnamese by default")
                .contains("dvk: 60 hồ sơ, 60 được xét, 0 bị loại; DISTRICT_MODEL 27").contains(committee.toString());
        try (XSSFWorkbook workbook = new XSSFWorkbook(committee.toFile())) {
            Sheet decisions = workbook.getSheet("Kết quả xét");
            assertThat(decisions.getLastRowNum()).isEqualTo(60);
            assertThat(new DataFormatter().formatCellValue(decisions.getRow(17).getCell(6))).isEqualTo("01/03/2022");
        }
        // in English the sheet is the CSV's table, cell for cell
        assertThat(CommandRun.of("evaluate", sample.toString(), "--rules", "rules", "--format", "xlsx", "--lang", "en",
                "--out", out.toString()).exitCode()).isZero();
        Path csv = temp.resolve("decisions.csv");
        assertThat(CommandRun.of("evaluate", sample.toString(), "--rules", "rules", "--format", "csv", "--out",
                csv.toString()).exitCode()).isZero();
        List<List<String>> csvRows = csvRows(Files.readString(csv, StandardCharsets.UTF_8).substring(1));

        List<List<String>> sheetRows = new ArrayList<>();
        DataFormatter shown = new DataFormatter();
        try (XSSFWorkbook workbook = new XSSFWorkbook(out.toFile())) {
            Sheet decisions = workbook.getSheet("Decisions");
            for (Row row : decisions) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < csvRows.get(0).size(); c++) cells.add(shown.formatCellValue(row.getCell(c)));
                sheetRows.add(cells);
            }
            Cell startDate = decisions.getRow(17).getCell(csvRows.get(0).indexOf("startDate"));
            assertThat(startDate.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(startDate.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2022, 3, 1));
            assertThat(decisions.getRow(17).getCell(csvRows.get(0).indexOf("score")).getCellType()).isEqualTo(CellType.NUMERIC);
        }
        assertThat(sheetRows).hasSize(61).isEqualTo(csvRows);
        assertThat(sheetRows.get(17)).contains("Phụ nữ tự quản tuyến đường hoa thôn Hoàng Long", "Đặng Xá");
    }

    @Test
    void xlsxRecordsWithTextInNumberCellsAreRejectedNamingRowAndColumn() throws Exception {
        Path xlsx = XlsxFile.fromJson(Path.of("fixtures/samples/gia-lam-2024.json"))
                .set(3, "fundsVnd", "abc").set(5, "fundsVnd", "1,200").write(temp.resolve("batch.xlsx"));
        CommandRun run = CommandRun.of("evaluate", xlsx.toString(), "--rules", "rules", "--lang", "en");
        assertThat(run.exitCode()).isEqualTo(3);
        JsonNode out = JSON.readTree(run.out());
        assertThat(out.at("/summary/records").asInt()).isEqualTo(60);
        assertThat(out.at("/summary/decided").asInt()).isEqualTo(58);
        assertThat(out.at("/rejected/0/id").asText()).isEqualTo("GL-2024-004");
        assertThat(out.at("/rejected/0/errors/0/field").asText()).isEqualTo("fundsVnd");
        assertThat(out.at("/rejected/0/errors/0/message").asText())
                .isEqualTo("expected a whole number, got \"abc\" (row 5, column M)");
        assertThat(out.at("/rejected/1/errors/0/message").asText())
                .isEqualTo("expected a whole number, got \"1,200\" (row 7, column M)");
        assertThat(run.err()).contains("2 of 60 records rejected");
        // Vietnamese unless English is asked for: the same messages, the same JSON otherwise
        CommandRun vietnamese = CommandRun.of("evaluate", xlsx.toString(), "--rules", "rules");
        JsonNode vi = JSON.readTree(vietnamese.out());
        assertThat(vi.at("/rejected/0/errors/0/message").asText()).isEqualTo("cần là số nguyên, nhận được \"abc\" (hàng 5, cột M)");
        assertThat(vietnamese.err()).contains("2/60 hồ sơ bị loại (liệt kê trong kết quả, mục \"rejected\")");
        for (JsonNode warning : vi.at("/summary/warnings")) ((com.fasterxml.jackson.databind.node.ObjectNode) warning).remove("message");
        for (JsonNode warning : out.at("/summary/warnings")) ((com.fasterxml.jackson.databind.node.ObjectNode) warning).remove("message");
        ((com.fasterxml.jackson.databind.node.ObjectNode) vi.at("/rejected/0/errors/0")).remove("message");
        ((com.fasterxml.jackson.databind.node.ObjectNode) vi.at("/rejected/1/errors/0")).remove("message");
        ((com.fasterxml.jackson.databind.node.ObjectNode) out.at("/rejected/0/errors/0")).remove("message");
        ((com.fasterxml.jackson.databind.node.ObjectNode) out.at("/rejected/1/errors/0")).remove("message");
        assertThat(vi).isEqualTo(out);
    }

    @Test
    void stderrSaysWhatReadingMergedAndWhichQuotaIsProvisional() throws Exception {
        String sample = Files.readString(Path.of("fixtures/samples/gia-lam-2024.json"), StandardCharsets.UTF_8);
        String edited = sample.replaceFirst("(\"id\": \"GL-2024-004\",[^}]*?\"fundsVnd\": )\\d+", "$1\"nhiều\"")
                .replaceFirst("(\"id\": \"GL-2024-005\",[^}]*?\"district\": )\"Gia Lâm\"", "$1\"huyện Gia Lâm\"");
        Path batch = Files.writeString(temp.resolve("edited.json"), edited, StandardCharsets.UTF_8);
        CommandRun vietnamese = CommandRun.of("evaluate", batch.toString(), "--rules", "rules");
        assertThat(vietnamese.exitCode()).isEqualTo(3);
        assertThat(vietnamese.err()).contains("dvk: cảnh báo: quận, huyện \"huyện Gia Lâm\" (1 hồ sơ) được tính là \"Gia Lâm\" (59)\n")
                .contains("dvk: tạm thời: chỉ tiêu CITY_MODEL của Gia Lâm chỉ chính thức khi các hồ sơ bị loại GL-2024-004"
                        + " được sửa hoặc rút\n");
        CommandRun english = CommandRun.of("evaluate", batch.toString(), "--rules", "rules", "--lang", "en");
        assertThat(english.err()).contains("dvk: warning: district \"huyện Gia Lâm\" (1 record) counted as \"Gia Lâm\" (59)\n")
                .contains("dvk: provisional: the CITY_MODEL quota of Gia Lâm stands only once the rejected record GL-2024-004"
                        + " is fixed or withdrawn\n")
                .contains("dvk: 1 of 60 records rejected");
        assertThat(JSON.readTree(english.out()).at("/summary/warnings/0/kind").asText()).isEqualTo("name-merged");
    }

    @Test
    void xlsxOutputNeedsAFileAndAFileThatIsNotXlsxIsAOneLineError() throws Exception {
        CommandRun toTerminal = CommandRun.of("evaluate", batch(GOOD).toString(), "--rules", "rules", "--format", "xlsx");
        assertThat(toTerminal.exitCode()).isEqualTo(2);
        assertThat(toTerminal.err()).isEqualTo("dvk: --format xlsx writes a workbook: give --out FILE.xlsx\n");
        assertThat(toTerminal.out()).isEmpty();

        Path renamed = Files.writeString(temp.resolve("batch.xlsx"), "year,id\n2024,GL-1\n");
        CommandRun notXlsx = CommandRun.of("evaluate", renamed.toString(), "--rules", "rules", "--lang", "en");
        assertThat(notXlsx.exitCode()).isEqualTo(2);
        assertThat(notXlsx.err()).isEqualTo("dvk: " + renamed + ": not an XLSX file: expected an Excel workbook saved"
                + " as .xlsx\n");
        assertThat(CommandRun.of("evaluate", renamed.toString(), "--rules", "rules").err())
                .isEqualTo("dvk: " + renamed + ": không phải tệp XLSX: cần một sổ tính Excel lưu dạng .xlsx\n");
        assertThat(notXlsx.out()).isEmpty();
    }

    @Test
    void htmlFormatWritesOnePageWithTheDecisionsAndTheRejectedRecords() throws Exception {
        Path out = temp.resolve("report.html");
        CommandRun run = CommandRun.of("evaluate", batch(GOOD, BAD).toString(), "--rules", "rules",
                "--format", "html", "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).isEmpty();
        String html = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"vi\">").endsWith("</html>\n")
                .contains("Phụ nữ tự quản tuyến đường hoa thôn Hoàng Long")
                .contains("<h2>Kết quả theo danh hiệu</h2>")
                .doesNotContain("id=\"card-GL-1\"")
                .contains("data-testid=\"rejected-record\" data-index=\"1\" data-id=\"GL-2\"");
        assertThat(CommandRun.of("evaluate", "--help").out()).contains("json, csv, xlsx, html")
                .contains("--cards=WHICH").contains("all, missed, none").contains("--lang=LANG").contains("vi, en");
    }

    @Test
    void langAndCardsChooseTheReportsLanguageAndItsCards() throws Exception {
        Path out = temp.resolve("report.html");
        CommandRun run = CommandRun.of("evaluate", batch(GOOD, BAD).toString(), "--rules", "rules",
                "--format", "html", "--out", out.toString(), "--lang", "en", "--cards", "all");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(Files.readString(out, StandardCharsets.UTF_8)).startsWith("<!DOCTYPE html>\n<html lang=\"en\">")
                .contains("<h2>Results by title</h2>").contains("id=\"card-GL-1\"").doesNotContain("Kết quả");
        assertThat(run.err()).as("the lines about the batch in the report's language")
                .contains("dvk: 2 records, 1 decided, 1 rejected; DISTRICT_MODEL 1")
                .contains("1 of 2 records rejected (listed at the end of the report, under \"Rejected records\")");

        CommandRun vietnamese = CommandRun.of("evaluate", batch(GOOD, BAD).toString(), "--rules", "rules",
                "--format", "html", "--out", out.toString(), "--cards", "missed");
        assertThat(vietnamese.exitCode()).isEqualTo(3);
        assertThat(vietnamese.err()).contains("dvk: 2 hồ sơ, 1 được xét, 1 bị loại; DISTRICT_MODEL 1")
                .contains("dvk: 1/2 hồ sơ bị loại (liệt kê ở cuối báo cáo, mục \"Hồ sơ bị loại\")");
        CommandRun brokenRules = CommandRun.of("evaluate", batch(GOOD).toString(), "--rules", "no-such-rules");
        assertThat(brokenRules.err()).as("the rules' problems stay English unless --lang vi").contains("the rules cannot");
        assertThat(Files.readString(out, StandardCharsets.UTF_8)).startsWith("<!DOCTYPE html>\n<html lang=\"vi\">")
                .doesNotContain("id=\"card-GL-1\"").as("GL-1 holds a title: no card with --cards missed");

        CommandRun json = CommandRun.of("evaluate", batch(GOOD).toString(), "--rules", "rules", "--lang", "vi");
        assertThat(JSON.readTree(json.out()).at("/decisions/0/notAwarded/0/failed/0/required").asText())
                .as("the JSON stays the data contract's whatever the language").startsWith(">= ");
        assertThat(CommandRun.of("evaluate", batch(GOOD).toString(), "--lang", "fr").exitCode()).isEqualTo(2);
    }

    private static List<List<String>> csvRows(String text) throws Exception {
        try (MappingIterator<List<String>> it = new CsvMapper().readerForListOf(String.class)
                .with(CsvParser.Feature.WRAP_AS_ARRAY).readValues(text)) {
            return it.readAll();
        }
    }

    @Test
    void theSameInputGivesByteIdenticalOutputWhateverTheThreads() throws Exception {
        Path in = batch(GOOD, GOOD.replace("GL-1", "LB-1").replace("Gia Lâm", "Long Biên"),
                GOOD.replace("GL-1", "GL-3").replace("\"replicationSites\": 2", "\"replicationSites\": 5"));
        String one = CommandRun.of("evaluate", in.toString(), "--rules", "rules", "--threads", "1").out();
        String two = CommandRun.of("evaluate", in.toString(), "--rules", "rules", "--threads", "2").out();
        assertThat(one).isNotEmpty().isEqualTo(two);
    }

    @Test
    void noCommandIsAUsageError() {
        CommandRun run = CommandRun.of();
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Usage: dvk");
    }

    @Test
    void helpIsOfferedOnEveryCommand() {
        CommandRun top = CommandRun.of("--help");
        assertThat(top.exitCode()).isZero();
        assertThat(top.out()).contains("evaluate");
        CommandRun evaluate = CommandRun.of("evaluate", "--help");
        assertThat(evaluate.exitCode()).isZero();
        assertThat(evaluate.out()).contains("--rules").contains("--format").contains("Exit codes").contains(".xlsx")
                .contains("json, csv, xlsx");
    }

    @Test
    void withoutRulesTheRulesInTheWorkingDirectoryAreUsedForTheBatchYear() throws Exception {
        CommandRun run = CommandRun.of("evaluate", batch(GOOD).toString());
        assertThat(run.exitCode()).isZero();
        JsonNode out = JSON.readTree(run.out());
        assertThat(out.at("/rules/source").asText()).isEqualTo("rules/2024-2025");
        CommandRun explicit = CommandRun.of("evaluate", batch(GOOD).toString(), "--rules", "rules/2024-2025");
        assertThat(out.at("/rules/fingerprint")).isEqualTo(JSON.readTree(explicit.out()).at("/rules/fingerprint"));
    }
}
