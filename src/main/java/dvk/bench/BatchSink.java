package dvk.bench;

import java.io.IOException;

/** Where generated records go, one at a time, so no batch is ever held whole. */
interface BatchSink {
    void begin(int year) throws IOException;

    void record(Draft draft) throws IOException;

    /** Finishes the document and flushes it; does not close the writer, which belongs to the caller. */
    void end() throws IOException;
}
