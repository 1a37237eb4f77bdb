package dvk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dvk.io.RegisterXlsxReader;
import dvk.report.Words;
import dvk.store.Actor;
import dvk.store.Database;
import dvk.store.Register;
import dvk.store.Role;
import dvk.store.Store;
import dvk.store.TestDatabases;
import dvk.store.User;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * Past years' registers imported from a workbook: 10,000 rows of which 50 cannot be read store
 * the 9,950 and list the 50 by their row in the sheet, with the column and the reason in
 * Vietnamese; rows of one model without a code share the code it is given.
 */
class RegisterImportTest {
    private static final List<String> HEADER = List.of("Mã mô hình", "Năm", "Cấp", "Danh hiệu", "Tên mô hình, công trình", "Loại",
            "Xã, phường", "Quận, huyện", "Tỉnh, thành phố", "Số quyết định", "Ngày quyết định", "Cơ quan ban hành");
    /** How a broken row is broken: the column and what it holds, by the row's index modulo five. */
    private static final List<Object[]> BREAKS = List.of(
            new Object[] {1, "20x4", "Năm", "register.import.year"},
            new Object[] {10, "31/02/2020", "Ngày quyết định", "register.import.noSuchDate"},
            new Object[] {3, "Huân chương Sao Vàng", "Danh hiệu", "register.import.unknownTitle"},
            new Object[] {2, "Cấp ấp", "Cấp", "register.import.level"},
            new Object[] {4, "", "Tên mô hình, công trình", "register.import.missing"});

    @Test
    void tenThousandRowsWithFiftyBrokenStoreTheRestAndListTheBrokenByRow() throws Exception {
        Map<Integer, Object[]> broken = new LinkedHashMap<>();
        for (int i = 0; i < 50; i++) broken.put(97 + i * 199, BREAKS.get(i % BREAKS.size()));
        byte[] workbook = register(10_000, broken);

        Store store = new Store(TestDatabases.migrated(Database.Kind.H2));
        User user = store.transaction(tx -> tx.users().create("thu", "Thư", "hash", Set.of(Role.SECRETARY), Instant.now()));
        RegisterService service = new RegisterService(store, new RulesInForce(TestWorkspace.rules()), Clock.systemUTC());
        long started = System.nanoTime();
        RegisterService.Imported imported = service.importXlsx(new ByteArrayInputStream(workbook), Actor.of(user, "127.0.0.1"));
        System.out.println("dvk: imported 10,000 register rows in " + (System.nanoTime() - started) / 1_000_000 + " ms");

        assertThat(imported.rows()).isEqualTo(10_000);
        assertThat(imported.stored()).isEqualTo(9_950);
        assertThat(store.<Long>read(tx -> tx.register().count())).isEqualTo(9_950L);
        Map<Integer, List<RegisterXlsxReader.Problem>> byRow = imported.problems().stream()
                .collect(Collectors.groupingBy(RegisterXlsxReader.Problem::row, LinkedHashMap::new, Collectors.toList()));
        // the header is row 1 of the sheet, data row i is row i + 2
        assertThat(byRow.keySet()).containsExactlyElementsOf(broken.keySet().stream().map(i -> i + 2).toList());
        broken.forEach((index, how) -> assertThat(byRow.get(index + 2)).singleElement().satisfies(p -> {
            assertThat(p.column()).isEqualTo(how[2]);
            assertThat(p.key()).isEqualTo(how[3]);
        }));
        RegisterXlsxReader.Problem year = byRow.get(97 + 2).get(0);
        assertThat(Words.vietnamese().text(year.key(), year.arguments().toArray()))
                .isEqualTo("Năm \"20x4\" không hợp lệ: cần bốn chữ số, ví dụ 2024.");
        RegisterXlsxReader.Problem date = byRow.get(97 + 199 + 2).get(0);
        assertThat(Words.vietnamese().text(date.key(), date.arguments().toArray())).isEqualTo("Không có ngày \"31/02/2020\" trên lịch.");

        // every tenth row carries a code of its own; the others, three rows a model, share the code they are given
        List<Register.Entry> first = store.read(tx -> tx.register().search(new Register.Search("Mô hình số 1 thôn", null, null, null, null, 0, 10)))
                .entries();
        assertThat(first).hasSize(3).extracting(Register.Entry::modelCode).containsOnly(first.get(0).modelCode());
        assertThat(store.<List<Register.Entry>>read(tx -> tx.register().model("HN-0000010"))).hasSize(1)
                .allSatisfy(e -> assertThat(e.source()).isEqualTo("IMPORTED"));
        assertThat(store.read(tx -> tx.audit().newest(0, 1)).get(0).action()).isEqualTo("register.import");
    }

