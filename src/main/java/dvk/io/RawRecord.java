package dvk.io;

import com.fasterxml.jackson.databind.JsonNode;
import dvk.domain.FieldError;
import java.util.List;
import java.util.Objects;

/**
 * One input record before validation, as a JSON tree whatever the file format, with the problems
 * the format itself found (a CSV list entry that is not {@code year:level:title}, say) and, for a
 * spreadsheet, where each field stands so that errors can name its cell.
 */
public record RawRecord(int index, JsonNode node, List<FieldError> formatErrors, FieldLocator locator) {
    public RawRecord {
        formatErrors = List.copyOf(formatErrors);
        Objects.requireNonNull(locator, "locator");
    }

    public RawRecord(int index, JsonNode node, List<FieldError> formatErrors) {
        this(index, node, formatErrors, FieldLocator.NONE);
    }

    /** The error with its place appended to the message: {@code expected … (row 7, column F)}. */
    FieldError located(FieldError error) {
        String place = locator.locate(error.field());
        return place == null ? error : new FieldError(error.field(), error.message() + " (" + place + ")");
    }
}
