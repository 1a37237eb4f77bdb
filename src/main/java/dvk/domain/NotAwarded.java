package dvk.domain;

import java.util.List;

/** A title the nomination could hold and does not get, with every failed criterion. */
public record NotAwarded(String title, List<CriterionOutcome> failed) {
    public NotAwarded {
        failed = List.copyOf(failed);
    }
}
