package dvk.engine;

import dvk.domain.ValidatedRecord;

/** Validated records in input order, read one at a time so a batch need not fit in memory. */
@FunctionalInterface
public interface RecordSource<E extends Exception> {
    /** The next record, or null after the last. */
    ValidatedRecord next() throws E;
}
