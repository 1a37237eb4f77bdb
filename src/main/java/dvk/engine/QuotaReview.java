package dvk.engine;

import dvk.domain.ProvisionalQuota;
import dvk.domain.RejectedRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which district quotas a rejected record could change. A district's ranking for a quota-limited
 * title holds the candidates the rules found; a rejected model of that district (or a record whose
 * type could not be read) is missing from it, and once fixed it could take a place and push another
 * candidate out. So each district with a ranking and such a record is provisional for that title,
 * naming the records (the first {@link #MOST_NAMED}). Told in the order the districts' first
 * candidates were read, so the same batch gives the same list whatever the threads.
 */
final class QuotaReview {
    /** Rejected records named for one district at most. */
    static final int MOST_NAMED = 1_000;

    /** The quota-limited titles each district ranks candidates for. */
    private final Map<String, Set<String>> ranked = new LinkedHashMap<>();
    /** Rejected records that may be models, by the district they name. */
    private final Map<String, List<String>> rejected = new LinkedHashMap<>();

    void candidate(String district, List<String> titles) {
        ranked.computeIfAbsent(district, d -> new TreeSet<>()).addAll(titles);
    }

    void rejected(RejectedRecord record) {
        if (record.district() != null && record.mayBeModel()) {
            List<String> records = rejected.computeIfAbsent(record.district(), d -> new ArrayList<>());
            // memory stays small whatever the batch: a list this long already says the district is far from decided
            if (records.size() < MOST_NAMED) records.add(record.label());
        }
    }

    List<ProvisionalQuota> provisional() {
        List<ProvisionalQuota> provisional = new ArrayList<>();
        ranked.forEach((district, titles) -> {
            List<String> records = rejected.get(district);
            if (records == null) return;
            titles.forEach(title -> provisional.add(new ProvisionalQuota(district, title, records)));
        });
        return provisional;
    }
}
