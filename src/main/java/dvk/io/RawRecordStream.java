package dvk.io;

import java.io.Closeable;
import java.io.IOException;

/** A batch file read one record at a time: its year is known on opening, records come in input order. */
public interface RawRecordStream extends Closeable {
    int year();

    /** The next record, or null after the last. */
    RawRecord next() throws BatchException;

    /** Bytes of the file consumed so far, for progress; 0 when not known. */
    default long bytesRead() {
        return 0;
    }

    @Override
    default void close() throws IOException {}
}
