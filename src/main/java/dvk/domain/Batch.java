package dvk.domain;

import java.util.List;

/**
 * A year's batch after validation: each input record is either accepted (with its input index)
 * or rejected; {@code warnings} are what reading it found worth a look (two spellings of a district).
 */
public record Batch(int year, List<Indexed<Nomination>> accepted, List<RejectedRecord> rejected, List<Warning> warnings) {
    public Batch {
        accepted = List.copyOf(accepted);
        rejected = List.copyOf(rejected);
        warnings = List.copyOf(warnings);
    }

    public Batch(int year, List<Indexed<Nomination>> accepted, List<RejectedRecord> rejected) {
        this(year, accepted, rejected, List.of());
    }

    public int records() {
        return accepted.size() + rejected.size();
    }
}
