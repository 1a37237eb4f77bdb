package dvk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dvk.domain.FieldOfWork;
import dvk.domain.Kind;
import dvk.domain.Level;
import dvk.domain.NominationType;
import dvk.io.Column;
import dvk.io.CommitteeValues;
import dvk.report.NominationTemplate;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.StringJoiner;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dvk template}: the workbook committees fill, which evaluates as it is once filled. */
class TemplateCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private Path template() {
        Path out = temp.resolve("mau-de-nghi.xlsx");
        CommandRun run = CommandRun.of("template", "--year", "2024", "--rules", "rules", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).startsWith("dvk: mẫu đề nghị năm 2024 (rules/2024-2025) → ");
        return out;
    }

    @Test
    void theTemplateHasVietnameseHeadersInstructionsDropDownsFormatsAndAnExample() throws Exception {
        try (InputStream in = Files.newInputStream(template()); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            assertThat(workbook.getSheetName(0)).isEqualTo("Hướng dẫn");
            XSSFSheet data = workbook.getSheet("Đề nghị");
            assertThat(workbook.getActiveSheetIndex()).isEqualTo(workbook.getSheetIndex(data));
            List<Column> columns = Column.all();
            Row headers = data.getRow(NominationTemplate.HEADER_ROW);
            Row fields = data.getRow(NominationTemplate.HEADER_ROW + 1);
            for (int c = 0; c < columns.size(); c++) {
                assertThat(headers.getCell(c).getStringCellValue()).isEqualTo(columns.get(c).vietnamese());
                assertThat(fields.getCell(c).getStringCellValue()).isEqualTo(columns.get(c).field());
            }
            assertThat(headers.getCell(0).getStringCellValue()).isEqualTo("Năm xét");
            List<? extends DataValidation> validations = data.getDataValidations();
            assertThat(validations).extracting(v -> v.getRegions().getCellRangeAddress(0).getFirstColumn())
                    .contains(columns.indexOf(Column.TYPE), columns.indexOf(Column.KIND), columns.indexOf(Column.FIELD),
                            columns.indexOf(Column.DOSSIER_REPORT), columns.indexOf(Column.PRIOR_RECOGNITIONS));
            Sheet lists = workbook.getSheet("lists");
            assertThat(workbook.isSheetHidden(workbook.getSheetIndex(lists))).isTrue();
            StringBuilder all = new StringBuilder();
            for (Row row : lists) for (Cell cell : row) all.append(cell.getStringCellValue()).append('|');
            assertThat(all.toString()).contains("Mô hình|", "Tập thể|", "Văn hóa - xã hội|", "Có|", "Không|",
                    "2023:Cấp huyện:DISTRICT_MODEL|", "2023:Cấp tỉnh:CITY_BANG_KHEN|", "2021:Cấp xã:COMMUNE_MODEL|");
            Row example = data.getRow(NominationTemplate.FIRST_DATA_ROW);
            Cell start = example.getCell(columns.indexOf(Column.START_DATE));
            assertThat(start.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2022, 3, 1));
            assertThat(start.getCellStyle().getDataFormatString()).isEqualTo("dd/mm/yyyy");
            CellStyle funds = example.getCell(columns.indexOf(Column.FUNDS_VND)).getCellStyle();
            assertThat(funds.getDataFormatString()).isEqualTo("#,##0");
            assertThat(example.getCell(columns.indexOf(Column.TYPE)).getStringCellValue()).isEqualTo("Mô hình");
        }
    }

    @Test
    void theTemplateAsWrittenEvaluatesItsExample() throws Exception {
        CommandRun run = CommandRun.of("evaluate", template().toString(), "--rules", "rules");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode out = JSON.readTree(run.out());
        assertThat(out.at("/summary/decided").asInt()).isEqualTo(1);
        assertThat(out.at("/decisions/0/id").asText()).isEqualTo("VD-2024-001");
        assertThat(out.at("/decisions/0/notes").asText()).startsWith("Hàng ví dụ");
    }

    @Test
    void theTemplateFilledWithTheSampleDecidesAsTheSample() throws Exception {
        Path template = template();
        JsonNode sample = JSON.readTree(Path.of("fixtures/samples/gia-lam-2024.json").toFile());
        Path filled = temp.resolve("filled.xlsx");
        try (InputStream in = Files.newInputStream(template); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet data = workbook.getSheet("Đề nghị");
            CellStyle date = data.getRow(NominationTemplate.FIRST_DATA_ROW)
                    .getCell(Column.all().indexOf(Column.START_DATE)).getCellStyle();
            int r = NominationTemplate.FIRST_DATA_ROW;
            for (JsonNode n : sample.get("nominations")) {
                Row row = data.getRow(r) != null ? data.getRow(r) : data.createRow(r);
                r++;
                List<Column> columns = Column.all();
                for (int c = 0; c < columns.size(); c++) {
                    Cell old = row.getCell(c);
                    if (old != null) row.removeCell(old);
                    fill(row, c, columns.get(c), n, date);
                }
            }
            try (OutputStream out = Files.newOutputStream(filled)) {
                workbook.write(out);
            }
        }
        CommandRun fromTemplate = CommandRun.of("evaluate", filled.toString(), "--rules", "rules");
        CommandRun fromJson = CommandRun.of("evaluate", "fixtures/samples/gia-lam-2024.json", "--rules", "rules");
        assertThat(fromTemplate.exitCode()).as(fromTemplate.err()).isZero();
        assertThat(JSON.readTree(fromTemplate.out()).get("decisions")).isEqualTo(JSON.readTree(fromJson.out()).get("decisions"));
    }

    /** A sample record's cell as a committee fills the template: the drop-downs' words, real dates and numbers. */
    private static void fill(Row row, int c, Column column, JsonNode n, CellStyle date) {
        JsonNode value = column.field().startsWith("dossier.")
                ? n.path("dossier").get(column.field().substring("dossier.".length())) : n.get(column.field());
        if (column == Column.YEAR) {
            row.createCell(c).setCellValue(2024);
            return;
        }
        if (value == null || value.isNull()) return;
        Cell cell = row.createCell(c);
        switch (column.form()) {
            case CHOICE -> cell.setCellValue(CommitteeValues.vietnamese(column == Column.TYPE
                    ? NominationType.valueOf(value.asText()) : column == Column.KIND ? Kind.valueOf(value.asText())
                    : FieldOfWork.valueOf(value.asText())));
            case YES_NO -> cell.setCellValue(value.booleanValue() ? CommitteeValues.YES : CommitteeValues.NO);
            case DATE -> {
                cell.setCellValue(LocalDate.parse(value.asText()));
                cell.setCellStyle(date);
            }
            case WHOLE, PERCENT -> cell.setCellValue(value.doubleValue());
            case LIST -> {
                StringJoiner list = new StringJoiner(";");
                for (JsonNode e : value) {
                    list.add(column == Column.PRIOR_RECOGNITIONS
                            ? e.get("year").asText() + ":" + CommitteeValues.vietnamese(Level.valueOf(e.get("level").asText()))
                                    + ":" + e.get("title").asText()
                            : e.get("year").asText() + (e.hasNonNull("description") ? ":" + e.get("description").asText() : ""));
                }
                cell.setCellValue(list.toString());
            }
            default -> cell.setCellValue(value.asText());
        }
    }

    @Test
    void theTemplateNeedsAFileAndARuleSetForItsYear() {
        assertThat(CommandRun.of("template", "--year", "2024").err()).contains("give --out FILE.xlsx");
        CommandRun none = CommandRun.of("template", "--year", "1999", "--rules", "rules", "--out", temp.resolve("t.xlsx").toString());
        assertThat(none.exitCode()).isEqualTo(ExitCodes.RULES);
        assertThat(none.err()).contains("no rule set applies to 1999");
        CommandRun english = CommandRun.of("template", "--year", "2026", "--rules", "rules", "--lang", "en",
                "--out", temp.resolve("en.xlsx").toString());
        assertThat(english.err()).startsWith("dvk: nomination template for 2026 (rules/2026) → ");
    }
}
