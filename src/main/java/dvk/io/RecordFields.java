package dvk.io;

import com.fasterxml.jackson.databind.JsonNode;
import dvk.domain.FieldError;
import dvk.domain.Phrase;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads typed fields of one JSON object strictly, recording every problem with its path instead
 * of stopping at the first: a number as text, a fraction where a whole number is needed, a value
 * past 64 bits, a blank string, a date that does not exist.
 *
 * <p>A record from a committee's spreadsheet (CSV or XLSX) is read by the same rules, with the
 * forms people type there accepted beside the JSON ones: the Vietnamese words for codes
 * ({@code Mô hình}, {@code Cấp huyện}, {@code Có}), dates {@code dd/mm/yyyy}, whole numbers as text,
 * plain or grouped by dots in threes ({@code 1.200.000}), a percentage with a decimal comma. Anything
 * else is still an error: {@code 12,5} in a count, {@code 1.2} in VND.
 */
final class RecordFields {
    private static final DateTimeFormatter ISO_DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern DATE_SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** Day first, never month first: {@code 01/03/2022} is the first of March. */
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");
    private static final Pattern WHOLE = Pattern.compile("-?(?:\\d+|\\d{1,3}(?:\\.\\d{3})+)");
    private static final Pattern PERCENT = Pattern.compile("-?\\d+(?:[.,]\\d+)?");

    private final JsonNode node;
    private final String prefix;
    private final List<FieldError> errors;
    private final boolean committee;

    RecordFields(JsonNode node, String prefix, List<FieldError> errors, boolean committee) {
        this.node = node;
        this.prefix = prefix;
        this.errors = errors;
        this.committee = committee;
    }

    /** Fields of an entry within this record (a list entry, the dossier), read the same way. */
    RecordFields within(JsonNode entry, String path) {
        return new RecordFields(entry, path(path), errors, committee);
    }

    List<FieldError> errors() {
        return errors;
    }

    String path(String name) {
        return prefix + name;
    }

    void error(String name, String key, Object... arguments) {
        errors.add(error(path(name), Phrase.of(key, arguments)));
    }

    static FieldError error(String field, Phrase what) {
        return new FieldError(field, Phrases.english(what), what, null);
    }

