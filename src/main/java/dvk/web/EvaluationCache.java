package dvk.web;

import dvk.engine.Evaluation;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Evaluations of recent versions kept in memory, for their report and workbook, up to a number of
 * records in all: the least recently used go first, but never the one just put.
 */
final class EvaluationCache {
    private final int records;
    private final Map<Long, Evaluation> recent = new LinkedHashMap<>(16, 0.75f, true);

    EvaluationCache(int records) {
        this.records = records;
    }

    synchronized Evaluation get(long versionId) {
        return recent.get(versionId);
    }

    synchronized void put(long versionId, Evaluation evaluation) {
        recent.put(versionId, evaluation);
        int held = 0;
        for (Evaluation kept : recent.values()) held += kept.records();
        // entries, not get(): a get reorders an access-ordered map under its iterator
        Iterator<Map.Entry<Long, Evaluation>> oldest = recent.entrySet().iterator();
        while (held > records && oldest.hasNext()) {
            Map.Entry<Long, Evaluation> entry = oldest.next();
            if (entry.getKey() == versionId) continue;
            held -= entry.getValue().records();
            oldest.remove();
        }
    }

    synchronized int size() {
        return recent.size();
    }
}
