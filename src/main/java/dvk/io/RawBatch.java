package dvk.io;

import java.util.List;

/** A batch as read from a file: its year and its records, not yet validated. */
public record RawBatch(int year, List<RawRecord> records) {
    public RawBatch {
        records = List.copyOf(records);
    }
}
