package dvk.web;

import static org.assertj.core.api.Assertions.assertThat;

import dvk.domain.RejectedRecord;
import dvk.engine.Evaluation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationCacheTest {
    private static Evaluation of(int records) {
        List<RejectedRecord> rejected = new ArrayList<>();
        for (int i = 0; i < records; i++) rejected.add(new RejectedRecord(i, "X-" + i, List.of()));
        return new Evaluation(2024, null, List.of(), rejected);
    }

    @Test
    void theLeastRecentlyReadGoFirstButNeverTheOneJustPut() {
        EvaluationCache cache = new EvaluationCache(100);
        cache.put(1, of(40));
        cache.put(2, of(40));
        assertThat(cache.get(1)).isNotNull();
        cache.put(3, of(40));
        assertThat(cache.get(2)).as("read least recently").isNull();
        assertThat(cache.get(1)).isNotNull();
        assertThat(cache.get(3)).isNotNull();
        cache.put(4, of(500));
        assertThat(cache.get(4)).as("larger than the limit, kept alone").isNotNull();
        assertThat(cache.size()).isEqualTo(1);
    }
}
