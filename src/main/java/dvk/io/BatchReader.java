package dvk.io;

import dvk.domain.Batch;
import dvk.domain.AcceptedRecord;
import dvk.domain.Indexed;
import dvk.domain.Nomination;
import dvk.domain.Phrase;
import dvk.domain.RejectedRecord;
import dvk.domain.ValidatedRecord;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
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
            return new Batch(stream.year(), accepted, rejected, stream.warnings());
        } catch (IOException e) {
            throw new BatchException(Phrase.of("input.file.cannotRead", String.valueOf(e.getMessage())), e);
        }
    }

    /**
     * Opens the batch for reading one record at a time (JSON and CSV are streamed; a workbook is
     * read whole, as POI reads it, and handed on a record at a time). The format is the file name's
     * extension; a pipe without one ({@code <(cat batch.json)}) is told by its first bytes. Nothing
     * seeks, so a pipe or FIFO reads as a file does.
     */
    public static BatchStream open(Path file) throws BatchException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".xls")) {
            throw BatchException.of("input.file.xls");
        }
        Format format = name.endsWith(".json") ? Format.JSON : name.endsWith(".csv") ? Format.CSV
                : name.endsWith(".xlsx") ? Format.XLSX : null;
        boolean regular = Files.isRegularFile(file);
        boolean pipe = !regular && Files.exists(file) && !Files.isDirectory(file);
        if (format == null && !pipe) {
            throw BatchException.of("input.file.unknownFormat");
        }
        InputStream in = null;
        try {
            long size = regular ? Files.size(file) : 0;
            if (format == Format.JSON && !pipe) {
                return new BatchStream(JsonBatchReader.open(() -> buffered(file)), size);
            }
            in = buffered(file);
            if (format == null) format = Format.of(in);
            switch (format) {
                case JSON -> {
                    return new BatchStream(JsonBatchReader.open(new PipeReplay(in)), size);
                }
                case CSV -> {
                    return new BatchStream(CsvBatchReader.open(in), size);
                }
                default -> {
                    RawBatch whole = XlsxBatchReader.read(in);
                    in.close();
                    return new BatchStream(new InMemory(whole, size), size);
                }
            }
        } catch (NoSuchFileException e) {
            closeQuietly(in);
            throw BatchException.of("input.file.notFound");
        } catch (IOException e) {
            closeQuietly(in);
            throw new BatchException(Phrase.of("input.file.cannotRead", String.valueOf(e.getMessage())), e);
        } catch (BatchException | RuntimeException e) {
            closeQuietly(in);
            throw e;
        }
    }

    private enum Format {
        JSON, CSV, XLSX;

        /** A batch's format by its first bytes: a JSON object, a zip (XLSX), or else CSV text. */
        static Format of(InputStream in) throws IOException {
            int limit = 1 << 12;
            in.mark(limit);
            try {
                int b = in.read();
                if (b == 0xEF && in.read() == 0xBB && in.read() == 0xBF) b = in.read(); // a byte order mark
                for (int read = 4; read < limit && (b == ' ' || b == '\t' || b == '\r' || b == '\n'); read++) b = in.read();
                if (b == '{') return JSON;
                if (b == 'P' && in.read() == 'K') return XLSX;
                return CSV;
            } finally {
                in.reset();
            }
        }
    }

    /**
     * Buffered, and never asked how much is available: {@code Files.newInputStream} answers that
     * from the channel's size and position, which a pipe cannot give ("Illegal seek", after the
     * first short read of a FIFO), and {@code BufferedInputStream} asks between reads.
     */
    private static InputStream buffered(Path file) throws IOException {
        return new BufferedInputStream(new FilterInputStream(Files.newInputStream(file)) {
            @Override
            public int available() {
                return 0;
            }
        }, 1 << 16);
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