    @Test
    void aFileWithAnUnknownColumnOrNoHeaderIsRefusedWhole() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SXSSFWorkbook book = new SXSSFWorkbook()) {
            Sheet sheet = book.createSheet();
            Row header = sheet.createRow(0);
            List<String> columns = new ArrayList<>(HEADER);
            columns.add("Ghi chú riêng");
            for (int c = 0; c < columns.size(); c++) header.createCell(c).setCellValue(columns.get(c));
            book.write(out);
        }
        assertThatThrownBy(() -> RegisterXlsxReader.read(new ByteArrayInputStream(out.toByteArray()), t -> t))
                .isInstanceOfSatisfying(RegisterXlsxReader.Unreadable.class, e -> {
                    assertThat(e.key).isEqualTo("register.import.unknownColumn");
                    assertThat(e.arguments).containsExactly("Ghi chú riêng");
                });
        assertThatThrownBy(() -> RegisterXlsxReader.read(new ByteArrayInputStream("not a workbook".getBytes()), t -> t))
                .isInstanceOf(RegisterXlsxReader.Unreadable.class);
    }

    /** A register of {@code rows} titles, with a title on each row and the rows in {@code broken} broken as they say. */
    static byte[] register(int rows, Map<Integer, Object[]> broken) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SXSSFWorkbook book = new SXSSFWorkbook(500)) {
            Sheet sheet = book.createSheet("Sổ đăng ký");
            CellStyle dates = book.createCellStyle();
            dates.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            Row header = sheet.createRow(0);
            for (int c = 0; c < HEADER.size(); c++) header.createCell(c).setCellValue(HEADER.get(c));
            String[] titles = {"DISTRICT_MODEL", "Giấy khen của Chủ tịch UBND huyện", "CITY_MODEL", "district_work_sign"};
            for (int i = 0; i < rows; i++) {
                Row row = sheet.createRow(i + 1);
                int model = i / 3;
                if (i % 10 == 0) row.createCell(0).setCellValue(String.format("HN-%07d", i));
                row.createCell(1).setCellValue(2015 + i % 10);
                row.createCell(2).setCellValue(i % 4 == 2 ? "Cấp tỉnh" : "Cấp huyện");
                row.createCell(3).setCellValue(titles[i % 4]);
                row.createCell(4).setCellValue("Mô hình số " + model + " thôn Đào Xuyên");
                row.createCell(5).setCellValue(model % 4 == 3 ? "Công trình" : "Mô hình");
                row.createCell(6).setCellValue("Xã Đa Tốn");
                row.createCell(7).setCellValue("Huyện Gia Lâm");
                row.createCell(8).setCellValue("Hà Nội");
                row.createCell(9).setCellValue((100 + i % 50) + "/QĐ-UBND");
                var date = row.createCell(10);
                date.setCellValue(LocalDate.of(2015 + i % 10, 12, 15));
                date.setCellStyle(dates);
                row.createCell(11).setCellValue("UBND huyện Gia Lâm");
                Object[] how = broken.get(i);
                if (how != null) {
                    if (((String) how[1]).isEmpty()) row.removeCell(row.getCell((Integer) how[0]));
                    else row.createCell((Integer) how[0]).setCellValue((String) how[1]);
                }
            }
            book.write(out);
        }
        return out.toByteArray();
    }
}
