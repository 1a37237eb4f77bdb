package dvk.io;

import java.util.List;

/** A batch as read from a file: its year and its records, not yet validated. */
public record RawBatch(int year, List<RawRecord> records) {
    /** The years dvk accepts, for a batch and for the years inside its records. */
    static final int MIN_YEAR = dvk.domain.YearRange.MIN_YEAR;
    static final int MAX_YEAR = dvk.domain.YearRange.MAX_YEAR;

    public RawBatch {
        records = List.copyOf(records);
    }
}
