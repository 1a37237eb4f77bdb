package dvk.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dvk.domain.Batch;
import dvk.domain.Decision;
import dvk.domain.FieldOfWork;
import dvk.domain.Kind;
import dvk.domain.Level;
import dvk.domain.Nomination;
import dvk.domain.NominationType;
import dvk.domain.Warning;
import dvk.engine.Evaluation;
import dvk.engine.Evaluator;
import dvk.testing.TestRules;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What committees type, read as the clean sample: a workbook with every mistake of issue 13 decides
 * exactly as {@code fixtures/samples/gia-lam-2024.json} does, saying which spellings it took for one;
 * CSV files as Excel saves them read the same; a note on one row changes no other row's titles.
 */
class CommitteeFormsTest {
    private static final Path SAMPLE = Path.of("fixtures/samples/gia-lam-2024.json");
    private static final Path SAMPLE_CSV = Path.of("fixtures/samples/gia-lam-2024.csv");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    /** What the rules decided, without the nominations they decided it for. */
    private record Outcome(int index, String id, Object score, Object awards, Object notAwarded) {
        static Outcome of(Decision d) {
            return new Outcome(d.index(), d.nomination().id(), d.score(), d.awards(), d.notAwarded());
        }
    }

    private static List<Outcome> outcomes(Evaluation evaluation) {
        return evaluation.decisions().stream().map(Outcome::of).toList();
    }

    private static Evaluation evaluate(Batch batch) {
        return new Evaluator(TestRules.standard()).evaluate(batch);
    }

    /** A nomination as the clean sample has it, its notes aside. */
    private static Nomination withoutNotes(Nomination n) {
        return new Nomination(n.id(), n.name(), n.type(), n.kind(), n.field(), n.sponsor(), n.commune(), n.district(),
                n.city(), n.startDate(), n.completedDate(), n.fundsVnd(), n.laborDays(), n.beneficiaries(),
                n.replicationSites(), n.approvalPercent(), n.totalValueVnd(), n.peopleContributionVnd(),
                n.priorRecognitions(), n.violations(), n.dossier(), n.modelCode(), null);
    }

