package dvk.domain;

import java.util.List;

/**
 * A year's batch after validation: each input record is either accepted (with its input index)
 * or rejected.
 */
public record Batch(int year, List<Indexed<Nomination>> accepted, List<RejectedRecord> rejected) {
    public Batch {
        accepted = List.copyOf(accepted);
        rejected = List.copyOf(rejected);
    }

    public int records() {
        return accepted.size() + rejected.size();
    }
}