    /**
     * The value, or null when absent, JSON null or a blank string (all three count as absent; a
     * string of spaces of any kind and invisible characters is blank).
     */
    JsonNode value(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull() || (value.isTextual() && Names.isBlank(value.asText()))) return null;
        return value;
    }

    boolean has(String name) {
        return value(name) != null;
    }

    void rejectUnknown(Set<String> known) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            // a blank name is quoted, or the error would name no field: "", dossier.""
            if (!known.contains(name)) error(name.isBlank() ? "\"" + name + "\"" : name, "input.error.unknownField");
        }
    }

    String text(String name, boolean required) {
        JsonNode value = value(name);
        if (value == null) {
            if (required) error(name, "input.error.missing");
            return null;
        }
        if (committee && value.isIntegralNumber()) {
            return value.bigIntegerValue().toString(); // an id typed as a number in a spreadsheet
        }
        if (!value.isTextual()) {
            error(name, "input.error.expectedText", shown(value));
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
            if (required) error(name, "input.error.missing");
            return null;
        }
        BigInteger n;
        if (value.isIntegralNumber()) {
            n = value.bigIntegerValue();
        } else if (committee && value.isTextual() && WHOLE.matcher(value.asText().strip()).matches()) {
            n = new BigInteger(value.asText().strip().replace(".", ""));
        } else {
            error(name, "input.error.expectedWhole", shown(value));
            return null;
        }
        if (n.bitLength() > 63) {
            error(name, "input.error.beyond64", n.toString());
            return null;
        }
        long whole = n.longValue();
        if (whole < 0) {
            error(name, "input.error.negative", Long.toString(whole));
            return null;
        }
        if (whole > max) {
            error(name, "input.error.atMost", Long.toString(max), Long.toString(whole));
            return null;
        }
        return whole;
    }

    /** A percentage 0–100, decimals allowed; absent counts as 0. */
    BigDecimal percent(String name) {
        JsonNode value = value(name);
        if (value == null) return BigDecimal.ZERO;
        BigDecimal n;
        if (value.isNumber()) {
            n = value.decimalValue();
        } else if (committee && value.isTextual() && PERCENT.matcher(value.asText().strip()).matches()) {
            n = new BigDecimal(value.asText().strip().replace(',', '.'));
        } else {
            error(name, "input.error.expectedPercent", shown(value));
            return BigDecimal.ZERO;
        }
        if (n.signum() < 0 || n.compareTo(BigDecimal.valueOf(100)) > 0) {
            error(name, "input.error.percentRange", value.isTextual() ? value.asText().strip() : value.asText());
            return BigDecimal.ZERO;
        }
        return n.stripTrailingZeros();
    }

    /** A boolean; absent is false, and an error when required. */
    boolean bool(String name, boolean required) {
        JsonNode value = value(name);
        if (value == null) {
            if (required) error(name, "input.error.missing");
            return false;
        }
        if (value.isBoolean()) return value.booleanValue();
        Boolean typed = committee && value.isTextual() ? CommitteeValues.yesNo(value.asText()) : null;
        if (typed == null) {
            error(name, committee ? "input.error.expectedYesNo" : "input.error.expectedBoolean", shown(value));
            return false;
        }
        return typed;
    }

    LocalDate date(String name, boolean required) {
        JsonNode value = value(name);
        String expected = committee ? "input.error.expectedDateCommittee" : "input.error.expectedDate";
        if (value != null && !value.isTextual()) {
            // a spreadsheet's date serial (44621) or a JSON number: say what is expected, not just "text"
            error(name, expected, shown(value));
            return null;
        }
        String text = text(name, required);
        if (text == null) return null;
        String typed = committee ? text.strip() : text;
        Matcher dayFirst = DAY_MONTH_YEAR.matcher(typed);
        boolean iso = DATE_SHAPE.matcher(typed).matches();
        if (!iso && !(committee && dayFirst.matches())) {
            error(name, expected, quoted(text));
            return null;
        }
        try {
            if (iso) return LocalDate.parse(typed, ISO_DATE);
            return LocalDate.of(Integer.parseInt(dayFirst.group(3)), Integer.parseInt(dayFirst.group(2)),
                    Integer.parseInt(dayFirst.group(1)));
        } catch (java.time.DateTimeException e) {
            error(name, "input.error.notRealDate", quoted(typed));
            return null;
        }
    }

    <E extends Enum<E>> E constant(Class<E> type, String name, boolean required) {
        String text = text(name, required);
        if (text == null) return null;
        if (committee) {
            E constant = CommitteeValues.parse(type, text);
            if (constant != null) return constant;
            error(name, "input.error.notOneOfCommittee", quoted(text), codes(type), CommitteeValues.vietnamese(type));
            return null;
        }
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            error(name, "input.error.notOneOf", quoted(text), codes(type));
            return null;
        }
    }

    /** What an enum field reads as, without an error when it cannot be read (a rejected record's type). */
    static <E extends Enum<E>> E peek(JsonNode node, String name, Class<E> type, boolean committee) {
        JsonNode value = node == null ? null : node.get(name);
        if (value == null || !value.isTextual()) return null;
        if (committee) return CommitteeValues.parse(type, value.asText());
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(value.asText())) return e;
        }
        return null;
    }

    private static <E extends Enum<E>> List<String> codes(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    }

    static String quoted(String text) {
        return "\"" + text + "\"";
    }

    /** A value as a message shows it: text quoted, a number as it is, an object or a list named. */
    static Object shown(JsonNode value) {
        if (value.isTextual()) return quoted(value.asText());
        if (value.isObject()) return Phrase.of("input.value.object");
        if (value.isArray()) return Phrase.of("input.value.list");
        return value.toString();
    }

    /** The entries of a list field, each read as an object of its own; problems of the list itself recorded. */
    List<RecordFields> entries(String name) {
        JsonNode list = value(name);
        List<RecordFields> entries = new ArrayList<>();
        if (list == null) return entries;
        if (!list.isArray()) {
            error(name, "input.error.expectedList");
            return entries;
        }
        for (int i = 0; i < list.size(); i++) {
            String path = name + "[" + i + "]";
            if (!list.get(i).isObject()) {
                error(path, "input.error.expectedObject");
            } else {
                entries.add(within(list.get(i), path + "."));
            }
        }
        return entries;
    }
}
