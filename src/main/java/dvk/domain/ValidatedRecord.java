package dvk.domain;

/** An input record after validation: a nomination to decide, or a record rejected with its problems. */
public sealed interface ValidatedRecord permits AcceptedRecord, RejectedRecord {
    /** 0-based position in the input. */
    int index();
}
