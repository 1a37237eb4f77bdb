package dvk.io;

import dvk.domain.Batch;
import dvk.domain.AcceptedRecord;
import dvk.domain.Indexed;
import dvk.domain.Nomination;
import dvk.domain.RejectedRecord;
import dvk.domain.ValidatedRecord;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads and validates a batch file, choosing the format by the file's extension. */
public final class BatchReader {
    private BatchReader() {}

    /** A JSON batch from a stream (an inline fixture batch, say). */
    public static Batch readJson(InputStream in) throws BatchException {
        return NominationValidator.validate(JsonBatchReader.read(in));
    }

    /** Reads and validates the whole batch into memory. */
    public static Batch read(Path file) throws BatchException {
        List<Indexed<Nomination>> accepted = new ArrayList<>();
        List<RejectedRecord> rejected = new ArrayList<>();
        try (BatchStream stream = open(file)) {
            for (ValidatedRecord r = stream.next(); r != null; r = stream.next()) {
                if (r instanceof AcceptedRecord a) accepted.add(a.indexed());
                else rejected.add((RejectedRecord) r);
            }
            return new Batch(stream.year(), accepted, rejected);
        } catch (IOException e) {
            throw new BatchException("cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Opens the batch for reading one record at a time (JSON and CSV are streamed; a workbook is
     * read whole, as POI reads it, and handed on a record at a time).
     */
    public static BatchStream open(Path file) throws BatchException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".xls")) {
            throw new BatchException("an old .xls workbook: save it as .xlsx");
        }
        if (!name.endsWith(".json") && !name.endsWith(".csv") && !name.endsWith(".xlsx")) {
            throw new BatchException("unknown input format: expected a .json, .csv or .xlsx file");
        }
        InputStream in = null;
        try {
            long size = Files.size(file);
            if (name.endsWith(".json")) {
                return new BatchStream(JsonBatchReader.open(() -> buffered(file)), size);
            }
            in = buffered(file);
            if (name.endsWith(".csv")) {
                return new BatchStream(CsvBatchReader.open(in), size);
            }
            RawBatch whole = XlsxBatchReader.read(in);
            in.close();
            return new BatchStream(new InMemory(whole, size), size);
        } catch (NoSuchFileException e) {
            closeQuietly(in);
            throw new BatchException("file not found");
        } catch (IOException e) {
            closeQuietly(in);
            throw new BatchException("cannot read: " + e.getMessage(), e);
        } catch (BatchException | RuntimeException e) {
            closeQuietly(in);
            throw e;
        }
    }

    private static InputStream buffered(Path file) throws IOException {
        return new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    }

    /** Closes what an opening that failed had opened; the failure is the problem to report. */
    static void closeQuietly(Closeable in) {
        if (in == null) return;
        try {
            in.close();
        } catch (IOException ignored) {
            // the first problem is the one to report
        }
    }

    /** A batch read whole, handed out a record at a time; progress goes through the file in proportion. */
    private static final class InMemory implements RawRecordStream {
        private final RawBatch batch;
        private final long size;
        private int next;

        InMemory(RawBatch batch, long size) {
            this.batch = batch;
            this.size = size;
        }

        @Override
        public int year() {
            return batch.year();
        }

        @Override
        public RawRecord next() {
            return next < batch.records().size() ? batch.records().get(next++) : null;
        }

        @Override
        public long bytesRead() {
            return batch.records().isEmpty() ? size : size * next / batch.records().size();
        }
    }
}
