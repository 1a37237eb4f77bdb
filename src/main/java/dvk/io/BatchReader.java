package dvk.io;

import dvk.domain.Batch;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/** Reads and validates a batch file, choosing the format by the file's extension. */
public final class BatchReader {
    private BatchReader() {}

    /** A JSON batch from a stream (an inline fixture batch, say). */
    public static Batch readJson(InputStream in) throws BatchException {
        return NominationValidator.validate(JsonBatchReader.read(in));
    }

    public static Batch read(Path file) throws BatchException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try (InputStream in = Files.newInputStream(file)) {
            RawBatch raw;
            if (name.endsWith(".json")) {
                raw = JsonBatchReader.read(in);
            } else if (name.endsWith(".csv")) {
                raw = CsvBatchReader.read(in);
            } else if (name.endsWith(".xlsx")) {
                raw = XlsxBatchReader.read(in);
            } else if (name.endsWith(".xls")) {
                throw new BatchException("an old .xls workbook: save it as .xlsx");
            } else {
                throw new BatchException("unknown input format: expected a .json, .csv or .xlsx file");
            }
            return NominationValidator.validate(raw);
        } catch (NoSuchFileException e) {
            throw new BatchException("file not found");
        } catch (IOException e) {
            throw new BatchException("cannot read: " + e.getMessage(), e);
        }
    }
}
