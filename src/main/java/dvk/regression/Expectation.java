package dvk.regression;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a fixture expects of one nomination: the exact set of titles awarded, the exact failed
 * criteria of the titles it names, the score where given; or, for a record that must be rejected,
 * the exact set of fields with errors.
 */
public record Expectation(String id, Set<String> awards, Map<String, Set<String>> failed, Integer score,
                          Set<String> rejectedFields) {

    public boolean expectsRejection() {
        return rejectedFields != null;
    }

    static Set<String> sorted(List<String> values) {
        return new java.util.TreeSet<>(values);
    }
}
