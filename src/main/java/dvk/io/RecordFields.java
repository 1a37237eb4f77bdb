package dvk.io;

import com.fasterxml.jackson.databind.JsonNode;
import dvk.domain.FieldError;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads typed fields of one JSON object strictly, recording every problem with its path instead
 * of stopping at the first: a number as text, a fraction where a whole number is needed, a value
 * past 64 bits, a blank string, a date that does not exist.
 */
final class RecordFields {
    private static final DateTimeFormatter ISO_DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern DATE_SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final JsonNode node;
    private final String prefix;
    private final List<FieldError> errors;

    RecordFields(JsonNode node, String prefix, List<FieldError> errors) {
        this.node = node;
        this.prefix = prefix;
        this.errors = errors;
    }

    List<FieldError> errors() {
        return errors;
    }

    String path(String name) {
        return prefix + name;
    }

    void error(String name, String message) {
        errors.add(new FieldError(path(name), message));
    }

    /** The value, or null when absent, JSON null or a blank string (all three count as absent). */
    JsonNode value(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) return null;
        return value;
    }

    boolean has(String name) {
        return value(name) != null;
    }

    void rejectUnknown(Set<String> known) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            // a blank name is quoted, or the error would name no field: "", dossier.""
            if (!known.contains(name)) error(name.isBlank() ? "\"" + name + "\"" : name, "unknown field");
        }
    }

    String text(String name, boolean required) {
        JsonNode value = value(name);
        if (value == null) {
            if (required) error(name, "required field is missing");
            return null;
        }
        if (!value.isTextual()) {
            error(name, "expected text, got " + shown(value));
            return null;
        }
        return value.asText();
    }

    /** A whole, non-negative number within 64 bits; absent counts as 0 unless required. */
    long whole(String name, boolean required) {
        Long value = integral(name, required, Long.MAX_VALUE);
        return value == null ? 0 : value;
    }

    /** A year (a whole number of a sensible size). */
    Integer year(String name) {
        Long value = integral(name, true, RawBatch.MAX_YEAR);
        return value == null ? null : value.intValue();
    }

    private Long integral(String name, boolean required, long max) {
        JsonNode value = value(name);
        if (value == null) {
            if (required) error(name, "required field is missing");
            return null;
        }
        if (!value.isIntegralNumber()) {
            error(name, "expected a whole number, got " + shown(value));
            return null;
        }
        if (!value.canConvertToLong()) {
            error(name, "number " + value.asText() + " is beyond 64 bits");
            return null;
        }
        long n = value.longValue();
        if (n < 0) {
            error(name, "must not be negative, got " + n);
            return null;
        }
        if (n > max) {
            error(name, "must be at most " + max + ", got " + n);
            return null;
        }
        return n;
    }

    /** A percentage 0–100, decimals allowed; absent counts as 0. */
    BigDecimal percent(String name) {
        JsonNode value = value(name);
        if (value == null) return BigDecimal.ZERO;
        if (!value.isNumber()) {
            error(name, "expected a number from 0 to 100, got " + shown(value));
            return BigDecimal.ZERO;
        }
        BigDecimal n = value.decimalValue();
        if (n.signum() < 0 || n.compareTo(BigDecimal.valueOf(100)) > 0) {
            error(name, "must be from 0 to 100, got " + value.asText());
            return BigDecimal.ZERO;
        }
        return n.stripTrailingZeros();
    }

    /** A boolean; absent is false, and an error when required. */
    boolean bool(String name, boolean required) {
        JsonNode value = value(name);
        if (value == null) {
            if (required) error(name, "required field is missing");
            return false;
        }
        if (!value.isBoolean()) {
            error(name, "expected true or false, got " + shown(value));
            return false;
        }
        return value.booleanValue();
    }

    LocalDate date(String name, boolean required) {
        JsonNode value = value(name);
        if (value != null && !value.isTextual()) {
            // a spreadsheet's date serial (44621) or a JSON number: say what is expected, not just "text"
            error(name, "expected a date yyyy-mm-dd, got " + shown(value));
            return null;
        }
        String text = text(name, required);
        if (text == null) return null;
        if (!DATE_SHAPE.matcher(text).matches()) {
            error(name, "expected a date yyyy-mm-dd, got \"" + text + "\"");
            return null;
        }
        try {
            return LocalDate.parse(text, ISO_DATE);
        } catch (DateTimeParseException e) {
            error(name, "\"" + text + "\" is not a real date");
            return null;
        }
    }

    <E extends Enum<E>> E constant(Class<E> type, String name, boolean required) {
        String text = text(name, required);
        if (text == null) return null;
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            error(name, "\"" + text + "\" is not one of " + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", ")));
            return null;
        }
    }

    private static String shown(JsonNode value) {
        if (value.isTextual()) return "\"" + value.asText() + "\"";
        if (value.isObject()) return "an object";
        if (value.isArray()) return "a list";
        return value.toString();
    }
}
