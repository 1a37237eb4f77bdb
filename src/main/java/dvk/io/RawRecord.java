package dvk.io;

import com.fasterxml.jackson.databind.JsonNode;
import dvk.domain.FieldError;
import dvk.domain.Phrase;
import java.util.List;
import java.util.Objects;

/**
 * One input record before validation, as a JSON tree whatever the file format, with the problems
 * the format itself found (a CSV list entry that is not {@code year:level:title}, say), where each
 * field stands in the file so that errors can name its cell or line, and whether it comes from a
 * committee's spreadsheet (CSV, XLSX), whose Vietnamese words and forms are read beside the codes.
 */
public record RawRecord(int index, JsonNode node, List<FieldError> formatErrors, FieldLocator locator, boolean committee) {
    public RawRecord {
        formatErrors = List.copyOf(formatErrors);
        Objects.requireNonNull(locator, "locator");
    }

    /** A record of a JSON batch: codes only, fields named by their paths. */
    public RawRecord(int index, JsonNode node, List<FieldError> formatErrors) {
        this(index, node, formatErrors, FieldLocator.NONE, false);
    }

    /** The error with its place: {@code expected … (row 7, column F)}. */
    FieldError located(FieldError error) {
        Phrase place = locator.locate(error.field());
        return place == null ? error : error.at(place, Phrases.english(place));
    }
}
