package dvk.io;

import dvk.domain.ValidatedRecord;
import dvk.domain.Warning;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * A batch file open for reading: its year, then its records validated one at a time, in input order.
 * The evaluator reads it as a {@code RecordSource} ({@code batch::next}): io does not depend on the engine.
 */
public final class BatchStream implements Closeable {
    private final RawRecordStream raw;
    private final NominationValidator.Records validator;
    private final long size;
    private int read;

    BatchStream(RawRecordStream raw, long size) {
        this.raw = raw;
        this.validator = new NominationValidator.Records(raw.year());
        this.size = size;
    }

    public int year() {
        return raw.year();
    }

    /** The next record, validated; null after the last. */
    public ValidatedRecord next() throws BatchException {
        RawRecord record = raw.next();
        if (record == null) return null;
        read++;
        return validator.validate(record);
    }

    /** What reading found worth a look (two spellings of a district): complete after the last record. */
    public List<Warning> warnings() {
        return validator.warnings();
    }

    /** Records read so far. */
    public int recordsRead() {
        return read;
    }

    /** Bytes of the file read so far, and its size: how far through it the reading is. */
    public long bytesRead() {
        return raw.bytesRead();
    }

    public long size() {
        return size;
    }

    @Override
    public void close() throws IOException {
        raw.close();
    }
}
