package dvk.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dvk.domain.Batch;
import dvk.domain.FieldError;
import dvk.domain.Indexed;
import dvk.domain.Nomination;
import dvk.domain.RejectedRecord;
import dvk.testing.XlsxFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxBatchReaderTest {
    private static final Path SAMPLE = Path.of("fixtures/samples/gia-lam-2024.json");

    @TempDir
    Path temp;

    /** The sample's 60 records (46 models, then 14 works) as a committee's workbook. */
    private XlsxFile sample;

    @BeforeEach
    void sample() throws IOException {
        sample = XlsxFile.fromJson(SAMPLE);
    }

    private Batch read(XlsxFile file) throws Exception {
        return BatchReader.read(file.write(temp.resolve("batch.xlsx")));
    }

    private static RejectedRecord rejected(Batch batch, String id) {
        return batch.rejected().stream().filter(r -> id.equals(r.id())).findFirst()
                .orElseThrow(() -> new AssertionError(id + " is not rejected: " + batch.rejected()));
    }

    @Test
    void theSampleAsAWorkbookGivesTheSameBatchAsItsJson() throws Exception {
        Batch xlsx = read(sample);
        Batch json = BatchReader.read(SAMPLE);
        assertThat(xlsx.rejected()).isEmpty();
        assertThat(xlsx.accepted()).hasSize(60);
        assertThat(xlsx).isEqualTo(json);
        Nomination n = xlsx.accepted().get(16).value();
        assertThat(n.name()).isEqualTo("Phụ nữ tự quản tuyến đường hoa thôn Hoàng Long");
        assertThat(n.commune()).isEqualTo("Đặng Xá");
        assertThat(n.startDate()).isEqualTo(LocalDate.of(2022, 3, 1));
    }

    @Test
    void textThatIsNotAWholeNumberRejectsTheRecordNamingRowAndColumn() throws Exception {
        Batch b = read(sample.set(3, "fundsVnd", "abc").set(5, "fundsVnd", "1200").set(6, "fundsVnd", "12,5"));
        assertThat(b.rejected()).extracting(RejectedRecord::index).containsExactly(3, 6);
        assertThat(rejected(b, "GL-2024-004").errors())
                .containsExactly(new FieldError("fundsVnd", "expected a whole number, got \"abc\" (row 5, column M)"));
        assertThat(rejected(b, "GL-2024-007").errors())
                .containsExactly(new FieldError("fundsVnd", "expected a whole number, got \"12,5\" (row 8, column M)"));
        // digits typed as text are a whole number, as committees type them
        assertThat(b.accepted().get(4).value().fundsVnd()).isEqualTo(1200);
        assertThat(b.accepted()).hasSize(58);
        assertThat(b.records()).isEqualTo(60);
    }

    @Test
    void anUnknownColumnIsAFileErrorThatSuggestsTheNearest() throws Exception {
        assertThatThrownBy(() -> read(sample.renameColumn("fundsVnd", "fundVnd")))
                .isInstanceOf(BatchException.class)
                .hasMessageStartingWith("row 1: unknown column in the header row: \"fundVnd\": did you mean fundsVnd?"
                        + " (the columns are: year, id, modelCode, name, type,");
        assertThatThrownBy(() -> read(fresh().addColumn("ghiChu").set(2, "ghiChu", "xem lại")))
                .hasMessageStartingWith("row 1: unknown column in the header row: \"ghiChu\": did you mean Ghi chú?");
    }

    @Test
    void aValueUnderAnEmptyHeaderCellRejectsItsRow() throws Exception {
        Batch b = read(sample.addColumn(" ").set(0, " ", 5));
        assertThat(rejected(b, "GL-2024-001").errors())
                .containsExactly(new FieldError("column Y", "a value in a column without a header (row 2, column Y)"));
        assertThat(b.accepted()).hasSize(59);
    }

    @Test
    void datesComeFromDateCellsOrIsoOrDayFirstTextButNotFromPlainNumbers() throws Exception {
        sample.set(0, "startDate", "2020-05-01")
                .set(1, "startDate", 43709) // 2019-09-01 as Excel's serial, without a date format
                .set(2, "startDate", "01/03/2018")
                .set(3, "startDate", "2017-02-30")
                .set(5, "startDate", "30/02/2017");
        Batch b = read(sample);
        assertThat(b.accepted().get(0).value().startDate()).isEqualTo(LocalDate.of(2020, 5, 1));
        assertThat(b.accepted().get(1).value().startDate()).isEqualTo(LocalDate.of(2018, 3, 1)); // day first, never month first
        assertThat(b.accepted().get(2).value().startDate()).isEqualTo(LocalDate.of(2016, 4, 1)); // a date cell
        assertThat(rejected(b, "GL-2024-002").errors()).containsExactly(
                new FieldError("startDate", "expected a date dd/mm/yyyy or yyyy-mm-dd, got 43709 (row 3, column K)"));
        assertThat(rejected(b, "GL-2024-004").errors())
                .containsExactly(new FieldError("startDate", "\"2017-02-30\" is not a real date (row 5, column K)"));
        assertThat(rejected(b, "GL-2024-006").errors())
                .containsExactly(new FieldError("startDate", "\"30/02/2017\" is not a real date (row 7, column K)"));
    }

    @Test
    void aDateCellWithATimeOfDayIsNotADate() throws Exception {
        Batch b = read(sample.limit(1).set(0, "startDate", LocalDateTime.of(2020, 5, 1, 10, 30)));
        assertThat(b.rejected()).singleElement().satisfies(r -> assertThat(r.errors()).containsExactly(
                new FieldError("startDate", "expected a date dd/mm/yyyy or yyyy-mm-dd, got \"2020-05-01T10:30\" (row 2, column K)")));
    }

    @Test
    void aFieldThatDoesNotApplyIsStillCheckedForItsFormat() throws Exception {
        Batch b = read(sample.limit(1).set(0, "completedDate", "x"));
        assertThat(b.rejected()).singleElement().satisfies(r -> assertThat(r.errors()).containsExactly(
                new FieldError("completedDate", "expected a date dd/mm/yyyy or yyyy-mm-dd, got \"x\" (row 2, column L)")));
    }

    @Test
    void aFractionWhereAWholeNumberIsNeededIsRejectedAndPercentsKeepTheirDecimals() throws Exception {
        Batch b = read(sample.limit(3).set(0, "fundsVnd", 12.5).set(1, "approvalPercent", 96.5));
        assertThat(b.rejected()).singleElement().satisfies(r -> assertThat(r.errors())
                .containsExactly(new FieldError("fundsVnd", "expected a whole number, got 12.5 (row 2, column M)")));
        assertThat(b.accepted().get(0).value().approvalPercent()).isEqualByComparingTo("96.5");
    }

    @Test
    void hugeNumbersAreNeitherClampedNorRounded() throws Exception {
        Batch b = read(sample.limit(3).set(0, "fundsVnd", new BigInteger("100000000000000000000"))
                .set(1, "fundsVnd", 1234567890123456789L));
        assertThat(rejected(b, "GL-2024-001").errors())
                .containsExactly(new FieldError("fundsVnd", "number 100000000000000000000 is beyond 64 bits (row 2, column M)"));
        assertThat(rejected(b, "GL-2024-002").errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("fundsVnd");
            assertThat(e.message()).startsWith("number 12345678901234567").contains("more than 15 digits")
                    .endsWith("(row 3, column M)");
        });
        assertThat(b.accepted()).hasSize(1);
    }

    @Test
    void booleansFormulasAndListsAsInCsv() throws Exception {
        sample.limit(4)
                .set(0, "dossier.report", "true")
                .set(0, "fundsVnd", new XlsxFile.Formula("185*1000000"))
                .set(1, "dossier.confirmation", "yes")
                .set(2, "priorRecognitions", "2020:COMMUNE:COMMUNE_MODEL;2022-DISTRICT")
                .set(3, "priorRecognitions", "2020:COMMUNE:COMMUNE_MODEL;20x:DISTRICT:DISTRICT_MODEL");
        Batch b = read(sample);
        assertThat(b.accepted()).singleElement().satisfies(a -> {
            assertThat(a.value().fundsVnd()).isEqualTo(185_000_000L);
            assertThat(a.value().dossier().report()).isTrue();
        });
        assertThat(rejected(b, "GL-2024-002").errors()).containsExactly(new FieldError("dossier.confirmation",
                "expected Có or Không (or x, true, false), got \"yes\" (row 3, column W)"));
        assertThat(rejected(b, "GL-2024-003").errors()).containsExactly(new FieldError("priorRecognitions[1]",
                "expected year:level:title, got \"2022-DISTRICT\" (row 4, column T)"));
        assertThat(rejected(b, "GL-2024-004").errors()).containsExactly(new FieldError("priorRecognitions[1].year",
                "expected a whole number, got \"20x\" (row 5, column T)"));
    }

    @Test
    void blankRowsAndCellsAreSkippedAndRowNumbersStayThoseOfTheSheet() throws Exception {
        Batch b = read(sample.limit(3).blankRowBefore(1).set(2, "name", "  ").set(3, "totalValueVnd", ""));
        assertThat(b.records()).isEqualTo(3);
        assertThat(b.rejected()).singleElement().satisfies(r -> {
            assertThat(r.index()).isEqualTo(1);
            assertThat(r.errors()).containsExactly(new FieldError("name", "required field is missing (row 4, column C)"));
        });
    }

    @Test
    void aMissingColumnIsNamedWhenARequiredFieldIsMissing() throws Exception {
        Batch b = read(sample.removeColumn("dossier.acceptance"));
        assertThat(b.accepted()).hasSize(46);
        assertThat(rejected(b, "GL-2024-047").errors()).containsExactly(new FieldError("dossier.acceptance",
                "required field is missing (row 48, no \"dossier.acceptance\" column)"));
    }

    @Test
    void aDuplicateIdNamesTheCellOfTheLaterOne() throws Exception {
        Batch b = read(sample.limit(2).set(1, "id", "GL-2024-001"));
        assertThat(b.rejected()).singleElement().satisfies(r -> assertThat(r.errors()).containsExactly(
                new FieldError("id", "duplicate id \"GL-2024-001\", first used by record 0 (row 3, column B)")));
    }

    @Test
    void batchErrorsAreOneLineNamingTheProblem() throws Exception {
        assertBatchError(fresh().renameColumn("name", "id"),
                "row 1: column \"id\" appears twice in the header row (columns B and C)");
        assertBatchError(fresh().removeColumn("year"), "row 1: the header row needs a \"year\" column");
        assertBatchError(fresh().set(4, "year", 2023),
                "row 6: year 2023 differs from 2024 of the rows before; a batch has one year");
        assertBatchError(fresh().set(4, "year", "2024a"),
                "row 6, column A: the year column needs a whole number from 1 to 9999, got text \"2024a\"");
        assertBatchError(fresh().set(0, "year", null),
                "row 2, column A: the year column needs a whole number from 1 to 9999, got an empty cell");
        assertBatchError(fresh().limit(0),
                "the sheet \"Đề cử\" has a header but no rows: the batch year cannot be read");
        assertBatchError(XlsxFile.of(XlsxFile.COLUMNS.subList(0, 0)), "no sheet of the workbook has a header row in its"
                + " first 30 rows: expected a row naming the columns, such as year (Năm xét), id (Mã hồ sơ), name (Tên mô hình, công trình), …");
    }

    private static XlsxFile fresh() throws IOException {
        return XlsxFile.fromJson(SAMPLE);
    }

    private void assertBatchError(XlsxFile file, String message) {
        assertThatThrownBy(() -> read(file)).isInstanceOf(BatchException.class).hasMessage(message);
    }

    @Test
    void aWorkbookWithoutSheetsIsABatchError() throws Exception {
        Path file = temp.resolve("empty.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            workbook.write(out);
        }
        assertThatThrownBy(() -> BatchReader.read(file))
                .hasMessage("the workbook has no sheet: expected the nominations on the first sheet");
    }

    @Test
    void filesThatAreNotXlsxAreBatchErrorsOfOneLine() throws Exception {
        Path csv = Files.writeString(temp.resolve("renamed.xlsx"), "year,id\n2024,GL-1\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> BatchReader.read(csv))
                .hasMessage("not an XLSX file: expected an Excel workbook saved as .xlsx");

        Path empty = Files.write(temp.resolve("empty.xlsx"), new byte[0]);
        assertThatThrownBy(() -> BatchReader.read(empty))
                .hasMessage("not an XLSX file: expected an Excel workbook saved as .xlsx");

        byte[] whole = Files.readAllBytes(sample.write(temp.resolve("whole.xlsx")));
        Path truncated = Files.write(temp.resolve("truncated.xlsx"), Arrays.copyOf(whole, whole.length / 2));
        assertThatThrownBy(() -> BatchReader.read(truncated)).isInstanceOf(BatchException.class)
                .satisfies(e -> assertThat(e.getMessage()).startsWith("not").doesNotContain("\n"));

        Path xls = temp.resolve("old.xlsx");
        try (HSSFWorkbook workbook = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(xls)) {
            workbook.createSheet("Sheet1");
            workbook.write(out);
        }
        assertThatThrownBy(() -> BatchReader.read(xls)).hasMessage("not an XLSX file: an old .xls workbook or a"
                + " password-protected one; save it as .xlsx without a password");
    }

    @Test
    void aZipBombIsRefusedWithAClearMessage() throws Exception {
        // a few kilobytes that inflate to 50 MB: POI's ZipSecureFile refuses the ratio before it inflates it all
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            byte[] spaces = new byte[1 << 20];
            Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 50; i++) zip.write(spaces);
            zip.closeEntry();
        }
        Path bomb = Files.write(temp.resolve("bomb.xlsx"), bytes.toByteArray());
        assertThatThrownBy(() -> BatchReader.read(bomb)).hasMessage("refused: the XLSX file expands to far more than"
                + " a spreadsheet of nominations does (a damaged file or a zip bomb)");
    }

    @Test
    void anOldXlsFileIsNamedAsSuch() throws Exception {
        Path xls = Files.write(temp.resolve("batch.xls"), new byte[] {1});
        assertThatThrownBy(() -> BatchReader.read(xls)).hasMessage("an old .xls workbook: save it as .xlsx");
        Path ods = Files.write(temp.resolve("batch.ods"), new byte[] {1});
        assertThatThrownBy(() -> BatchReader.read(ods))
                .hasMessage("unknown input format: expected a .json, .csv or .xlsx file");
    }

    @Test
    void indexedRecordsKeepTheirOrder() throws Exception {
        Batch b = read(sample);
        assertThat(b.accepted()).extracting(Indexed::index).containsExactlyElementsOf(
                java.util.stream.IntStream.range(0, 60).boxed().toList());
    }
}
