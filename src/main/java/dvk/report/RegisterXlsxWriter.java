package dvk.report;

import dvk.domain.Level;
import dvk.domain.NominationType;
import dvk.io.CommitteeValues;
import dvk.io.RegisterXlsxReader;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The award register as a workbook: one row a title, the data contract's register columns under
 * their Vietnamese headers (the field names in English), values as committees write them; the file
 * reads back through {@link RegisterXlsxReader}. Written as rows come, for a register of any size.
 */
public final class RegisterXlsxWriter implements AutoCloseable {
    /** One row, as the register holds it. */
    public record Line(String modelCode, int year, String level, String title, String name, String type, String commune,
                       String district, String city, String decisionNumber, LocalDate decisionDate, String issuer) {}

    private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);
    private final Sheet sheet;
    private final Words words;
    private final Function<String, String> titleName;
    private final CellStyle date;
    private int next = 1;

    /** {@code titleName}: a title's name in the words' language, from the rule sets (its code when none knows it). */
    public RegisterXlsxWriter(Words words, Function<String, String> titleName) {
        this.words = words;
        this.titleName = titleName;
        this.sheet = workbook.createSheet(words.text("register.sheet"));
        CellStyle bold = workbook.createCellStyle();
        Font font = workbook.createFont();
        font.setBold(true);
        bold.setFont(font);
        date = workbook.createCellStyle();
        date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
        Row header = sheet.createRow(0);
        RegisterXlsxReader.Field[] fields = RegisterXlsxReader.Field.values();
        for (int c = 0; c < fields.length; c++) {
            Cell cell = header.createCell(c);
            cell.setCellValue(words.isVietnamese() ? fields[c].vietnamese : fields[c].field);
            cell.setCellStyle(bold);
            sheet.setColumnWidth(c, (c == 4 ? 50 : c == 3 ? 36 : 16) * 256);
        }
        sheet.createFreezePane(0, 1);
    }

    public void add(Line line) {
        Row row = sheet.createRow(next++);
        int c = 0;
        text(row, c++, line.modelCode());
        row.createCell(c++).setCellValue(line.year());
        Level level = Level.valueOf(line.level());
        text(row, c++, words.isVietnamese() ? CommitteeValues.vietnamese(level) : level.name());
        text(row, c++, titleName.apply(line.title()));
        text(row, c++, line.name());
        text(row, c++, line.type() == null ? null
                : words.isVietnamese() ? CommitteeValues.vietnamese(NominationType.valueOf(line.type())) : line.type());
        text(row, c++, line.commune());
        text(row, c++, line.district());
        text(row, c++, line.city());
        text(row, c++, line.decisionNumber());
        Cell cell = row.createCell(c++);
        cell.setCellValue(line.decisionDate());
        cell.setCellStyle(date);
        text(row, c, line.issuer());
    }

    /** The rows to the workbook, then the workbook to {@code out}. */
    public void write(Consumer<Consumer<Line>> rows, OutputStream out) throws IOException {
        rows.accept(this::add);
        workbook.write(out);
    }

    private static void text(Row row, int column, String value) {
        if (value != null && !value.isEmpty()) row.createCell(column).setCellValue(value);
    }

    @Override
    public void close() throws IOException {
        workbook.close();
    }
}
