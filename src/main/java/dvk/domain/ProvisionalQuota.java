package dvk.domain;

import java.util.List;

/**
 * A district whose ranking for a quota-limited title a rejected record could change: the record
 * was (or may have been) a model of that district, so once fixed it could take a place and push
 * another candidate out. The district's decisions on that title stand only once the records in
 * {@code rejected} (their ids, or {@code #index} for a record without one) are fixed or withdrawn.
 */
public record ProvisionalQuota(String district, String title, List<String> rejected) {
    public ProvisionalQuota {
        rejected = List.copyOf(rejected);
    }
}
