package dvk.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dvk.domain.TitleDefinition;
import dvk.engine.Evaluation;
import dvk.engine.Evaluator;
import dvk.io.BatchReader;
import dvk.report.DecisionJsonWriter;
import dvk.testing.TestRules;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DecisionXlsxWriterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BAD = """
            {"id": "GL-X", "name": "Thiếu ngày", "type": "MODEL", "kind": "COLLECTIVE", "field": "ECONOMIC",
             "sponsor": "x", "commune": "Kiêu Kỵ", "district": "Gia Lâm", "city": "Hà Nội", "fundsVnd": "5",
             "dossier": {"report": true, "confirmation": true}}""";

    /** The sample's 60 records and one rejected record after them. */
    private static Evaluation evaluation;
    private static JsonNode json;
    private static byte[] xlsx;

    @BeforeAll
    static void evaluate() throws Exception {
        ObjectNode batch = (ObjectNode) JSON.readTree(Path.of("fixtures/samples/gia-lam-2024.json").toFile());
        ((ArrayNode) batch.get("nominations")).add(JSON.readTree(BAD));
        evaluation = evaluate(batch);
        json = JSON.readTree(jsonOf(evaluation));
        xlsx = xlsxOf(evaluation);
    }

    private static Evaluation evaluate(JsonNode batch) throws Exception {
        return new Evaluator(TestRules.standard()).evaluate(
                BatchReader.readJson(new ByteArrayInputStream(JSON.writeValueAsBytes(batch))));
    }

    private static byte[] jsonOf(Evaluation evaluation) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DecisionJsonWriter.write(evaluation, out);
        return out.toByteArray();
    }

    private static byte[] xlsxOf(Evaluation evaluation) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DecisionXlsxWriter.write(evaluation, out);
        return out.toByteArray();
    }

    private static XSSFWorkbook workbook(byte[] bytes) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
            Cell cell = row.getCell(c);
            texts.add(cell == null ? null : cell.getStringCellValue());
        }
        return texts;
    }

    private static Row rowOf(Sheet sheet, int column, String text) {
        for (Row row : sheet) {
            Cell cell = row.getCell(column);
            if (cell != null && cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(text)) return row;
        }
        throw new AssertionError("no row with " + text + " in column " + column + " of " + sheet.getSheetName());
    }

    @Test
    void theSheetsAreDecisionsSummaryAndRejected() throws Exception {
        try (XSSFWorkbook workbook = workbook(xlsx)) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(3);
            assertThat(List.of(workbook.getSheetName(0), workbook.getSheetName(1), workbook.getSheetName(2)))
                    .containsExactly("Decisions", "Summary", "Rejected");
        }
    }

    @Test
    void decisionsAreTheDecisionTableWithRealNumbersAndDates() throws Exception {
        DecisionTable table = DecisionTable.of(evaluation);
        try (XSSFWorkbook workbook = workbook(xlsx)) {
            XSSFSheet sheet = workbook.getSheet("Decisions");
            assertThat(sheet.getLastRowNum()).isEqualTo(61).isEqualTo(json.at("/summary/records").asInt());
            Row header = sheet.getRow(0);
            assertThat(texts(header)).containsExactlyElementsOf(table.columns().stream().map(DecisionTable.Column::header).toList());
            assertThat(workbook.getFontAt(header.getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 1);
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:U62");

            List<String> columns = texts(header);
            Row row = rowOf(sheet, columns.indexOf("id"), "GL-2024-017");
            assertThat(row.getCell(columns.indexOf("name")).getStringCellValue())
                    .isEqualTo("Phụ nữ tự quản tuyến đường hoa thôn Hoàng Long");
            assertThat(row.getCell(columns.indexOf("commune")).getStringCellValue()).isEqualTo("Đặng Xá");
            Cell start = row.getCell(columns.indexOf("startDate"));
            assertThat(start.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(start)).isTrue();
            assertThat(start.getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd");
            assertThat(start.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2022, 3, 1));
            assertThat(row.getCell(columns.indexOf("completedDate"))).isNull();
            assertThat(row.getCell(columns.indexOf("index")).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(row.getCell(columns.indexOf("index")).getNumericCellValue()).isEqualTo(16);

            for (JsonNode decision : json.get("decisions")) {
                Row r = rowOf(sheet, columns.indexOf("id"), decision.get("id").asText());
                assertThat(r.getCell(columns.indexOf("status")).getStringCellValue()).isEqualTo("decided");
                Cell score = r.getCell(columns.indexOf("score"));
                if (decision.has("score") && !decision.get("score").isNull()) {
                    assertThat(score.getCellType()).isEqualTo(CellType.NUMERIC);
                    assertThat(score.getNumericCellValue()).isEqualTo(decision.at("/score/total").asDouble());
                } else {
                    assertThat(score).isNull();
                }
                List<String> awarded = decision.get("awards").findValuesAsText("title");
                List<String> missed = decision.get("notAwarded").findValuesAsText("title");
                for (TitleDefinition title : evaluation.rules().awardedTitles()) {
                    Cell cell = r.getCell(columns.indexOf(title.code()));
                    String expected = awarded.contains(title.code()) ? "yes" : missed.contains(title.code()) ? "no" : null;
                    assertThat(cell == null ? null : cell.getStringCellValue())
                            .as(decision.get("id").asText() + " " + title.code()).isEqualTo(expected);
                }
            }
            Row rejected = rowOf(sheet, columns.indexOf("id"), "GL-X");
            assertThat(rejected.getCell(columns.indexOf("status")).getStringCellValue()).isEqualTo("rejected");
            assertThat(rejected.getCell(columns.indexOf("reasons")).getStringCellValue())
                    .contains("fundsVnd: expected a whole number, got \"5\"");
        }
    }

    @Test
    void theSummaryHasTheBatchTheRulesAndTitlesByDistrictWithTotals() throws Exception {
        try (XSSFWorkbook workbook = workbook(xlsx)) {
            Sheet sheet = workbook.getSheet("Summary");
            assertThat(rowOf(sheet, 0, "year").getCell(1).getNumericCellValue()).isEqualTo(2024);
            assertThat(rowOf(sheet, 0, "rules").getCell(1).getStringCellValue()).isEqualTo(json.at("/rules/source").asText());
            assertThat(rowOf(sheet, 0, "fingerprint").getCell(1).getStringCellValue())
                    .isEqualTo(json.at("/rules/fingerprint").asText());
            for (String count : List.of("records", "decided", "rejected")) {
                Cell cell = rowOf(sheet, 0, count).getCell(1);
                assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(cell.getNumericCellValue()).as(count).isEqualTo(json.at("/summary/" + count).asDouble());
            }

            Row codes = rowOf(sheet, 0, "district");
            Row names = sheet.getRow(codes.getRowNum() - 1);
            List<TitleDefinition> titles = evaluation.rules().awardedTitles();
            List<String> expected = new ArrayList<>(List.of("district", "nominations"));
            titles.forEach(t -> expected.add(t.code()));
            expected.add("titles");
            assertThat(texts(codes)).containsExactlyElementsOf(expected);
            assertThat(names.getCell(2).getStringCellValue()).isEqualTo(titles.get(0).nameEn());

            Row district = rowOf(sheet, 0, "Gia Lâm");
            Row total = rowOf(sheet, 0, "total");
            assertThat(district.getCell(1).getNumericCellValue()).isEqualTo(60);
            assertThat(total.getCell(1).getNumericCellValue()).isEqualTo(json.at("/summary/decided").asDouble());
            long sum = 0;
            for (int t = 0; t < titles.size(); t++) {
                long count = json.at("/summary/titles/" + titles.get(t).code()).asLong();
                assertThat(total.getCell(t + 2).getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat((long) total.getCell(t + 2).getNumericCellValue()).as(titles.get(t).code()).isEqualTo(count);
                assertThat((long) district.getCell(t + 2).getNumericCellValue()).isEqualTo(count);
                sum += count;
            }
            assertThat(sum).isPositive();
            assertThat((long) total.getCell(titles.size() + 2).getNumericCellValue()).isEqualTo(sum);
        }
    }

    @Test
    void rejectedListsEachProblemOfEachRejectedRecord() throws Exception {
        try (XSSFWorkbook workbook = workbook(xlsx)) {
            Sheet sheet = workbook.getSheet("Rejected");
            assertThat(texts(sheet.getRow(0))).containsExactly("index", "id", "field", "message");
            Map<String, String> messages = new TreeMap<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                assertThat(row.getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(row.getCell(0).getNumericCellValue()).isEqualTo(60);
                assertThat(row.getCell(1).getStringCellValue()).isEqualTo("GL-X");
                messages.put(row.getCell(2).getStringCellValue(), row.getCell(3).getStringCellValue());
            }
            assertThat(messages).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                    "fundsVnd", "expected a whole number, got \"5\"",
                    "startDate", "required field is missing")));
        }
    }

    @Test
    void inVietnameseItIsTheCommitteesFormWithTheSameRows() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DecisionXlsxWriter.write(evaluation, Words.vietnamese(), out);
        try (XSSFWorkbook workbook = workbook(out.toByteArray())) {
            assertThat(List.of(workbook.getSheetName(0), workbook.getSheetName(1), workbook.getSheetName(2)))
                    .containsExactly("Kết quả xét", "Tổng hợp", "Hồ sơ bị loại");
            XSSFSheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(61);
            List<String> columns = texts(sheet.getRow(0));
            TitleDefinition districtModel = evaluation.rules().awardedTitles().stream()
                    .filter(t -> t.code().equals("DISTRICT_MODEL")).findFirst().orElseThrow();
            assertThat(columns).startsWith("STT", "Mã hồ sơ", "Tên mô hình, công trình", "Loại", "Quận, huyện", "Xã, phường",
                    "Ngày bắt đầu", "Ngày hoàn thành", "Tình trạng", "Điểm", districtModel.nameVi())
                    .contains("Danh hiệu đạt", "Lý do không đạt", "Mã mô hình", "Ghi chú")
                    .noneMatch(c -> c.matches("[A-Z]+_[A-Z_]+|[a-z]+([A-Z][a-z]*)*"));

            Row row = rowOf(sheet, columns.indexOf("Mã hồ sơ"), "GL-2024-017");
            assertThat(row.getCell(columns.indexOf("STT")).getNumericCellValue()).as("numbered from 1").isEqualTo(17);
            assertThat(row.getCell(columns.indexOf("Loại")).getStringCellValue()).isEqualTo("Mô hình");
            assertThat(row.getCell(columns.indexOf("Tình trạng")).getStringCellValue()).isEqualTo("Đã xét");
            assertThat(row.getCell(columns.indexOf("Ngày bắt đầu")).getCellStyle().getDataFormatString()).isEqualTo("dd/mm/yyyy");
            JsonNode decision = json.get("decisions").get(16);
            assertThat(decision.get("id").asText()).isEqualTo("GL-2024-017");
            List<String> awarded = decision.get("awards").findValuesAsText("title");
            assertThat(row.getCell(columns.indexOf(districtModel.nameVi())).getStringCellValue())
                    .isEqualTo(awarded.contains("DISTRICT_MODEL") ? "Có" : "Không");

            // a nomination that missed a title for its score: the reason is worded, never a code
            JsonNode missed = null;
            for (JsonNode d : json.get("decisions")) {
                if (d.get("notAwarded").findValuesAsText("criterion").contains("min-score")) {
                    missed = d;
                    break;
                }
            }
            assertThat(missed).isNotNull();
            String reasons = rowOf(sheet, columns.indexOf("Mã hồ sơ"), missed.get("id").asText())
                    .getCell(columns.indexOf("Lý do không đạt")).getStringCellValue();
            assertThat(reasons).contains("Điểm tối thiểu (thực tế ").contains("; yêu cầu tối thiểu ")
                    .doesNotContain("min-score").doesNotContain("required");

            Row rejected = rowOf(sheet, columns.indexOf("Mã hồ sơ"), "GL-X");
            assertThat(rejected.getCell(columns.indexOf("Tình trạng")).getStringCellValue()).isEqualTo("Bị loại");
            assertThat(rejected.getCell(columns.indexOf("STT")).getNumericCellValue()).isEqualTo(61);

            Sheet summary = workbook.getSheet("Tổng hợp");
            assertThat(rowOf(summary, 0, "Năm xét").getCell(1).getNumericCellValue()).isEqualTo(2024);
            assertThat(rowOf(summary, 0, "Tổng cộng").getCell(1).getNumericCellValue()).isEqualTo(60);
            Sheet problems = workbook.getSheet("Hồ sơ bị loại");
            assertThat(texts(problems.getRow(0))).containsExactly("STT", "Mã hồ sơ", "Trường", "Lỗi");
            assertThat(problems.getRow(1).getCell(0).getNumericCellValue()).isEqualTo(61);
            assertThat(problems.getRow(1).getCell(3).getStringCellValue()).doesNotContain("required field");
        }
    }

    @Test
    void theSameEvaluationGivesTheSameWorkbookContentWithoutACreationTime() throws Exception {
        assertThat(entries(xlsxOf(evaluation))).isEqualTo(entries(xlsx));
        try (XSSFWorkbook workbook = workbook(xlsx)) {
            assertThat(workbook.getProperties().getCoreProperties().getCreated()).isNull();
        }
    }

    /** Each part of the package by name; the zip's own timestamps are left out. */
    private static Map<String, String> entries(byte[] bytes) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }

    @Test
    void textPastWhatACellHoldsIsCutNotACrash() throws Exception {
        String longName = "x".repeat(40_000);
        ObjectNode batch = JSON.createObjectNode().put("year", 2024);
        batch.putArray("nominations").add(((ObjectNode) JSON.readTree(BAD)).put(longName, 1));
        Evaluation broken = evaluate(batch);
        try (XSSFWorkbook workbook = workbook(xlsxOf(broken))) {
            Cell field = rowOf(workbook.getSheet("Rejected"), 3, "unknown field").getCell(2);
            assertThat(field.getStringCellValue()).hasSize(32_767).startsWith("xxx").endsWith("…");
        }
    }
}
