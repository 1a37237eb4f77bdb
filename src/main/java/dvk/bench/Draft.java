package dvk.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One generated record as the fields it will be written with, in order, before the format is
 * chosen: a defect can remove a field or put a wrong value in it (text where a number belongs, a
 * fraction, a date that does not exist), which a typed record could not hold. Values are String,
 * Long, BigDecimal, Boolean, a list of {@link Prior} or {@link Violation}, or (for {@code dossier})
 * a map of Booleans.
 */
final class Draft {
    record Prior(int year, String level, String title) {}

    record Violation(int year, String description) {}

    private final Map<String, Object> fields = new LinkedHashMap<>();
    private final Map<String, Object> dossier = new LinkedHashMap<>();

    void put(String name, Object value) {
        fields.put(name, value);
    }

    Object get(String name) {
        return fields.get(name);
    }

    void remove(String name) {
        fields.remove(name);
    }

    /** A list field, written only when it has entries (a missing list counts as empty). */
    void putList(String name, List<?> entries) {
        if (!entries.isEmpty()) fields.put(name, List.copyOf(entries));
    }

    Map<String, Object> dossier() {
        return dossier;
    }

    /** The record's fields in order, {@code dossier} last. */
    Map<String, Object> fields() {
        Map<String, Object> all = new LinkedHashMap<>(fields);
        if (!dossier.isEmpty()) all.put("dossier", dossier);
        return all;
    }

    boolean isWork() {
        return "WORK".equals(fields.get("type"));
    }
}
