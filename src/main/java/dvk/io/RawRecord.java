package dvk.io;

import com.fasterxml.jackson.databind.JsonNode;
import dvk.domain.FieldError;
import java.util.List;

/**
 * One input record before validation, as a JSON tree whatever the file format, with the problems
 * the format itself found (a CSV list entry that is not {@code year:level:title}, say).
 */
public record RawRecord(int index, JsonNode node, List<FieldError> formatErrors) {
    public RawRecord {
        formatErrors = List.copyOf(formatErrors);
    }
}