    private static String nfd(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD);
    }

    @Test
    void aWorkbookWithEveryMistakeDecidesAsTheCleanSampleAndSaysWhatItMerged() throws Exception {
        Batch clean = BatchReader.read(SAMPLE);
        JsonNode sample = JSON.readTree(SAMPLE.toFile());
        Path file = temp.resolve("gia-lam-2024-viet.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet help = workbook.createSheet("Hướng dẫn");
            help.createRow(0).createCell(0).setCellValue("Hướng dẫn điền danh sách");
            help.createRow(1).createCell(0).setCellValue("Ghi chú");
            help.getRow(1).createCell(1).setCellValue("ghi gì cũng được, không dùng để xét");
            Sheet data = workbook.createSheet("Danh sách");
            data.createRow(0).createCell(0).setCellValue("DANH SÁCH ĐỀ NGHỊ CÔNG NHẬN \"DÂN VẬN KHÉO\" NĂM 2024");
            List<Column> columns = Column.all();
            Row header = data.createRow(2);
            for (int c = 0; c < columns.size(); c++) {
                // Vietnamese headers, one in upper case and decomposed, one with a line break in it
                String name = columns.get(c).vietnamese();
                if (columns.get(c) == Column.DISTRICT) name = nfd(name.toUpperCase(java.util.Locale.ROOT));
                if (columns.get(c) == Column.FUNDS_VND) name = "Kinh phí huy động\n(đồng)";
                header.createCell(c).setCellValue(name);
            }
            org.apache.poi.ss.usermodel.CellStyle percentStyle = workbook.createCellStyle();
            percentStyle.setDataFormat(workbook.createDataFormat().getFormat("0%"));
            int r = 3;
            for (JsonNode n : sample.get("nominations")) {
                int i = r - 3;
                Row row = data.createRow(r++);
                for (int c = 0; c < columns.size(); c++) {
                    String cell = typed(columns.get(c), n, sample.get("year").intValue());
                    if (cell == null) continue;
                    if (columns.get(c) == Column.DISTRICT) {
                        cell = switch (i) {
                            case 4 -> "huyện Gia Lâm";
                            case 6 -> "Gia Lâm ";
                            case 8 -> nfd("Gia Lâm");
                            default -> cell;
                        };
                    }
                    if (columns.get(c) == Column.NAME && i % 5 == 0) cell = nfd(cell) + "  ";
                    if (columns.get(c) == Column.NOTES) continue;
                    if (columns.get(c) == Column.APPROVAL_PERCENT && i == 20) {
                        // 92% typed in a percentage cell: stored as 0.92
                        org.apache.poi.ss.usermodel.Cell percent = row.createCell(c);
                        percent.setCellValue(n.get("approvalPercent").doubleValue() / 100);
                        percent.setCellStyle(percentStyle);
                        continue;
                    }
                    row.createCell(c).setCellValue(cell);
                }
                if (i == 10) row.createCell(columns.indexOf(Column.NOTES)).setCellValue("Hồ sơ bổ sung sau, xem lại kinh phí");
            }
            workbook.write(out);
        }

        Batch messy = BatchReader.read(file);

        assertThat(messy.rejected()).isEmpty();
        assertThat(messy.accepted()).hasSize(60);
        for (int i = 0; i < 60; i++) {
            assertThat(withoutNotes(messy.accepted().get(i).value())).as("record %d", i)
                    .isEqualTo(clean.accepted().get(i).value());
        }
        assertThat(messy.accepted().get(10).value().notes()).isEqualTo("Hồ sơ bổ sung sau, xem lại kinh phí");
        assertThat(outcomes(evaluate(messy))).isEqualTo(outcomes(evaluate(clean)));
        assertThat(messy.warnings()).filteredOn(w -> w.kind().equals(Warning.NAME_MERGED))
                .extracting(w -> Phrases.english(w.message()), Warning::ids)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("district \"huyện Gia Lâm\" (1 record) counted as \"Gia Lâm\" (59)",
                                List.of("GL-2024-005")),
                        org.assertj.core.groups.Tuple.tuple("district \"Gia Lâm \" (1 record) counted as \"Gia Lâm\" (59)",
                                List.of("GL-2024-007")),
                        org.assertj.core.groups.Tuple.tuple("district \"" + nfd("Gia Lâm")
                                + "\" (typed in decomposed Unicode) (1 record) counted as \"Gia Lâm\" (59)", List.of("GL-2024-009")));
    }

    /** A sample record's cell as a committee types it: Vietnamese words, dd/mm/yyyy, 1.200.000. */
    private static String typed(Column column, JsonNode n, int year) {
        JsonNode value = column.field().startsWith("dossier.")
                ? n.path("dossier").get(column.field().substring("dossier.".length())) : n.get(column.field());
        if (column == Column.YEAR) return Integer.toString(year);
        if (value == null || value.isNull()) return null;
        return switch (column.form()) {
            case CHOICE -> CommitteeValues.vietnamese(column == Column.TYPE ? NominationType.valueOf(value.asText())
                    : column == Column.KIND ? Kind.valueOf(value.asText()) : FieldOfWork.valueOf(value.asText()));
            case YES_NO -> value.booleanValue() ? (n.get("id").asText().endsWith("3") ? "x" : "Có") : "Không";
            case DATE -> {
                LocalDate date = LocalDate.parse(value.asText());
                yield String.format("%02d/%02d/%d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
            }
            case WHOLE -> String.format(java.util.Locale.GERMANY, "%,d", value.longValue()); // 1.200.000
            case PERCENT -> value.decimalValue().toPlainString().replace('.', ',');
            case LIST -> list(column, value);
            default -> value.asText();
        };
    }

    private static String list(Column column, JsonNode entries) {
        StringJoiner list = new StringJoiner(";");
        for (JsonNode e : entries) {
            list.add(column == Column.PRIOR_RECOGNITIONS
                    ? e.get("year").asText() + ":" + CommitteeValues.vietnamese(Level.valueOf(e.get("level").asText())) + ":"
                            + e.get("title").asText()
                    : e.get("year").asText() + (e.hasNonNull("description") ? ":" + e.get("description").asText() : ""));
        }
        return list.toString();
    }

    @Test
    void csvAsExcelSavesItReadsAsTheSampleWhateverItsSeparatorAndEncoding() throws Exception {
        Batch utf8 = BatchReader.read(SAMPLE_CSV);
        List<String> lines = Files.readAllLines(SAMPLE_CSV, StandardCharsets.UTF_8);
        String semicolons = resplit(lines, ';');
        String tabs = resplit(lines, '\t');
        Map<String, byte[]> variants = Map.of(
                "semicolons.csv", semicolons.getBytes(StandardCharsets.UTF_8),
                "tabs.csv", tabs.getBytes(StandardCharsets.UTF_8),
                "utf16le.csv", withBom(semicolons, StandardCharsets.UTF_16LE, new byte[] {(byte) 0xFF, (byte) 0xFE}),
                "utf16be.csv", withBom(tabs, StandardCharsets.UTF_16BE, new byte[] {(byte) 0xFE, (byte) 0xFF}),
                "title.csv", ("DANH SÁCH ĐỀ NGHỊ NĂM 2024;;;;\n;;;;\n" + semicolons + ";;;;;;;;;;;;;;;;;;;;;;;\n")
                        .getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, byte[]> variant : variants.entrySet()) {
            Path file = Files.write(temp.resolve(variant.getKey()), variant.getValue());
            Batch read = BatchReader.read(file);
            assertThat(read.accepted()).as(variant.getKey()).isEqualTo(utf8.accepted());
            assertThat(read.rejected()).as(variant.getKey()).isEmpty();
        }
    }

    /** The CSV lines with another separator, each cell quoted (the names hold commas). */
    private static String resplit(List<String> lines, char separator) throws IOException {
        var reader = new com.fasterxml.jackson.dataformat.csv.CsvMapper().readerFor(String[].class)
                .with(com.fasterxml.jackson.dataformat.csv.CsvParser.Feature.WRAP_AS_ARRAY);
        StringBuilder out = new StringBuilder();
        try (var rows = reader.<String[]>readValues(String.join("\n", lines).replace("\uFEFF", ""))) {
            while (rows.hasNextValue()) {
                StringJoiner row = new StringJoiner(String.valueOf(separator));
                for (String cell : rows.nextValue()) row.add(cell.isEmpty() ? "" : "\"" + cell.replace("\"", "\"\"") + "\"");
                out.append(row).append("\r\n");
            }
        }
        return out.toString();
    }

    private static byte[] withBom(String text, Charset charset, byte[] bom) {
        byte[] body = text.getBytes(charset);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, bom.length);
        System.arraycopy(body, 0, all, bom.length, body.length);
        return all;
    }

    @Test
    void aCsvInWindows1258IsRefusedSayingHowToSaveIt() throws Exception {
        Charset windows1258 = Charset.forName("windows-1258");
        String text = Files.readString(SAMPLE_CSV, StandardCharsets.UTF_8).replace("\uFEFF", "");
        Path file = Files.write(temp.resolve("ansi.csv"), text.getBytes(windows1258));
        assertThatThrownBy(() -> BatchReader.read(file)).isInstanceOf(BatchException.class)
                .hasMessageStartingWith("the CSV file is not valid UTF-8 at line 2: it seems saved as Windows-1258")
                .hasMessageContaining("save it as \"CSV UTF-8\"");
        Path utf16 = Files.write(temp.resolve("utf16.csv"), text.getBytes(StandardCharsets.UTF_16LE));
        assertThatThrownBy(() -> BatchReader.read(utf16))
                .hasMessageStartingWith("the CSV file seems to be UTF-16 without a byte order mark: save it as \"CSV UTF-8\"");
    }

    @Test
    void unknownColumnsAreFileErrorsSuggestingTheNearestInEitherFormat() throws Exception {
        String header = Files.readAllLines(SAMPLE_CSV, StandardCharsets.UTF_8).get(0).replace("\uFEFF", "");
        Path csv = Files.writeString(temp.resolve("typo.csv"), header.replace("fundsVnd", "fundVnd")
                .replace("year", "Nam xet").replace("approvalPercent", "tỷ lệ") + "\n");
        assertThatThrownBy(() -> BatchReader.read(csv)).isInstanceOf(BatchException.class)
                .hasMessageStartingWith("line 1: unknown columns in the header row: \"Nam xet\": did you mean Năm xét?,"
                        + " \"fundVnd\": did you mean fundsVnd?, \"tỷ lệ\" (the columns are: year, id, modelCode, name, ")
                .hasMessageEndingWith("dossier.acceptance, notes)");
        assertThat(Column.nearest("Ghi chu")).isEqualTo("Ghi chú");
        assertThat(Column.nearest("Ten mo hinh, cong trinh")).isEqualTo("Tên mô hình, công trình");
        assertThat(Column.nearest("dossier.reports")).isEqualTo("dossier.report");
        assertThat(Column.nearest("số điện thoại")).isNull();
    }

    @Test
    void aNoteOnOneRowChangesNoOtherRowsTitlesInAnyFormat() throws Exception {
        Evaluation clean = evaluate(BatchReader.read(SAMPLE));
        List<String> lines = new ArrayList<>(Files.readAllLines(SAMPLE_CSV, StandardCharsets.UTF_8));
        lines.set(0, lines.get(0) + ",Ghi chú");
        for (int i = 1; i < lines.size(); i++) lines.set(i, lines.get(i) + (i == 11 ? ",\"xem lại, bổ sung ảnh\"" : ","));
        Path csv = Files.write(temp.resolve("notes.csv"), lines, StandardCharsets.UTF_8);
        String json = Files.readString(SAMPLE, StandardCharsets.UTF_8)
                .replaceFirst("\"id\": \"GL-2024-011\",", "\"id\": \"GL-2024-011\", \"notes\": \"xem lại\", \"modelCode\": \"HN-GL-0042\",");
        Path withNotes = Files.writeString(temp.resolve("notes.json"), json);
        for (Path file : List.of(csv, withNotes)) {
            Evaluation noted = evaluate(BatchReader.read(file));
            assertThat(noted.rejected()).as(file.toString()).isEmpty();
            assertThat(outcomes(noted)).as(file.toString()).isEqualTo(outcomes(clean));
        }
        assertThat(BatchReader.read(csv).accepted().get(10).value().notes()).isEqualTo("xem lại, bổ sung ảnh");
        Nomination fromJson = BatchReader.read(withNotes).accepted().get(10).value();
        assertThat(fromJson.notes()).isEqualTo("xem lại");
        assertThat(fromJson.modelCode()).isEqualTo("HN-GL-0042");
    }

    @Test
    void namesThatDifferOnlyInAccentsOrCaseAreCountedApartAndWarnedOf() throws Exception {
        String json = Files.readString(SAMPLE, StandardCharsets.UTF_8);
        json = json.replaceFirst("\"district\": \"Gia Lâm\"", "\"district\": \"Gia Lam\"")
                .replaceFirst("\"district\": \"Gia Lâm\"", "\"district\": \"Quận 1\"");
        Batch batch = BatchReader.read(Files.writeString(temp.resolve("accents.json"), json));
        assertThat(batch.accepted()).extracting(a -> a.value().district()).contains("Gia Lam", "Quận 1");
        assertThat(batch.warnings()).filteredOn(w -> w.kind().equals(Warning.NAME_SIMILAR)).singleElement()
                .satisfies(w -> {
                    assertThat(Phrases.english(w.message())).isEqualTo("districts that differ only in accents or case are"
                            + " counted apart: \"Gia Lâm\" (58 records), \"Gia Lam\" (1 record)");
                    assertThat(w.ids()).containsExactly("GL-2024-001");
                });
    }

    @Test
    void namesAreCleanedAndPlacesLoseTheirPrefixBeforeAnyComparison() {
        assertThat(Names.clean("  Gia\u00A0 Lâm\t")).isEqualTo("Gia Lâm");
        assertThat(Names.clean(nfd("Đặng Xá"))).isEqualTo("Đặng Xá");
        assertThat(Names.place("huyện Gia Lâm")).isEqualTo("Gia Lâm");
        assertThat(Names.place("HUYỆN Gia Lâm")).isEqualTo("Gia Lâm");
        assertThat(Names.place("Thị xã Sơn Tây")).isEqualTo("Sơn Tây");
        assertThat(Names.place("thành phố Thủ Đức")).isEqualTo("Thủ Đức");
        assertThat(Names.place("Thị trấn Yên Viên")).isEqualTo("Yên Viên");
        assertThat(Names.place("quận 1")).isEqualTo("Quận 1");
        assertThat(Names.place("Xã")).isEqualTo("Xã");
        assertThat(Names.place("Xuân Đỉnh")).isEqualTo("Xuân Đỉnh");
        assertThat(Names.folded("Gia Lâm")).isEqualTo(Names.folded("gia lam"));
        assertThat(Names.matchKey("Văn hoá – xã hội")).isEqualTo(Names.matchKey("văn hóa - xã hội"));
    }

    @Test
    void vietnameseValuesAndNumbersAreReadButOtherFormsStayErrors() throws Exception {
        String header = "Năm xét;Mã hồ sơ;Tên mô hình, công trình;Loại;Tập thể hay cá nhân;Lĩnh vực;Đơn vị chủ trì;Xã, phường;"
                + "Quận, huyện;Tỉnh, thành phố;Ngày bắt đầu;Kinh phí huy động (đồng);Ngày công;Tỷ lệ đồng thuận (%);"
                + "Đã được công nhận;Có báo cáo thành tích;Có xác nhận của địa phương\n";
        String good = "2024;M-1;Mô hình một;mô hình;TẬP THỂ;Văn hoá - xã hội;Hội Phụ nữ;xã Đặng Xá;huyện Gia Lâm;Hà Nội;"
                + "1/3/2022;1.200.000;12;92,5;2023:Cấp xã:COMMUNE_MODEL;x;Không\n";
        String bad = "2024;M-2;Mô hình hai;Mô hình;Tập thể;Kinh tế;Hội Nông dân;Đặng Xá;Gia Lâm;Hà Nội;"
                + "03/31/2022;1.2;12,5;101;2023:Cấp ấp:COMMUNE_MODEL;có;yes\n";
        Batch b = BatchReader.read(Files.writeString(temp.resolve("vi.csv"), header + good + bad));
        Nomination n = b.accepted().get(0).value();
        assertThat(n.type()).isEqualTo(NominationType.MODEL);
        assertThat(n.kind()).isEqualTo(Kind.COLLECTIVE);
        assertThat(n.field()).isEqualTo(FieldOfWork.CULTURE_SOCIETY);
        assertThat(n.commune()).isEqualTo("Đặng Xá");
        assertThat(n.district()).isEqualTo("Gia Lâm");
        assertThat(n.startDate()).isEqualTo(LocalDate.of(2022, 3, 1));
        assertThat(n.fundsVnd()).isEqualTo(1_200_000);
        assertThat(n.approvalPercent()).isEqualByComparingTo("92.5");
        assertThat(n.priorRecognitions().get(0).level()).isEqualTo(Level.COMMUNE);
        assertThat(n.dossier().report()).isTrue();
        assertThat(n.dossier().confirmation()).isFalse();
        assertThat(b.rejected()).singleElement().satisfies(r -> assertThat(r.errors()).extracting(e -> e.field() + ": " + e.message())
                .containsExactlyInAnyOrder(
                        "startDate: \"03/31/2022\" is not a real date (line 3)",
                        "fundsVnd: expected a whole number, got \"1.2\" (line 3)",
                        "laborDays: expected a whole number, got \"12,5\" (line 3)",
                        "approvalPercent: must be from 0 to 100, got 101 (line 3)",
                        "priorRecognitions[0].level: \"Cấp ấp\" is not one of COMMUNE, DISTRICT, CITY (Cấp xã, Cấp huyện, Cấp tỉnh) (line 3)",
                        "dossier.confirmation: expected Có or Không (or x, true, false), got \"yes\" (line 3)"));
    }
}
