package dvk.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import dvk.bench.BatchFormat;
import dvk.bench.BatchGenerator;
import dvk.domain.Batch;
import dvk.report.DecisionJsonWriter;
import dvk.domain.Decision;
import dvk.domain.FieldError;
import dvk.domain.FieldOfWork;
import dvk.domain.Level;
import dvk.domain.NominationType;
import dvk.domain.RejectedRecord;
import dvk.engine.Evaluation;
import dvk.engine.EvaluationCollector;
import dvk.engine.Evaluator;
import dvk.engine.RuleSet;
import dvk.engine.YearNotCoveredException;
import dvk.testing.TestRules;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes the input: 10,000 small batches (1–5 records, one in 25 with none), each made of valid
 * records (the 60 of the Gia Lâm sample and generated ones, each checked valid in JSON and CSV
 * first) with 1–3 random mutations, written as JSON (four in five) or CSV and run through the real
 * pipeline in-process: {@link BatchReader#open}, then {@link Evaluator#stream} with the standard
 * rules (compiled once) on one thread; every case is evaluated, and every decision and rejection
 * rendered as the JSON output renders it (and checked to be valid UTF-8 and JSON).
 *
 * <p>The mutations ({@link #JSON_MENU}, {@link #CSV_MENU}):
 * <ul>
 * <li>a field's value: removed, null, blank; another JSON type; nested 2 to 10,000 arrays or
 *     objects deep; for text, Vietnamese, 100,000 characters, control characters, unpaired
 *     surrogates, bytes that are not UTF-8; for constants, wrong case, padding, another enum's; dates
 *     malformed, impossible (2023-02-30), long ago (0000-01-01), after the reference date; whole
 *     numbers -1, 0, -0, 1.0, 12.5, 1e308, 2^63−1, 2^63, 10^23, 999 and 10,000 digits, NaN and
 *     Infinity as text and as tokens, 007, +1; percentages past 0–100, 1E-999999999; list entries
 *     by the thousand, one of them broken; for every field of a record, of its dossier and of
 *     its first list entries;</li>
 * <li>a record: an unknown key (at its top, in its dossier, in a list entry; "", " ", "a\nb",
 *     10,000 characters…), not an object (a number, text, null, a list, nested 10,000 deep), the id
 *     of an earlier record, an id near one (a space, case, NFD, an unpaired surrogate), a key twice,
 *     keys reordered; in CSV, cells more or fewer than the header's, every cell empty but the year;</li>
 * <li>the document: the year missing, twice, text, fractional, 0, 10000, 2^63, nested, after the
 *     list, or a year the rules do not cover (then {@link YearNotCoveredException}, and the batch
 *     is evaluated as a what-if); "nominations" missing, twice, not a list; an unknown top-level
 *     field; the top level not an object; in CSV an unknown, duplicate, missing or dropped column,
 *     columns shuffled or quoted, two years, ';' for ','; and its bytes: empty or blank, cut at a
 *     random byte, a byte replaced by FF, C3 28 or 80 inserted, a character's byte cut, BOM (one or
 *     two), CRLF or CR, blank lines, trailing garbage, UTF-16, a comment, a single quote, a quote
 *     opened in a CSV cell.</li>
 * </ul>
 *
 * <p>The invariant: either the batch fails as a whole with a {@link BatchException} whose message is
 * one readable line naming no Java code, or every record comes out exactly once (decided or
 * rejected, indexes 0…n−1, n the records written), each rejection naming a field. Nothing else is
 * ever thrown. Beyond that, each mutation says what it must do, and the test holds it to that:
 * <ul>
 * <li>a mutation that breaks the contract in a record (wrong type, value out of range, impossible
 *     date, unknown key, missing required field…) must reject that record, naming the field;</li>
 * <li>a mutation the contract allows (any text in a text field, an optional field left out, a
 *     huge but 64-bit amount, a date long ago…) must leave the record accepted;</li>
 * <li>a mutation of the document (not JSON, not UTF-8, no year, unknown top-level field or column,
 *     two years…) must fail the batch, and one that does not touch the contract (BOM, CRLF, key
 *     order, year after the list) must not;</li>
 * <li>a later record with an earlier one's id is rejected, and no record is rejected as a
 *     duplicate unless its id equals an earlier one's; each decision and rejection carries the id
 *     of the record at its index.</li>
 * </ul>
 * A cut or an opened quote in a CSV file may leave any number of rows: there only the records read
 * are counted.
 *
 * <p>Reproducible: the seed is fixed ({@code -Ddvk.fuzz.seed=…} to change it) and each case draws
 * from its own generator, so a failure names its case, and {@code -Ddvk.fuzz.case=N} runs that one
 * alone ({@code -Ddvk.fuzz.cases=N} runs fewer or more). The run goes on after a failing case and
 * reports up to 25 ({@code -Ddvk.fuzz.maxFailures=N}).
 *
 * <p>The named tests after it pin the nastiest inputs, and each bug the fuzzer found.
 */
class InputFuzzTest {
    private static final long SEED = Long.getLong("dvk.fuzz.seed", 0xD7C_2024_0517L);
    private static final int CASES = Integer.getInteger("dvk.fuzz.cases", 10_000);
    private static final int ONLY = Integer.getInteger("dvk.fuzz.case", -1);
    private static final int YEAR = 2024;
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final ObjectMapper PLAIN = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).nodeFactory(NODES).build();

    @TempDir
    Path temp;

    // ---------------------------------------------------------------------------------------------
    // The contract's fields, as the fuzzer sees them
    // ---------------------------------------------------------------------------------------------

    private enum Sort { TEXT, ENUM, DATE, WHOLE, PERCENT, YEAR, BOOL, LIST, DOSSIER }

    /** When a field is required: always, for models, for works, never. */
    private enum Need { ALWAYS, MODEL, WORK, NEVER }

    private record Field(String name, Sort sort, Need need, List<String> constants) {
        Field(String name, Sort sort, Need need) {
            this(name, sort, need, List.of());
        }
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static final List<Field> RECORD = List.of(
            new Field("id", Sort.TEXT, Need.ALWAYS), new Field("name", Sort.TEXT, Need.ALWAYS),
            new Field("type", Sort.ENUM, Need.ALWAYS, names(NominationType.values())),
            new Field("kind", Sort.ENUM, Need.MODEL, names(dvk.domain.Kind.values())),
            new Field("field", Sort.ENUM, Need.ALWAYS, names(FieldOfWork.values())),
            new Field("sponsor", Sort.TEXT, Need.ALWAYS), new Field("commune", Sort.TEXT, Need.ALWAYS),
            new Field("district", Sort.TEXT, Need.ALWAYS), new Field("city", Sort.TEXT, Need.ALWAYS),
            new Field("startDate", Sort.DATE, Need.MODEL), new Field("completedDate", Sort.DATE, Need.WORK),
            new Field("fundsVnd", Sort.WHOLE, Need.NEVER), new Field("laborDays", Sort.WHOLE, Need.NEVER),
            new Field("beneficiaries", Sort.WHOLE, Need.NEVER), new Field("replicationSites", Sort.WHOLE, Need.NEVER),
            new Field("approvalPercent", Sort.PERCENT, Need.NEVER),
            new Field("totalValueVnd", Sort.WHOLE, Need.WORK), new Field("peopleContributionVnd", Sort.WHOLE, Need.WORK),
            new Field("priorRecognitions", Sort.LIST, Need.NEVER), new Field("violations", Sort.LIST, Need.NEVER),
            new Field("dossier", Sort.DOSSIER, Need.ALWAYS),
            new Field("modelCode", Sort.TEXT, Need.NEVER), new Field("notes", Sort.TEXT, Need.NEVER));
    private static final List<Field> DOSSIER = List.of(new Field("report", Sort.BOOL, Need.ALWAYS),
            new Field("confirmation", Sort.BOOL, Need.ALWAYS), new Field("acceptance", Sort.BOOL, Need.WORK));
    private static final List<Field> PRIOR = List.of(new Field("year", Sort.YEAR, Need.ALWAYS),
            new Field("level", Sort.ENUM, Need.ALWAYS, names(Level.values())), new Field("title", Sort.TEXT, Need.ALWAYS));
    private static final List<Field> VIOLATION = List.of(new Field("year", Sort.YEAR, Need.ALWAYS),
            new Field("description", Sort.TEXT, Need.NEVER));
    /** CSV columns (but {@code year}) as fields: the record's, with the dossier's as {@code dossier.report}… */
    private static final Map<String, Field> COLUMNS = columns();

    private static Map<String, Field> columns() {
        Map<String, Field> columns = new LinkedHashMap<>();
        RECORD.stream().filter(f -> f.sort() != Sort.DOSSIER).forEach(f -> columns.put(f.name(), f));
        DOSSIER.forEach(f -> columns.put("dossier." + f.name(), new Field("dossier." + f.name(), f.sort(), f.need())));
        return columns;
    }

    // ---------------------------------------------------------------------------------------------
    // What a mutation does
    // ---------------------------------------------------------------------------------------------

    /** What a mutation makes of its record. */
    private enum Effect {
        /** Allowed by the contract: a valid record stays valid. */
        NEUTRAL,
        /** Anything may come of it (a record is still decided or rejected). */
        ANY,
        /** Breaks the contract: the record is rejected, naming the field. */
        REJECT,
        /** The field is absent: rejected if it is required, else neutral. */
        MISSING,
        /** A real date after the reference date: rejected if the date applies to the type, else neutral. */
        AFTER_REFERENCE
    }

    /** Whether the batch can still be read as a whole. */
    private enum Whole { READABLE, MAYBE, UNREADABLE }

    private static final Object REMOVE = new Object();

    /**
     * A value to put in a field: a JSON node (or {@link #REMOVE}) for JSON, a cell for CSV; {@code at}
     * is appended to the field's path to name where the error must point ({@code [17]} for a list entry).
     */
    private record Val(Object value, Effect effect, Whole whole, String label, String at) {}

    private static Val v(Object value, Effect effect, String label) {
        return new Val(value, effect, Whole.READABLE, label, "");
    }

    private static Val v(Object value, Effect effect, Whole whole, String label) {
        return new Val(value, effect, whole, label, "");
    }

    /** JSON text written as it is: numbers Jackson would write otherwise, malformed tokens, deep nesting. */
    private record Raw(String text) {}

    private static JsonNode raw(String text) {
        return NODES.pojoNode(new Raw(text));
    }

    private static JsonNode text(String text) {
        return NODES.textNode(text);
    }

    /** Bytes spliced in after the text is encoded: {@code @@BYTES:ff@@}. */
    private static final Pattern BYTES = Pattern.compile("@@BYTES:([0-9a-f]+)@@");

    private static String bytes(String hex) {
        return "@@BYTES:" + hex + "@@";
    }

    // ---------------------------------------------------------------------------------------------
    // Value vocabularies
    // ---------------------------------------------------------------------------------------------

    private static final String LONG_TEXT = "Dân vận khéo — mô hình tự quản; ".repeat(3_200);        // ~100,000 chars
    private static final List<String> BLANKS = List.of("", " ", "   \t\r\n", "\u3000", "\u2003", "\u001F");
    private static final List<String> TEXTS = List.of(
            "Hội Liên hiệp Phụ nữ xã Đặng Xá — “tự quản”",
            LONG_TEXT,
            "a\u0000b\u0007c\u001b[31md\te\nf\rg\u007f\u0085h",
            "\"'\\/<>&;,:",
            "x\uD800y", "\uDC00", "tail\uD83D",
            "😀👨‍👩‍👧 emoji",
            "\u202Eabc\u202C", "\u200B", "\u00A0",
            Normalizer.normalize("Đặng Xá, Gia Lâm", Normalizer.Form.NFD),
            "null", "0", "-1", "true", "2024-01-01",
            "=cmd|' /C calc'!A0", "${jndi:ldap://x/a}", "<script>alert(1)</script>",
            "ＭＯＤＥＬ", "  padded  ", "line one\nline two", "a,b,\"c\"");
    private static final List<String> OTHER_CONSTANTS = List.of("MODEL", "WORK", "COLLECTIVE", "INDIVIDUAL",
            "ECONOMIC", "COMMUNE", "DISTRICT", "CITY", "CULTURE_SOCIETY");
    private static final List<String> BAD_DATES = List.of("2023-1-5", "20230105", "2023/01/05", "05-01-2023",
            "2023-01-05T00:00:00", "2023-01-05 ", " 2023-01-05", "+2023-01-05", "２０２３-01-05", "٢٠٢٣-٠١-٠٥",
            "2023-01", "hôm qua", "10000-01-01", "-001-01-01", "2023-02-30", "2023-02-29", "1900-02-29",
            "2024-04-31", "2024-13-01", "2024-00-10", "2024-01-00", "2024-01-32", "9999-99-99", "0000-00-00");
    private static final List<String> OLD_DATES = List.of("0000-01-01", "0001-01-01", "1000-06-15", "1900-01-01",
            "2000-02-29", "2024-12-31", "2024-02-29");
    private static final List<String> LATE_DATES = List.of("2025-01-01", "2030-06-30", "9999-12-31", "3000-02-28");
    private static final String DIGITS_999 = "9".repeat(999);
    private static final String DIGITS_10000 = "1" + "0".repeat(9_999);
    private static final String TWO_TO_63 = BigInteger.TWO.pow(63).toString();

    /** Values for a JSON field. */
    private static Val jsonValue(Field f, int depth, SplittableRandom r) {
        if (r.nextInt(10) < 4) {
            return switch (r.nextInt(5)) {
                case 0 -> v(REMOVE, Effect.MISSING, "(removed)");
                case 1 -> v(NODES.nullNode(), Effect.MISSING, "null");
                case 2 -> {
                    String blank = pick(r, BLANKS);
                    yield v(text(blank), Effect.MISSING, "blank " + show(blank));
                }
                case 3 -> wrongType(f, r);
                default -> nested(depth, r);
            };
        }
        return switch (f.sort()) {
            case TEXT -> {
                if (!f.name().equals("id") && r.nextInt(6) == 0) {
                    String[] bad = pick(r, List.of(new String[] {"ff", "U"}, new String[] {"c328", "U"},
                            new String[] {"80", "U"}, new String[] {"fe", "U"}, new String[] {"e2", "U"},
                            new String[] {"eda080", "M"}, new String[] {"c0af", "M"}, new String[] {"f4908080", "M"}));
                    yield v(raw("\"Tên " + bytes(bad[0]) + " mô hình\""), Effect.NEUTRAL,
                            bad[1].equals("U") ? Whole.UNREADABLE : Whole.MAYBE, "text with bytes " + bad[0]);
                }
                String t = pick(r, TEXTS);
                // names are cleaned (NFC, spaces, invisible characters) before anything reads them: nothing left is missing
                yield v(text(t), Names.isBlank(t) ? Effect.MISSING : Effect.NEUTRAL, show(t));
            }
            case ENUM -> {
                if (r.nextInt(3) == 0) {
                    String other = pick(r, f.constants());
                    yield v(text(other), f.name().equals("type") ? Effect.ANY : Effect.NEUTRAL, other);
                }
                String bad = pick(r, wrongConstants(f, r));
                yield v(text(bad), Effect.REJECT, show(bad));
            }
            case DATE -> dateValue(r, true);
            case WHOLE -> {
                Val val = pick(r, JSON_WHOLE);
                yield f.need() == Need.WORK && val.effect() == Effect.NEUTRAL ? relabel(val, Effect.ANY) : val;
            }
            case PERCENT -> pick(r, JSON_PERCENT);
            case YEAR -> pick(r, JSON_YEAR_VALUES);
            case BOOL -> r.nextBoolean() ? v(NODES.booleanNode(r.nextBoolean()), Effect.NEUTRAL, "a boolean")
                    : pick(r, List.of(v(text("true"), Effect.REJECT, "\"true\""), v(text("false"), Effect.REJECT, "\"false\""),
                    v(text("TRUE"), Effect.REJECT, "\"TRUE\""), v(NODES.numberNode(1), Effect.REJECT, "1"),
                    v(NODES.numberNode(0), Effect.REJECT, "0"), v(text("có"), Effect.REJECT, "\"có\"")));
            case LIST -> jsonList(f.name(), r);
            case DOSSIER -> {
                if (r.nextBoolean()) yield v(NODES.objectNode(), Effect.REJECT, "{}");
                String key = pick(r, UNKNOWN_KEYS.stream().filter(k -> !NominationValidator.DOSSIER_FIELDS.contains(k)).toList());
                ObjectNode dossier = NODES.objectNode().put("report", true).put("confirmation", true).put("acceptance", true);
                dossier.put(key, true);
                yield new Val(dossier, Effect.REJECT, Whole.READABLE, "dossier with key " + show(key), "." + key);
            }
        };
    }

    private static Val relabel(Val val, Effect effect) {
        return new Val(val.value(), effect, val.whole(), val.label(), val.at());
    }

    private static List<String> wrongConstants(Field f, SplittableRandom r) {
        String c = pick(r, f.constants());
        List<String> wrong = new ArrayList<>(List.of(c.toLowerCase(Locale.ROOT), " " + c, c + " ", c + "\u0000",
                c.charAt(0) + c.substring(1).toLowerCase(Locale.ROOT), c + c, "MÔ_HÌNH", "null", c.replace('_', '-'),
                "X".repeat(100_000), c + "," + c));
        wrong.addAll(OTHER_CONSTANTS);
        wrong.removeIf(f.constants()::contains);
        return wrong;
    }

    private static Val dateValue(SplittableRandom r, boolean json) {
        return switch (r.nextInt(3)) {
            case 0 -> {
                String d = pick(r, BAD_DATES);
                // a spreadsheet's cell is read without the spaces around it
                boolean committeeDate = !json && !d.equals(d.strip()) && BAD_DATES.stream().noneMatch(d.strip()::equals)
                        && d.strip().matches("\\d{4}-\\d{2}-\\d{2}");
                yield v(json ? text(d) : d, committeeDate ? Effect.NEUTRAL : Effect.REJECT, show(d));
            }
            case 1 -> {
                String d = pick(r, OLD_DATES);
                yield v(json ? text(d) : d, Effect.NEUTRAL, d);
            }
            default -> {
                String d = pick(r, LATE_DATES);
                yield v(json ? text(d) : d, Effect.AFTER_REFERENCE, d);
            }
        };
    }

    private static Val wrongType(Field f, SplittableRandom r) {
        List<JsonNode> others = new ArrayList<>();
        if (f.sort() != Sort.TEXT && f.sort() != Sort.ENUM && f.sort() != Sort.DATE) others.add(text("abc"));
        if (f.sort() == Sort.WHOLE || f.sort() == Sort.YEAR) others.add(text("1200"));
        if (f.sort() == Sort.PERCENT) others.add(text("92.5"));
        if (f.sort() == Sort.BOOL || f.sort() == Sort.DOSSIER) others.add(text("true"));
        if (f.sort() == Sort.LIST) others.add(text("2023:COMMUNE:COMMUNE_MODEL"));
        if (f.sort() != Sort.WHOLE && f.sort() != Sort.PERCENT && f.sort() != Sort.YEAR) {
            others.add(NODES.numberNode(7));
            others.add(NODES.numberNode(new BigDecimal("12.5")));
        }
        if (f.sort() != Sort.BOOL) others.add(NODES.booleanNode(true));
        if (f.sort() != Sort.DOSSIER) others.add(NODES.objectNode().put("a", 1));
        others.add(NODES.arrayNode().add(1).add(2));
        if (f.sort() != Sort.LIST) others.add(NODES.arrayNode());
        JsonNode value = pick(r, others);
        return v(value, Effect.REJECT, "wrong type " + shortly(value.toString()));
    }

    /** A value nested {@code d} arrays or objects deep; more than 200 levels in all is not readable JSON. */
    private static Val nested(int depth, SplittableRandom r) {
        int room = 200 - depth;
        int d = Math.max(1, pick(r, List.of(2, 40, 150, room, room + 1, 1_000, 10_000)));
        String text = r.nextBoolean() ? "[".repeat(d) + "1" + "]".repeat(d) : "{\"a\":".repeat(d) + "1" + "}".repeat(d);
        return v(raw(text), Effect.REJECT, d <= room ? Whole.READABLE : Whole.UNREADABLE, "nested " + d + " deep");
    }

    private static final List<Val> JSON_WHOLE = List.of(
            v(NODES.numberNode(-1), Effect.REJECT, "-1"),
            v(NODES.numberNode(Long.MIN_VALUE), Effect.REJECT, "Long.MIN_VALUE"),
            v(NODES.numberNode(new BigDecimal("12.5")), Effect.REJECT, "12.5"),
            v(raw("1.0"), Effect.REJECT, "1.0"), v(raw("1e308"), Effect.REJECT, "1e308"),
            v(raw("1E+2"), Effect.REJECT, "1E+2"), v(raw("2.5e3"), Effect.REJECT, "2.5e3"),
            v(raw("-0.0"), Effect.REJECT, "-0.0"),
            v(raw(TWO_TO_63), Effect.REJECT, "2^63"), v(raw("99999999999999999999999"), Effect.REJECT, "10^23-1"),
            v(raw(DIGITS_999), Effect.REJECT, "999 nines"),
            v(raw("1E-999999999"), Effect.REJECT, "1E-999999999"),
            v(text("1200"), Effect.REJECT, "\"1200\""), v(text("NaN"), Effect.REJECT, "\"NaN\""),
            v(text("Infinity"), Effect.REJECT, "\"Infinity\""), v(text("0x10"), Effect.REJECT, "\"0x10\""),
            v(NODES.numberNode(0), Effect.NEUTRAL, "0"), v(raw("-0"), Effect.NEUTRAL, "-0"),
            v(NODES.numberNode(Long.MAX_VALUE), Effect.NEUTRAL, "Long.MAX_VALUE"),
            v(NODES.numberNode(1), Effect.NEUTRAL, "1"),
            v(raw("NaN"), Effect.ANY, Whole.UNREADABLE, "NaN"), v(raw("Infinity"), Effect.ANY, Whole.UNREADABLE, "Infinity"),
            v(raw("-Infinity"), Effect.ANY, Whole.UNREADABLE, "-Infinity"), v(raw("007"), Effect.ANY, Whole.UNREADABLE, "007"),
            v(raw("+1"), Effect.ANY, Whole.UNREADABLE, "+1"), v(raw(".5"), Effect.ANY, Whole.UNREADABLE, ".5"),
            v(raw("1."), Effect.ANY, Whole.UNREADABLE, "1."), v(raw("1e"), Effect.ANY, Whole.UNREADABLE, "1e"),
            v(raw("-"), Effect.ANY, Whole.UNREADABLE, "-"), v(raw("0x10"), Effect.ANY, Whole.UNREADABLE, "0x10"),
            v(raw("1_000"), Effect.ANY, Whole.UNREADABLE, "1_000"),
            v(raw(DIGITS_10000), Effect.ANY, Whole.UNREADABLE, "10,000 digits"),
            v(raw("1" + "0".repeat(1_000)), Effect.ANY, Whole.UNREADABLE, "1,001 digits"));
    private static final List<Val> JSON_PERCENT = List.of(
            v(NODES.numberNode(new BigDecimal("-0.01")), Effect.REJECT, "-0.01"),
            v(NODES.numberNode(new BigDecimal("100.01")), Effect.REJECT, "100.01"),
            v(NODES.numberNode(101), Effect.REJECT, "101"), v(NODES.numberNode(-1), Effect.REJECT, "-1"),
            v(raw("1e308"), Effect.REJECT, "1e308"), v(raw(TWO_TO_63), Effect.REJECT, "2^63"),
            v(raw("1E+999999999"), Effect.REJECT, "1E+999999999"),
            v(text("92.5"), Effect.REJECT, "\"92.5\""), v(text("NaN"), Effect.REJECT, "\"NaN\""),
            v(NODES.numberNode(0), Effect.NEUTRAL, "0"), v(NODES.numberNode(100), Effect.NEUTRAL, "100"),
            v(NODES.numberNode(new BigDecimal("12.5")), Effect.NEUTRAL, "12.5"),
            v(raw("1.0"), Effect.NEUTRAL, "1.0"), v(raw("-0"), Effect.NEUTRAL, "-0"), v(raw("-0.0"), Effect.NEUTRAL, "-0.0"),
            v(raw("1E2"), Effect.NEUTRAL, "1E2"), v(raw("100.000000000000000000000"), Effect.NEUTRAL, "100.000…"),
            v(raw("99.99999999999999999999"), Effect.NEUTRAL, "99.999…"),
            v(raw("0." + "0".repeat(990) + "1"), Effect.NEUTRAL, "0.000…1 (992 digits)"),
            v(raw("1E-999999999"), Effect.NEUTRAL, "1E-999999999"),
            v(raw("0.5E-99999"), Effect.NEUTRAL, "0.5E-99999"),
            v(raw("NaN"), Effect.ANY, Whole.UNREADABLE, "NaN"), v(raw("Infinity"), Effect.ANY, Whole.UNREADABLE, "Infinity"),
            v(raw("01.5"), Effect.ANY, Whole.UNREADABLE, "01.5"),
            v(raw(DIGITS_10000), Effect.ANY, Whole.UNREADABLE, "10,000 digits"));
    private static final List<Val> JSON_YEAR_VALUES = List.of(
            v(NODES.numberNode(-1), Effect.REJECT, "-1"), v(NODES.numberNode(10_000), Effect.REJECT, "10000"),
            v(raw("2024.0"), Effect.REJECT, "2024.0"), v(text("2023"), Effect.REJECT, "\"2023\""),
            v(raw(TWO_TO_63), Effect.REJECT, "2^63"), v(raw("2e3"), Effect.REJECT, "2e3"),
            v(NODES.numberNode(Integer.MAX_VALUE + 1L), Effect.REJECT, "2^31"),
            v(NODES.numberNode(0), Effect.NEUTRAL, "0"), v(NODES.numberNode(1), Effect.NEUTRAL, "1"),
            v(NODES.numberNode(9_999), Effect.NEUTRAL, "9999"), v(NODES.numberNode(2_023), Effect.NEUTRAL, "2023"),
            v(raw("NaN"), Effect.ANY, Whole.UNREADABLE, "NaN"),
            v(raw(DIGITS_10000), Effect.ANY, Whole.UNREADABLE, "10,000 digits"));

    private static ObjectNode prior(SplittableRandom r) {
        return NODES.objectNode().put("year", 1990 + r.nextInt(35)).put("level", pick(r, names(Level.values())))
                .put("title", pick(r, List.of("COMMUNE_MODEL", "DISTRICT_MODEL", "CITY_MODEL", "DISTRICT_GIAY_KHEN",
                        "Giấy khen của UBND xã")));
    }

    private static ObjectNode violation(SplittableRandom r) {
        ObjectNode v = NODES.objectNode().put("year", 1950 + r.nextInt(75));
        if (r.nextBoolean()) v.put("description", pick(r, List.of("chậm báo cáo", "vi phạm, có dấu phẩy", "a\u0000\n\"b\"")));
        return v;
    }

    private static JsonNode badEntry(String list, SplittableRandom r) {
        boolean prior = list.equals("priorRecognitions");
        ObjectNode good = prior ? prior(r) : violation(r);
        return switch (r.nextInt(prior ? 9 : 6)) {
            case 0 -> good.without("year");
            case 1 -> good.put("year", -1);
            case 2 -> NODES.objectNode();
            case 3 -> NODES.numberNode(7);
            case 4 -> NODES.nullNode();
            case 5 -> good.put("năm", 2023);
            case 6 -> good.put("level", "VILLAGE");
            case 7 -> good.put("title", " ");
            default -> text("2023:COMMUNE:COMMUNE_MODEL");
        };
    }

    private static Val jsonList(String list, SplittableRandom r) {
        boolean prior = list.equals("priorRecognitions");
        switch (r.nextInt(5)) {
            case 0:
                return v(NODES.arrayNode(), Effect.NEUTRAL, "[]");
            case 1: {
                int n = 1_000 + r.nextInt(3_000);
                ArrayNode a = NODES.arrayNode();
                for (int i = 0; i < n; i++) a.add(prior ? prior(r) : violation(r));
                return v(a, Effect.NEUTRAL, n + " valid entries");
            }
            default: {
                int n = r.nextInt(4) == 0 ? 1_000 + r.nextInt(3_000) : 1 + r.nextInt(4);
                int bad = r.nextInt(n);
                ArrayNode a = NODES.arrayNode();
                for (int i = 0; i < n; i++) a.add(i == bad ? badEntry(list, r) : prior ? prior(r) : violation(r));
                return new Val(a, Effect.REJECT, Whole.READABLE, n + " entries, [" + bad + "] = "
                        + shortly(a.get(bad).toString()), "[" + bad + "]");
            }
        }
    }

    // CSV cells

    private static Val csvValue(Field f, SplittableRandom r) {
        if (r.nextInt(10) < 2) {
            String blank = r.nextBoolean() ? "" : pick(r, BLANKS);
            return v(blank, Effect.MISSING, "blank " + show(blank));
        }
        return switch (f.sort()) {
            case TEXT -> {
                if (r.nextInt(8) == 0) {
                    String hex = pick(r, List.of("ff", "c328", "80", "fe", "eda080", "c0af", "f4908080", "e2"));
                    yield v("Tên " + bytes(hex) + " mô hình", Effect.NEUTRAL, Whole.UNREADABLE, "bytes " + hex);
                }
                String t = utf8(pick(r, TEXTS));
                yield v(t, Names.isBlank(t) ? Effect.MISSING : Effect.NEUTRAL, show(t));
            }
            case ENUM -> {
                if (r.nextInt(3) == 0) {
                    String other = pick(r, f.constants());
                    yield v(other, f.name().equals("type") ? Effect.ANY : Effect.NEUTRAL, other);
                }
                String bad = utf8(pick(r, wrongConstants(f, r)));
                // a spreadsheet's code is read in any case, with spaces around it: a constant still
                boolean readAsCode = f.constants().stream().anyMatch(k -> Names.matchKey(k).equals(Names.matchKey(bad)));
                yield v(bad, readAsCode ? (f.name().equals("type") ? Effect.ANY : Effect.NEUTRAL) : Effect.REJECT, show(bad));
            }
            case DATE -> dateValue(r, false);
            case WHOLE -> {
                Val val = pick(r, CSV_WHOLE);
                yield f.need() == Need.WORK && val.effect() == Effect.NEUTRAL ? relabel(val, Effect.ANY) : val;
            }
            case PERCENT -> pick(r, CSV_PERCENT);
            case BOOL -> pick(r, CSV_BOOL);
            case LIST -> csvList(f.name(), r);
            default -> throw new IllegalStateException(f.toString());
        };
    }

    private static List<Val> cells(Effect effect, String... cells) {
        return Arrays.stream(cells).map(c -> v(c, effect, show(c))).toList();
    }

    private static final List<Val> CSV_WHOLE = concat(
            cells(Effect.REJECT, "-1", "12.5", "1.0", "1e308", TWO_TO_63, "99999999999999999999999", DIGITS_999,
                    DIGITS_10000, "NaN", "Infinity", "1 000", "1,000", "١٢", "0x10", "1_000", "true", "-0.0", "1.2", "1.2000",
                    "12,5", ".100", "1..000"),
            // what committees type: spaces around, digits grouped by dots in threes
            cells(Effect.NEUTRAL, "0", "-0", "9223372036854775807", "007", "1", " 12", "12 ", "1.200.000", "12.000"));
    private static final List<Val> CSV_PERCENT = concat(
            cells(Effect.REJECT, "-0.01", "100.01", "101", "1e2", "NaN", ".5", "5.", DIGITS_10000, "50%", "100,01"),
            cells(Effect.NEUTRAL, "0", "100", "12.5", "92,5", "1.0", "-0", "-0.0", "0." + "0".repeat(5_000) + "1",
                    "99.999999999999999999", "007.5", "100.0000000000000000000"));
    private static final List<Val> CSV_BOOL = concat(
            cells(Effect.REJECT, "1", "0", "yes", "no", "co", "xx"),
            // what committees type: Có, Không, x, and true or false in any case
            cells(Effect.NEUTRAL, "true", "false", "TRUE", "True", " true", "true ", "có", "Có", "KHÔNG", "x", "X"));

    private static String priorCell(SplittableRandom r) {
        JsonNode p = prior(r);
        return p.get("year").asText() + ":" + p.get("level").asText() + ":" + p.get("title").asText();
    }

    private static String violationCell(SplittableRandom r) {
        return (1950 + r.nextInt(75)) + (r.nextBoolean() ? ":" + pick(r, List.of("chậm báo cáo", "vi phạm, có dấu phẩy",
                "mô tả: có dấu hai chấm")) : "");
    }

    private static Val csvList(String list, SplittableRandom r) {
        boolean prior = list.equals("priorRecognitions");
        switch (r.nextInt(4)) {
            case 0: {
                List<String> ok = prior
                        ? List.of(" 2023 : COMMUNE : COMMUNE_MODEL ", "2023:COMMUNE:Giấy khen; 2022:DISTRICT:DISTRICT_MODEL")
                        : List.of("2021", "2021:mô tả, có dấu phẩy", "2021:a:b");
                String cell = pick(r, ok);
                return v(cell, Effect.NEUTRAL, show(cell));
            }
            case 1: {
                int n = 1_000 + r.nextInt(3_000);
                String cell = IntStream.range(0, n).mapToObj(i -> prior ? priorCell(r) : violationCell(r))
                        .collect(Collectors.joining(";"));
                return v(cell, Effect.NEUTRAL, n + " valid entries");
            }
            default: {
                int n = r.nextInt(4) == 0 ? 1_000 + r.nextInt(3_000) : 1 + r.nextInt(4);
                int bad = r.nextInt(n);
                List<String> bads = prior
                        ? List.of("2023:COMMUNE", "2023", "", "x:COMMUNE:X", "2023:VILLAGE:X", "2023:COMMUNE: ",
                                "-1:COMMUNE:X", "99999999999999999999:COMMUNE:X", "2023.5:CITY:X", ":")
                        : List.of("abc", "", "-5:x", "2021.5:x", "99999:x", ":x");
                String badEntry = pick(r, n == 1 ? bads.stream().filter(b -> !b.isBlank()).toList() : bads);
                String cell = IntStream.range(0, n).mapToObj(i -> i == bad ? badEntry : prior ? priorCell(r) : violationCell(r))
                        .collect(Collectors.joining(";"));
                return new Val(cell, Effect.REJECT, Whole.READABLE, n + " entries, [" + bad + "] = " + show(badEntry),
                        "[" + bad + "]");
            }
        }
    }

    // Keys and columns that are not the contract's

    private static final List<String> UNKNOWN_KEYS = List.of("fundVnd", "Id", "ID", "id ", " id", "năm", "", " ",
            "a\nb", "\u0000", "__proto__", "year", "nominations", "dossier.report", "k".repeat(10_000), "k\uD800",
            "😀", "$ref", "priorRecognitions[0]", "NAME", "reports");
    private static final List<String> UNKNOWN_TOP = List.of("Year", "nomination", "comment", "", "a\nb",
            "x".repeat(10_000), "rules", "summary", "\u0000", "năm");
    // (a blank header cell is no unknown column: a value under it rejects its record, as in a workbook)
    private static final List<String> UNKNOWN_COLUMNS = List.of("fundVnd", "Year", "ID", " id", "id ", "dossier",
            "dossier.other", "a\nb", "nominations", "năm", "x".repeat(10_000), "\u0000");

    // ---------------------------------------------------------------------------------------------
    // A case: records, mutations, the bytes written
    // ---------------------------------------------------------------------------------------------

    private static final String NOMINATIONS = "\u0000nominations";

    private static final class Rec {
        JsonNode node;
        Map<String, String> cells;
        final List<String> extraCells = new ArrayList<>();
        int keptCells = -1;
        /** Paths an error must name, each with whether it depends on the batch's year. */
        final Map<String, Boolean> expected = new LinkedHashMap<>();
        /** Paths mutated or relied on: not mutated again. */
        final Set<String> touched = new HashSet<>();
        /** Whether the values put in the record leave the batch readable, by path. */
        final Map<String, Whole> wholes = new HashMap<>();
        /** Only neutral mutations: the record must be accepted. */
        boolean valid = true;
        boolean typeMutated;
        /** Another record copies its id. */
        boolean locked;
        /** JSON: no longer an object, or raw text. */
        boolean replaced;
    }

    private static final class Case {
        final int number;
        final boolean csv;
        final List<Rec> recs = new ArrayList<>();
        final List<String> mutations = new ArrayList<>();
        final List<UnaryOperator<byte[]>> byteOps = new ArrayList<>();
        Whole whole = Whole.READABLE;
        boolean countUnknown;
        int year = YEAR;
        boolean yearChanged;
        boolean documentMutated;
        boolean bytesMutated;
        // JSON
        boolean pretty;
        boolean escapeAll;
        final List<String> top = new ArrayList<>();
        String topOverride;
        // CSV
        List<String> header;
        char delimiter = ',';
        String newline = "\n";
        boolean quoteAll;
        boolean quoteHeader;
        boolean bom;
        boolean blankLines;
        boolean rowsShaped;
        String trailing = "";
        byte[] bytes;

        Case(int number, boolean csv) {
            this.number = number;
            this.csv = csv;
        }

        void whole(Whole w) {
            if (w.ordinal() > whole.ordinal()) whole = w;
        }

        /** Whether the batch is readable, with what each record holds now. */
        Whole expected() {
            Whole w = whole;
            for (Rec rec : recs) {
                for (Whole v : rec.wholes.values()) if (v.ordinal() > w.ordinal()) w = v;
            }
            // a CSV file cut short or with a quote opened may have lost what made it unreadable
            return countUnknown && w == Whole.UNREADABLE ? Whole.MAYBE : w;
        }

        void year(int year) {
            this.year = year;
            yearChanged = year != YEAR;
        }

        String describe() {
            return (csv ? "CSV" : "JSON") + ", " + recs.size() + " records, " + String.join("; ", mutations)
                    + " (expected " + expected() + ")";
        }
    }

    private record Mutation(String name, int weight, BiFunction<Case, SplittableRandom, String> apply) {}

    private static final List<Mutation> JSON_MENU = List.of(
            new Mutation("field value", 44, InputFuzzTest::jsonField),
            new Mutation("unknown key", 8, InputFuzzTest::unknownKey),
            new Mutation("record not an object", 4, InputFuzzTest::notAnObject),
            new Mutation("duplicate id", 4, InputFuzzTest::duplicateId),
            new Mutation("near-duplicate id", 3, InputFuzzTest::nearDuplicateId),
            new Mutation("key repeated in a record", 2, InputFuzzTest::repeatedKey),
            new Mutation("keys reordered", 2, InputFuzzTest::reorder),
            new Mutation("year", 5, InputFuzzTest::jsonYear),
            new Mutation("year after the list", 2, InputFuzzTest::yearAfter),
            new Mutation("year twice", 1, InputFuzzTest::yearTwice),
            new Mutation("nominations not a list", 2, InputFuzzTest::nominationsOdd),
            new Mutation("unknown top-level field", 2, InputFuzzTest::unknownTop),
            new Mutation("top level not an object", 1, InputFuzzTest::topNotObject),
            new Mutation("empty or blank file", 1, InputFuzzTest::emptyFile),
            new Mutation("truncated", 3, InputFuzzTest::truncated),
            new Mutation("invalid UTF-8", 3, InputFuzzTest::invalidUtf8),
            new Mutation("BOM", 2, InputFuzzTest::bom),
            new Mutation("trailing garbage", 2, InputFuzzTest::trailingGarbage),
            new Mutation("whitespace and line ends", 1, InputFuzzTest::jsonWhitespace),
            new Mutation("UTF-16", 1, InputFuzzTest::utf16),
            new Mutation("comment or single quote", 1, InputFuzzTest::notStrictJson));
    private static final List<Mutation> CSV_MENU = List.of(
            new Mutation("field value", 44, InputFuzzTest::csvField),
            new Mutation("wrong cell count", 6, InputFuzzTest::cellCount),
            new Mutation("duplicate id", 4, InputFuzzTest::duplicateId),
            new Mutation("near-duplicate id", 3, InputFuzzTest::nearDuplicateId),
            new Mutation("row emptied but its year", 2, InputFuzzTest::emptiedRow),
            new Mutation("unknown column", 3, InputFuzzTest::unknownColumn),
            new Mutation("duplicate column", 2, InputFuzzTest::duplicateColumn),
            new Mutation("no year column", 1, InputFuzzTest::noYearColumn),
            new Mutation("column dropped", 3, InputFuzzTest::dropColumn),
            new Mutation("columns shuffled", 2, InputFuzzTest::shuffleColumns),
            new Mutation("header quoted", 1, InputFuzzTest::quoteHeader),
            new Mutation("two years", 2, InputFuzzTest::twoYears),
            new Mutation("year", 4, InputFuzzTest::csvYear),
            new Mutation("semicolons", 1, InputFuzzTest::semicolons),
            new Mutation("empty or blank file", 1, InputFuzzTest::emptyFile),
            new Mutation("header only", 1, InputFuzzTest::headerOnly),
            new Mutation("truncated", 3, InputFuzzTest::truncated),
            new Mutation("invalid UTF-8", 3, InputFuzzTest::invalidUtf8),
            new Mutation("BOM", 2, InputFuzzTest::bom),
            new Mutation("CRLF", 2, InputFuzzTest::crlf),
            new Mutation("blank lines", 2, InputFuzzTest::blankLines),
            new Mutation("unbalanced quote", 2, InputFuzzTest::unbalancedQuote),
            new Mutation("trailing garbage", 1, InputFuzzTest::trailingGarbage));

    private static Case build(Pool pool, int number) {
        SplittableRandom r = new SplittableRandom(SEED + 0x9E3779B97F4A7C15L * (number + 1));
        Case c = new Case(number, r.nextInt(5) == 0);
        int n = r.nextInt(25) == 0 ? 0 : 1 + r.nextInt(5);
        Set<Integer> picked = new HashSet<>();
        while (picked.size() < n) picked.add(r.nextInt(pool.records.size()));
        for (int base : picked.stream().sorted().toList()) {
            Rec rec = new Rec();
            if (c.csv) rec.cells = cells(pool.records.get(base), pool.columns);
            else rec.node = pool.records.get(base).deepCopy();
            c.recs.add(rec);
        }
        shuffle(c.recs, r);
        if (c.csv && n == 0) c.whole(Whole.UNREADABLE);      // a header and no rows: no year
        c.pretty = r.nextBoolean();
        c.escapeAll = r.nextInt(10) == 0;
        c.top.add("\"year\": " + YEAR);
        c.top.add(NOMINATIONS);
        c.header = new ArrayList<>(pool.columns);
        c.quoteAll = r.nextInt(5) == 0;
        List<Mutation> menu = c.csv ? CSV_MENU : JSON_MENU;
        int total = menu.stream().mapToInt(Mutation::weight).sum();
        int mutations = 1 + r.nextInt(3);
        for (int m = 0; m < mutations; m++) {
            for (int attempt = 0; attempt < 30; attempt++) {
                int w = r.nextInt(total);
                Mutation mutation = null;
                for (Mutation candidate : menu) {
                    w -= candidate.weight();
                    if (w < 0) {
                        mutation = candidate;
                        break;
                    }
                }
                String done = mutation.apply().apply(c, r);
                if (done != null) {
                    c.mutations.add(mutation.name() + ": " + done);
                    break;
                }
            }
        }
        byte[] bytes = encode(c.csv ? csvText(c) : jsonText(c));
        for (UnaryOperator<byte[]> op : c.byteOps) bytes = op.apply(bytes);
        c.bytes = bytes;
        return c;
    }

    // Record-level mutations

    private static Rec pickRec(Case c, SplittableRandom r, Predicate<Rec> ok) {
        List<Rec> candidates = c.recs.stream().filter(ok).toList();
        return candidates.isEmpty() ? null : pick(r, candidates);
    }

    private static String at(Case c, Rec rec) {
        return "record " + c.recs.indexOf(rec) + " ";
    }

    private static boolean isObject(Rec rec) {
        return rec.node instanceof ObjectNode && !rec.replaced;
    }

    private record Slot(ObjectNode owner, String key, String path, Field field, int depth) {}

    private static List<Slot> jsonSlots(Rec rec) {
        List<Slot> slots = new ArrayList<>();
        ObjectNode o = (ObjectNode) rec.node;
        for (Field f : RECORD) slots.add(new Slot(o, f.name(), f.name(), f, 3));
        if (o.get("dossier") instanceof ObjectNode d) {
            for (Field f : DOSSIER) slots.add(new Slot(d, f.name(), "dossier." + f.name(), f, 4));
        }
        for (String list : List.of("priorRecognitions", "violations")) {
            if (o.get(list) instanceof ArrayNode a) {
                for (int i = 0; i < Math.min(3, a.size()); i++) {
                    if (a.get(i) instanceof ObjectNode e) {
                        for (Field f : list.equals("violations") ? VIOLATION : PRIOR) {
                            slots.add(new Slot(e, f.name(), list + "[" + i + "]." + f.name(), f, 5));
                        }
                    }
                }
            }
        }
        slots.removeIf(s -> !free(rec, s.path()));
        return slots;
    }

    private static boolean free(Rec rec, String path) {
        for (String t : rec.touched) {
            if (t.equals(path) || within(t, path) || within(path, t)) return false;
        }
        return true;
    }

    private static boolean within(String inner, String outer) {
        return inner.startsWith(outer + ".") || inner.startsWith(outer + "[");
    }

    /** Whether the field is required in this record: null when the type was mutated and cannot be told. */
    private static Boolean required(Rec rec, Need need) {
        if (need == Need.ALWAYS) return true;
        if (need == Need.NEVER) return false;
        if (rec.typeMutated) return null;
        rec.touched.add("type");
        String type = rec.cells != null ? rec.cells.get("type") : rec.node.path("type").asText();
        return need.name().equals(type);
    }

    private static void resolve(Case c, Rec rec, String path, Need need, Val val) {
        rec.wholes.merge(path, val.whole(), (a, b) -> a.ordinal() >= b.ordinal() ? a : b);
        Effect effect = val.effect();
        if (effect == Effect.MISSING || effect == Effect.AFTER_REFERENCE) {
            Boolean required = required(rec, need);
            effect = required == null ? Effect.ANY : required ? Effect.REJECT : Effect.NEUTRAL;
        }
        if (effect == Effect.REJECT) rec.expected.put(path, val.effect() == Effect.AFTER_REFERENCE);
        if (effect != Effect.NEUTRAL) rec.valid = false;
    }

    private static String jsonField(Case c, SplittableRandom r) {
        Rec rec = pickRec(c, r, InputFuzzTest::isObject);
        if (rec == null) return null;
        List<Slot> slots = jsonSlots(rec);
        if (slots.isEmpty()) return null;
        Slot s = pick(r, slots);
        Val val = jsonValue(s.field(), s.depth(), r);
        if (val.value() == REMOVE) s.owner().remove(s.key());
        else s.owner().set(s.key(), (JsonNode) val.value());
        if (s.path().equals("type")) rec.typeMutated = true;
        resolve(c, rec, s.path() + val.at(), s.field().need(), val);
        rec.touched.add(s.path());
        return at(c, rec) + s.path() + " = " + val.label();
    }

    private static String csvField(Case c, SplittableRandom r) {
        Rec rec = pickRec(c, r, x -> true);
        if (rec == null) return null;
        List<String> columns = c.header.stream().distinct().filter(col -> COLUMNS.containsKey(col) && free(rec, col)).toList();
        if (columns.isEmpty()) return null;
        String column = pick(r, columns);
        Field f = COLUMNS.get(column);
        Val val = csvValue(f, r);
        rec.cells.put(column, (String) val.value());
        if (column.equals("type")) rec.typeMutated = true;
        resolve(c, rec, column + val.at(), f.need(), val);
        rec.touched.add(column);
        return at(c, rec) + column + " = " + val.label();
    }

    private static String unknownKey(Case c, SplittableRandom r) {
        Rec rec = pickRec(c, r, InputFuzzTest::isObject);
        if (rec == null) return null;
        ObjectNode o = (ObjectNode) rec.node;
        ObjectNode owner = o;
        String prefix = "";
        Set<String> known = NominationValidator.RECORD_FIELDS;
        int where = r.nextInt(3);
        if (where == 1 && o.get("dossier") instanceof ObjectNode d && free(rec, "dossier")) {
            owner = d;
            prefix = "dossier.";
            known = NominationValidator.DOSSIER_FIELDS;
        } else if (where == 2 && o.get("priorRecognitions") instanceof ArrayNode a && !a.isEmpty()
                && a.get(0) instanceof ObjectNode e && free(rec, "priorRecognitions[0]")) {
            owner = e;
            prefix = "priorRecognitions[0].";
            known = NominationValidator.RECOGNITION_FIELDS;
        }
        Set<String> skip = known;
        ObjectNode target = owner;
        List<String> keys = UNKNOWN_KEYS.stream().filter(k -> !skip.contains(k) && !target.has(k)).toList();
        String key = pick(r, keys);
        owner.set(key, pick(r, List.of(text("x"), NODES.numberNode(1), NODES.nullNode(), NODES.objectNode(),
                NODES.booleanNode(false))));
        rec.expected.put(prefix + key, false);
        rec.touched.add(prefix + key);
        rec.valid = false;
        return at(c, rec) + "unknown key " + show(prefix + key);
    }

    private static String notAnObject(Case c, SplittableRandom r) {
        Rec rec = pickRec(c, r, x -> !x.locked && !x.replaced);
        if (rec == null) return null;
        int d = r.nextBoolean() ? 50 : 10_000;
        List<JsonNode> values = List.of(NODES.numberNode(7), text("GL-2024-001"), text(""),
                NODES.arrayNode().add(rec.node.deepCopy()), NODES.nullNode(), NODES.booleanNode(true),
                NODES.objectNode(), raw("[".repeat(d) + "]".repeat(d)));
        JsonNode value = pick(r, values);
        rec.expected.clear();
        if (value != values.get(3)) rec.wholes.clear();    // else the record is still there, inside a list
        rec.valid = false;
        rec.typeMutated = true;
        rec.node = value;
        if (value == values.get(3)) {
            // the record one level deeper, in a list: a value nested to the limit is now past it
            StringBuilder text = new StringBuilder();
            json(value, text, -1, false);
            rec.wholes.put("record", 2 + depth(text) > 200 ? Whole.UNREADABLE : Whole.READABLE);
        }
        if (value.isObject()) {
            rec.expected.put("id", false);
            rec.touched.add("id");
        } else {
            rec.replaced = true;
            rec.expected.put("record", false);
            if (value instanceof POJONode && d > 190) rec.wholes.put("record", Whole.UNREADABLE);
        }
        return at(c, rec) + "replaced by " + shortly(value instanceof POJONode ? "[…] " + d + " deep" : value.toString());
    }

    /** How deeply the JSON text nests, strings skipped. */
    private static int depth(CharSequence json) {
        int depth = 0;
        int max = 0;
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char ch = json.charAt(i);
            if (inString) {
                if (ch == '\\') i++;
                else if (ch == '"') inString = false;
            } else if (ch == '"') {
                inString = true;
            } else if (ch == '[' || ch == '{') {
                max = Math.max(max, ++depth);
            } else if (ch == ']' || ch == '}') {
                depth--;
            }
        }
        return max;
    }

    /** The record's id as the validator sees it: a non-blank text, or null. */
    private static String idOf(Case c, Rec rec) {
        if (rec.cells != null) {
            List<String> row = rowCells(c, rec);
            int column = c.header.indexOf("id");
            String id = column >= 0 && column < Math.min(row.size(), c.header.size()) ? row.get(column) : "";
            return id.isBlank() ? null : id;
        }
        if (rec.replaced || !(rec.node instanceof ObjectNode o)) return null;
        JsonNode id = o.get("id");
        return id != null && id.isTextual() && !id.asText().isBlank() ? id.asText() : null;
    }

    private static void setId(Rec rec, String id) {
        if (rec.cells != null) rec.cells.put("id", id);
        else ((ObjectNode) rec.node).put("id", id);
    }

    private static boolean canTakeId(Rec rec) {
        return (rec.cells != null || isObject(rec)) && free(rec, "id");
    }

    private static String duplicateId(Case c, SplittableRandom r) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Rec later = pickRec(c, r, InputFuzzTest::canTakeId);
            if (later == null) return null;
            int j = c.recs.indexOf(later);
            List<Rec> earlier = c.recs.subList(0, j).stream().filter(x -> idOf(c, x) != null && (x.cells != null || isObject(x))).toList();
            if (earlier.isEmpty()) continue;
            Rec first = pick(r, earlier);
            first.locked = true;
            first.touched.add("id");
            setId(later, idOf(c, first));
            later.touched.add("id");
            later.expected.put("id", false);
            later.valid = false;
            return at(c, later) + "id = id of record " + c.recs.indexOf(first);
        }
        return null;
    }

    private static String nearDuplicateId(Case c, SplittableRandom r) {
        Rec later = pickRec(c, r, InputFuzzTest::canTakeId);
        if (later == null) return null;
        int j = c.recs.indexOf(later);
        List<Rec> earlier = c.recs.subList(0, j).stream().filter(x -> idOf(c, x) != null && (x.cells != null || isObject(x))).toList();
        if (earlier.isEmpty()) return null;
        Rec first = pick(r, earlier);
        String id = idOf(c, first);
        int variant = r.nextInt(c.csv ? 6 : 8);
        if (variant == 7) {
            // two ids that differ only in an unpaired surrogate and a question mark
            if (!canTakeId(first)) return null;
            setId(first, id + "\uDC80");
            setId(later, id + "?");
            first.touched.add("id");
            later.touched.add("id");
            first.locked = true;
            return "record " + c.recs.indexOf(first) + " id += \\uDC80, record " + j + " id = same + \"?\"";
        }
        String near = switch (variant) {
            case 0 -> id + " ";
            case 1 -> " " + id;
            case 2 -> id.toLowerCase(Locale.ROOT);
            case 3 -> id + "\u200B";
            case 4 -> Normalizer.normalize(id + "-Đặng", Normalizer.Form.NFD);
            case 5 -> id.replace('-', '‐');
            default -> id + "\uD800";
        };
        if (variant == 4) {
            if (!canTakeId(first)) return null;
            setId(first, Normalizer.normalize(id + "-Đặng", Normalizer.Form.NFC));
        }
        first.locked = true;
        first.touched.add("id");
        setId(later, near);
        later.touched.add("id");
        return at(c, later) + "id = " + show(near) + " near " + show(idOf(c, first));
    }

    private static String repeatedKey(Case c, SplittableRandom r) {
        Rec rec = pickRec(c, r, x -> isObject(x) && x.node.size() > 0);
        if (rec == null) return null;
        List<String> keys = new ArrayList<>();
        rec.node.fieldNames().forEachRemaining(keys::add);
        String key = pick(r, keys);
        StringBuilder out = new StringBuilder();
        json(rec.node, out, -1, false);
        StringBuilder dup = new StringBuilder();
        string(key, dup, false);
        out.insert(1, dup + ":\"again\",");
        rec.node = raw(out.toString());
        rec.replaced = true;
        rec.valid = false;
        c.whole(Whole.UNREADABLE);
        return at(c, rec) + "key " + show(key) + " twice";
    }

    private static String reorder(Case c, SplittableRandom r) {
        Rec rec = pickRec(c, r, InputFuzzTest::isObject);
        if (rec == null) return null;
        ObjectNode o = (ObjectNode) rec.node;
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        o.fields().forEachRemaining(entries::add);
        shuffle(entries, r);
        ObjectNode reordered = NODES.objectNode();
        entries.forEach(e -> reordered.set(e.getKey(), e.getValue()));
        rec.node = reordered;
        return at(c, rec) + "keys shuffled";
    }

    private static String cellCount(Case c, SplittableRandom r) {
        Rec rec = pickRec(c, r, x -> x.keptCells < 0 && x.extraCells.isEmpty());
        if (rec == null) return null;
        int size = c.header.size();
        String what;
        if (r.nextBoolean() || size < 3) {
            int extra = 1 + r.nextInt(3);
            for (int i = 0; i < extra; i++) rec.extraCells.add(pick(r, List.of("x", "", "2024", "GL-1", "\"", "a,b")));
            what = extra + " cells more";
        } else {
            int keep = 2 + r.nextInt(size - 2);
            rec.keptCells = keep;
            int year = c.header.indexOf("year");
            if (year < 0 || year >= keep) c.whole(Whole.UNREADABLE);
            for (int k = keep; k < size; k++) {
                String dropped = c.header.get(k);
                rec.touched.add(dropped);
                rec.expected.keySet().removeIf(p -> p.equals(dropped) || within(p, dropped));
                rec.wholes.keySet().removeIf(p -> p.equals(dropped) || within(p, dropped));
            }
            what = (size - keep) + " cells fewer";
        }
        c.rowsShaped = true;
        rec.expected.put("row", false);
        rec.valid = false;
        return at(c, rec) + what;
    }

    private static String emptiedRow(Case c, SplittableRandom r) {
        Rec rec = pickRec(c, r, x -> free(x, "id") && !x.locked);
        if (rec == null) return null;
        rec.cells.replaceAll((column, cell) -> column.equals("year") ? cell : "");
        rec.wholes.clear();
        rec.touched.addAll(COLUMNS.keySet());
        rec.typeMutated = true;
        rec.expected.clear();
        if (c.header.contains("id")) rec.expected.put("id", false);
        rec.valid = false;
        return at(c, rec) + "every cell but the year empty";
    }

    // Document-level mutations: JSON structure

    private record YearVal(String text, Whole whole, Integer year) {}

    private static final List<YearVal> JSON_YEARS = List.of(
            new YearVal(null, Whole.UNREADABLE, null), new YearVal("\"2024\"", Whole.UNREADABLE, null),
            new YearVal("2024.0", Whole.UNREADABLE, null), new YearVal("2.024E3", Whole.UNREADABLE, null),
            new YearVal("null", Whole.UNREADABLE, null), new YearVal("0", Whole.UNREADABLE, null),
            new YearVal("-2024", Whole.UNREADABLE, null), new YearVal("10000", Whole.UNREADABLE, null),
            new YearVal(TWO_TO_63, Whole.UNREADABLE, null), new YearVal(DIGITS_10000, Whole.UNREADABLE, null),
            new YearVal("{}", Whole.UNREADABLE, null), new YearVal("[2024]", Whole.UNREADABLE, null),
            new YearVal("true", Whole.UNREADABLE, null), new YearVal("\"\"", Whole.UNREADABLE, null),
            new YearVal("[".repeat(10_000) + "]".repeat(10_000), Whole.UNREADABLE, null),
            new YearVal("\"" + "9".repeat(100_000) + "\"", Whole.UNREADABLE, null),
            new YearVal("2025", Whole.READABLE, 2025), new YearVal("2023", Whole.READABLE, 2023),
            new YearVal("1", Whole.READABLE, 1), new YearVal("9999", Whole.READABLE, 9999),
            new YearVal("2026", Whole.READABLE, 2026), new YearVal("2024", Whole.READABLE, 2024));

    private static int yearPart(Case c) {
        for (int i = 0; i < c.top.size(); i++) if (c.top.get(i).startsWith("\"year\"")) return i;
        return -1;
    }

    private static boolean document(Case c) {
        if (c.documentMutated) return false;
        c.documentMutated = true;
        return true;
    }

    private static String jsonYear(Case c, SplittableRandom r) {
        if (!document(c)) return null;
        YearVal y = pick(r, JSON_YEARS);
        int i = yearPart(c);
        if (y.text() == null) c.top.remove(i);
        else c.top.set(i, "\"year\": " + y.text());
        c.whole(y.whole());
        if (y.year() != null) c.year(y.year());
        return y.text() == null ? "no year" : "year " + shortly(y.text());
    }

    private static String yearAfter(Case c, SplittableRandom r) {
        if (!document(c)) return null;
        String year = c.top.remove(yearPart(c));
        c.top.add(year);
        return "year after the nominations";
    }

    private static String yearTwice(Case c, SplittableRandom r) {
        if (!document(c)) return null;
        String year = c.top.get(yearPart(c));
        c.top.add(r.nextInt(c.top.size() + 1), year);
        c.whole(Whole.UNREADABLE);
        return "year twice";
    }

    private static String nominationsOdd(Case c, SplittableRandom r) {
        if (!document(c)) return null;
        int i = c.top.indexOf(NOMINATIONS);
        String what;
        switch (r.nextInt(3)) {
            case 0 -> {
                String value = pick(r, List.of("{}", "\"x\"", "null", "7", "{\"GL-1\": {}}", "true"));
                c.top.set(i, "\"nominations\": " + value);
                what = "nominations = " + value;
            }
            case 1 -> {
                c.top.remove(i);
                what = "no nominations";
            }
            default -> {
                c.top.add(r.nextBoolean() ? 0 : c.top.size(), "\"nominations\": []");
                what = "nominations twice";
            }
        }
        c.whole(Whole.UNREADABLE);
        return what;
    }

    private static String unknownTop(Case c, SplittableRandom r) {
        if (!document(c)) return null;
        String key = pick(r, UNKNOWN_TOP);
        StringBuilder part = new StringBuilder();
        string(key, part, false);
        part.append(": 1");
        c.top.add(r.nextInt(c.top.size() + 1), part.toString());
        c.whole(Whole.UNREADABLE);
        return "unknown top-level field " + show(key);
    }

    private static String topNotObject(Case c, SplittableRandom r) {
        if (!document(c)) return null;
        c.topOverride = pick(r, List.of("array", "2024", "\"batch\"", "null", "[]", "true"));
        c.whole(Whole.UNREADABLE);
        return "top level = " + c.topOverride;
    }

    // Document-level mutations: CSV structure

    private static boolean header(Case c) {
        return !c.rowsShaped && document(c);
    }

    private static String unknownColumn(Case c, SplittableRandom r) {
        String name = pick(r, UNKNOWN_COLUMNS);
        if (c.header.contains(name) || !header(c)) return null;
        c.header.add(r.nextInt(c.header.size() + 1), name);
        c.recs.forEach(rec -> rec.cells.put(name, "x"));
        c.whole(Whole.UNREADABLE);
        return "unknown column " + show(name);
    }

    private static String duplicateColumn(Case c, SplittableRandom r) {
        if (!header(c)) return null;
        String name = pick(r, c.header);
        c.header.add(r.nextInt(c.header.size() + 1), name);
        c.whole(Whole.UNREADABLE);
        return "column " + name + " twice";
    }

    private static String noYearColumn(Case c, SplittableRandom r) {
        if (!header(c)) return null;
        c.header.remove("year");
        c.whole(Whole.UNREADABLE);
        return "no year column";
    }

    private static String dropColumn(Case c, SplittableRandom r) {
        List<String> droppable = c.header.stream()
                .filter(col -> COLUMNS.containsKey(col) && c.recs.stream().allMatch(x -> free(x, col))).toList();
        if (droppable.isEmpty() || !header(c)) return null;
        String column = pick(r, droppable);
        c.header.remove(column);
        Field f = COLUMNS.get(column);
        for (Rec rec : c.recs) {
            resolve(c, rec, column, f.need(), v("", Effect.MISSING, ""));
            rec.touched.add(column);
            if (column.equals("type")) rec.typeMutated = true;
        }
        return "column " + column + " dropped";
    }

    private static String shuffleColumns(Case c, SplittableRandom r) {
        if (!header(c)) return null;
        shuffle(c.header, r);
        return "columns shuffled";
    }

    private static String quoteHeader(Case c, SplittableRandom r) {
        if (!header(c)) return null;
        c.quoteHeader = true;
        return "header cells quoted";
    }

    private static String twoYears(Case c, SplittableRandom r) {
        if (c.recs.size() < 2 || !document(c)) return null;
        Rec rec = c.recs.get(1 + r.nextInt(c.recs.size() - 1));
        String year = pick(r, List.of("2025", "2023", "2024.0", "", "x", "1"));
        rec.cells.put("year", year);
        c.whole(Whole.UNREADABLE);
        return at(c, rec) + "year " + show(year);
    }

    private static String csvYear(Case c, SplittableRandom r) {
        if (c.recs.isEmpty() || !document(c)) return null;
        YearVal y = pick(r, List.of(new YearVal("2025", Whole.READABLE, 2025), new YearVal("2023", Whole.READABLE, 2023),
                new YearVal("1", Whole.READABLE, 1), new YearVal("9999", Whole.READABLE, 9999),
                new YearVal(" 2024 ", Whole.READABLE, 2024), new YearVal("0", Whole.UNREADABLE, null),
                new YearVal("10000", Whole.UNREADABLE, null), new YearVal("-1", Whole.UNREADABLE, null),
                new YearVal("abc", Whole.UNREADABLE, null), new YearVal("", Whole.UNREADABLE, null),
                new YearVal("2024.0", Whole.UNREADABLE, null), new YearVal("99999999999", Whole.UNREADABLE, null),
                new YearVal("2,024", Whole.UNREADABLE, null), new YearVal(DIGITS_10000, Whole.UNREADABLE, null)));
        c.recs.forEach(rec -> rec.cells.put("year", y.text()));
        c.whole(y.whole());
        if (y.year() != null) c.year(y.year());
        return "year " + show(shortly(y.text()));
    }

    /** What Excel writes in a Vietnamese locale (;), or a tab: told from the header line, read as commas are. */
    private static String semicolons(Case c, SplittableRandom r) {
        if (!document(c)) return null;
        c.delimiter = r.nextBoolean() ? ';' : '\t';
        return "cells separated by " + (c.delimiter == ';' ? ";" : "tabs");
    }

    // Bytes

    private static String bytesOp(Case c, Whole whole, UnaryOperator<byte[]> op, String what) {
        if (c.bytesMutated) return null;
        c.bytesMutated = true;
        c.byteOps.add(op);
        c.whole(whole);
        return what;
    }

    private static String emptyFile(Case c, SplittableRandom r) {
        String content = pick(r, List.of("", " ", "\n\n", " \t\r\n  ", "\uFEFF", "\uFEFF\n"));
        return bytesOp(c, Whole.UNREADABLE, b -> content.getBytes(StandardCharsets.UTF_8),
                "file = " + show(content));
    }

    private static String headerOnly(Case c, SplittableRandom r) {
        String after = pick(r, List.of("", "\n", "\n\n  \n"));
        return bytesOp(c, Whole.UNREADABLE, b -> {
            String text = new String(b, StandardCharsets.UTF_8);
            Matcher end = Pattern.compile("\r\n|\r|\n").matcher(text);
            return ((end.find() ? text.substring(0, end.end()) : text) + after).getBytes(StandardCharsets.UTF_8);
        }, "header row only");
    }

    private static String truncated(Case c, SplittableRandom r) {
        double at = r.nextDouble();
        if (c.csv) {
            if (c.bytesMutated) return null;
            c.countUnknown = true;
            return bytesOp(c, Whole.MAYBE, b -> Arrays.copyOf(b, (int) (at * b.length)), "cut at " + (int) (at * 100) + "%");
        }
        return bytesOp(c, Whole.UNREADABLE, b -> {
            int last = lastIndexOf(b, (byte) '}');
            return Arrays.copyOf(b, (int) (at * (last < 0 ? b.length : last)));
        }, "cut at " + (int) (at * 100) + "% of the document");
    }

    private static int lastIndexOf(byte[] b, byte x) {
        for (int i = b.length - 1; i >= 0; i--) if (b[i] == x) return i;
        return -1;
    }

    private static String invalidUtf8(Case c, SplittableRandom r) {
        double at = r.nextDouble();
        return switch (r.nextInt(4)) {
            case 0 -> bytesOp(c, Whole.UNREADABLE, b -> {
                byte[] copy = b.clone();
                if (copy.length > 0) copy[(int) (at * copy.length)] = (byte) 0xFF;
                return copy.length == 0 ? new byte[] {(byte) 0xFF} : copy;
            }, "byte at " + (int) (at * 100) + "% = FF");
            case 1 -> bytesOp(c, Whole.UNREADABLE, b -> insert(b, (int) (at * b.length), 0xC3, 0x28), "C3 28 inserted");
            case 2 -> bytesOp(c, Whole.UNREADABLE, b -> insert(b, (int) (at * b.length), 0x80), "80 inserted");
            default -> bytesOp(c, Whole.UNREADABLE, b -> {
                for (int i = (int) (at * b.length); i < b.length + (int) (at * b.length); i++) {
                    int k = i % b.length;
                    if ((b[k] & 0xE0) == 0xC0 || (b[k] & 0xF0) == 0xE0) {
                        byte[] cut = new byte[b.length - 1];
                        System.arraycopy(b, 0, cut, 0, k + 1);
                        System.arraycopy(b, k + 2, cut, k + 1, b.length - k - 2);
                        return cut;
                    }
                }
                return insert(b, (int) (at * b.length), 0xE1);
            }, "a character's second byte cut");
        };
    }

    private static byte[] insert(byte[] b, int at, int... values) {
        byte[] out = new byte[b.length + values.length];
        System.arraycopy(b, 0, out, 0, at);
        for (int i = 0; i < values.length; i++) out[at + i] = (byte) values[i];
        System.arraycopy(b, at, out, at + values.length, b.length - at);
        return out;
    }

    private static String bom(Case c, SplittableRandom r) {
        if (c.csv) {
            if (c.bom) return null;
            c.bom = true;
            return "BOM";
        }
        boolean twice = r.nextInt(4) == 0;
        return bytesOp(c, twice ? Whole.MAYBE : Whole.READABLE, b -> twice ? insert(b, 0, 0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF)
                : insert(b, 0, 0xEF, 0xBB, 0xBF), twice ? "two BOMs" : "BOM");
    }

    private static String trailingGarbage(Case c, SplittableRandom r) {
        String garbage = c.csv ? pick(r, List.of("x", "x\n", "\u0000\n", "x,y\n"))
                : pick(r, List.of("x", "}", "]", "{}", "\u0000", ",", "null", "{\"year\":2024}", "//", "\u001a", "\"\""));
        return bytesOp(c, Whole.UNREADABLE, b -> concat(b, garbage.getBytes(StandardCharsets.UTF_8)),
                "trailing " + show(garbage));
    }

    private static String jsonWhitespace(Case c, SplittableRandom r) {
        boolean crlf = r.nextBoolean();
        return bytesOp(c, Whole.READABLE, b -> crlf
                ? new String(b, StandardCharsets.ISO_8859_1).replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1)
                : concat(b, "\n\n  \t\r\n".getBytes(StandardCharsets.UTF_8)), crlf ? "CRLF" : "trailing whitespace");
    }

    private static String utf16(Case c, SplittableRandom r) {
        boolean little = r.nextBoolean();
        return bytesOp(c, Whole.MAYBE, b -> {
            String text = new String(b, StandardCharsets.UTF_8);
            if (!Arrays.equals(text.getBytes(StandardCharsets.UTF_8), b)) return b;   // not plain UTF-8: leave it
            return little ? concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE))
                    : text.getBytes(StandardCharsets.UTF_16);
        }, little ? "UTF-16LE with BOM" : "UTF-16BE with BOM");
    }

    private static String notStrictJson(Case c, SplittableRandom r) {
        boolean comment = r.nextBoolean();
        return bytesOp(c, Whole.UNREADABLE, b -> {
            if (comment) return concat("/* lô 2024 */".getBytes(StandardCharsets.UTF_8), b);
            int quote = new String(b, StandardCharsets.ISO_8859_1).indexOf('"');
            if (quote < 0) return concat("'".getBytes(StandardCharsets.UTF_8), b);
            byte[] copy = b.clone();
            copy[quote] = '\'';
            return copy;
        }, comment ? "a comment" : "a single quote");
    }

    private static String crlf(Case c, SplittableRandom r) {
        if (!c.newline.equals("\n")) return null;
        c.newline = r.nextBoolean() ? "\r\n" : "\r";
        return c.newline.equals("\r") ? "CR line ends" : "CRLF line ends";
    }

    private static String blankLines(Case c, SplittableRandom r) {
        if (c.blankLines) return null;
        c.blankLines = true;
        c.trailing = pick(r, List.of("", "\n", "\n\n", "   \n"));
        return "blank lines between rows";
    }

    private static String unbalancedQuote(Case c, SplittableRandom r) {
        if (c.recs.isEmpty()) return null;
        if (c.bytesMutated) return null;
        double at = r.nextDouble();
        c.countUnknown = true;
        return bytesOp(c, Whole.MAYBE, b -> {
            String text = new String(b, StandardCharsets.ISO_8859_1);
            int from = Math.max(text.indexOf('\n'), 0);
            List<Integer> commas = new ArrayList<>();
            for (int i = text.indexOf(',', from); i >= 0; i = text.indexOf(',', i + 1)) commas.add(i);
            if (commas.isEmpty()) return insert(b, b.length, '"');
            return insert(b, commas.get((int) (at * commas.size())) + 1, '"');
        }, "a quote opened in a cell");
    }

    // ---------------------------------------------------------------------------------------------
    // Writing a case
    // ---------------------------------------------------------------------------------------------

    private static String jsonText(Case c) {
        StringBuilder records = new StringBuilder("[");
        for (int i = 0; i < c.recs.size(); i++) {
            if (i > 0) records.append(',');
            if (c.pretty) records.append("\n    ");
            json(c.recs.get(i).node, records, c.pretty ? 2 : -1, c.escapeAll);
        }
        records.append(c.pretty && !c.recs.isEmpty() ? "\n  ]" : "]");
        if (c.topOverride != null) {
            return c.topOverride.equals("array") ? records.toString() : c.topOverride;
        }
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < c.top.size(); i++) {
            if (i > 0) out.append(',');
            if (c.pretty) out.append("\n  ");
            String part = c.top.get(i);
            out.append(part.equals(NOMINATIONS) ? "\"nominations\": " + records : part);
        }
        out.append(c.pretty ? "\n}\n" : "}");
        return out.toString();
    }

    /** Writes JSON; {@code level} is the indentation level, -1 for compact. */
    private static void json(JsonNode node, StringBuilder out, int level, boolean escapeAll) {
        if (node instanceof POJONode p && p.getPojo() instanceof Raw raw) {
            out.append(raw.text());
        } else if (node.isObject()) {
            out.append('{');
            boolean first = true;
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!first) out.append(',');
                first = false;
                if (level >= 0) out.append('\n').append("  ".repeat(level + 1));
                string(e.getKey(), out, escapeAll);
                out.append(level >= 0 ? ": " : ":");
                json(e.getValue(), out, level < 0 ? -1 : level + 1, escapeAll);
            }
            if (!first && level >= 0) out.append('\n').append("  ".repeat(level));
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) out.append(level >= 0 ? ", " : ",");
                json(node.get(i), out, level < 0 ? -1 : level + 1, escapeAll);
            }
            out.append(']');
        } else if (node.isTextual()) {
            string(node.textValue(), out, escapeAll);
        } else {
            out.append(node);
        }
    }

    private static void string(String s, StringBuilder out, boolean escapeAll) {
        if (!escapeAll && s.chars().noneMatch(ch -> ch < 0x20 || ch == '"' || ch == '\\' || Character.isSurrogate((char) ch))) {
            out.append('"').append(s).append('"');
            return;
        }
        out.append('"');
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '"') out.append("\\\"");
            else if (cp == '\\') out.append("\\\\");
            else if (cp == '\n') out.append("\\n");
            else if (cp == '\t') out.append("\\t");
            else if (cp < 0x20 || Character.isSurrogate((char) cp) || (escapeAll && cp > 0x7E)) {
                for (char ch : Character.toChars(cp)) {
                    out.append("\\u");
                    for (int shift = 12; shift >= 0; shift -= 4) out.append(Character.forDigit(ch >> shift & 0xF, 16));
                }
            } else {
                out.appendCodePoint(cp);
            }
        }
        out.append('"');
    }

    private static List<String> rowCells(Case c, Rec rec) {
        List<String> cells = new ArrayList<>();
        for (String column : c.header) cells.add(rec.cells.getOrDefault(column, ""));
        cells.addAll(rec.extraCells);
        return rec.keptCells >= 0 ? cells.subList(0, Math.min(rec.keptCells, cells.size())) : cells;
    }

    private static String csvText(Case c) {
        StringBuilder out = new StringBuilder();
        if (c.bom) out.append('\uFEFF');
        csvLine(out, c.header, c, c.quoteHeader || c.quoteAll);
        for (int i = 0; i < c.recs.size(); i++) {
            if (c.blankLines && i % 2 == 1) out.append(i % 4 == 1 ? "" : "   ").append(c.newline);
            csvLine(out, rowCells(c, c.recs.get(i)), c, c.quoteAll);
        }
        out.append(c.trailing);
        return out.toString();
    }

    private static void csvLine(StringBuilder out, List<String> cells, Case c, boolean quoteAll) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) out.append(c.delimiter);
            String cell = cells.get(i);
            if (quoteAll || cell.indexOf(c.delimiter) >= 0 || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
                out.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                out.append(cell);
            }
        }
        out.append(c.newline);
    }

    /** One CSV row, quoted where needed, without its line end. */
    private static String csvRow(java.util.Collection<String> cells) {
        Case plain = new Case(-1, true);
        StringBuilder out = new StringBuilder();
        csvLine(out, List.copyOf(cells), plain, false);
        return out.substring(0, out.length() - 1);
    }

    private static byte[] encode(String text) {
        if (!text.contains("@@BYTES:")) return text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 16);
        Matcher m = BYTES.matcher(text);
        int from = 0;
        while (m.find()) {
            out.writeBytes(text.substring(from, m.start()).getBytes(StandardCharsets.UTF_8));
            out.writeBytes(HexFormat.of().parseHex(m.group(1)));
            from = m.end();
        }
        out.writeBytes(text.substring(from).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    // ---------------------------------------------------------------------------------------------
    // The pool of valid records
    // ---------------------------------------------------------------------------------------------

    private static final class Pool {
        private static Pool instance;
        final List<ObjectNode> records = new ArrayList<>();
        final List<String> columns;

        private Pool(List<String> columns) {
            this.columns = columns;
        }

        static synchronized Pool get() throws Exception {
            if (instance != null) return instance;
            String csvHeader = Files.readAllLines(Path.of("fixtures/samples/gia-lam-2024.csv"), StandardCharsets.UTF_8).get(0);
            Pool pool = new Pool(List.of(csvHeader.replace("\uFEFF", "").split(",")));
            List<JsonNode> candidates = new ArrayList<>();
            PLAIN.readTree(Path.of("fixtures/samples/gia-lam-2024.json").toFile()).get("nominations").forEach(candidates::add);
            StringWriter generated = new StringWriter();
            new BatchGenerator(YEAR, SEED).write(300, BatchFormat.JSON, generated);
            PLAIN.readTree(generated.toString()).get("nominations").forEach(candidates::add);
            Set<String> ids = new HashSet<>();
            for (JsonNode candidate : candidates) {
                List<FieldError> errors = new ArrayList<>();
                boolean validJson = NominationValidator.read(candidate, LocalDate.of(YEAR, 12, 31), errors) != null;
                String row = csvRow(cells(candidate, pool.columns).values());
                Batch csv = NominationValidator.validate(CsvBatchReader.read(new ByteArrayInputStream(
                        (csvHeader + "\n" + row + "\n").getBytes(StandardCharsets.UTF_8))));
                if (validJson && csv.rejected().isEmpty() && ids.add(candidate.get("id").asText())) {
                    pool.records.add((ObjectNode) candidate);
                }
            }
            instance = pool;
            return pool;
        }
    }

    private static Map<String, String> cells(JsonNode n, List<String> columns) {
        Map<String, String> cells = new LinkedHashMap<>();
        for (String column : columns) {
            String cell;
            if (column.equals("year")) {
                cell = Integer.toString(YEAR);
            } else if (column.startsWith("dossier.")) {
                cell = scalar(n.path("dossier").get(column.substring("dossier.".length())));
            } else if (column.equals("priorRecognitions") || column.equals("violations")) {
                List<String> entries = new ArrayList<>();
                for (JsonNode e : n.path(column)) {
                    entries.add(column.equals("violations")
                            ? e.get("year").asText() + (e.hasNonNull("description") ? ":" + e.get("description").asText() : "")
                            : e.get("year").asText() + ":" + e.get("level").asText() + ":" + e.get("title").asText());
                }
                cell = String.join(";", entries);
            } else {
                cell = scalar(n.get(column));
            }
            cells.put(column, cell);
        }
        return cells;
    }

    private static String scalar(JsonNode value) {
        if (value == null || value.isNull()) return "";
        if (value.isBigDecimal()) return value.decimalValue().toPlainString();
        return value.asText();
    }

    // ---------------------------------------------------------------------------------------------
    // Running a case and checking it
    // ---------------------------------------------------------------------------------------------

    private enum Outcome { BATCH_ERROR, SOME_REJECTED, ALL_DECIDED, NO_RECORDS }

    private record Result(Outcome outcome, boolean covered, int records, int decided, int rejected) {}

    /** Anything that reads like code, not like a message to a person. */
    private static final Pattern CODE = Pattern.compile(
            "Exception|\\bat (?:com|org|java|dvk)\\.|\\.java:\\d|com\\.fasterxml|[A-Z][A-Za-z]+\\.[a-z][A-Za-z]+\\(|`"
                    + "|Feature '|REDACTED|\\[Source");

    private static void checkBatchMessage(String message) {
        assertThat(message).as("the batch error's message").isNotBlank();
        assertThat(message).as("the batch error's message is one line").doesNotContain("\n").doesNotContain("\r")
                .hasSizeLessThan(500);
        assertThat(CODE.matcher(message).find()).as("the batch error's message names no code: %s", message).isFalse();
    }

    /** Nanoseconds spent reading and evaluating, and rendering, over all cases. */
    private static long evaluating;
    private static long rendering;
    /** Records held to "must be decided", and to "must be rejected naming the field". */
    private static int heldValid;
    private static int heldRejected;

    private static Result run(Case c, Path file, RuleSet rules) throws Exception {
        long started = System.nanoTime();
        Evaluation evaluation;
        int read;
        boolean covered;
        try (BatchStream stream = BatchReader.open(file)) {
            int year = stream.year();
            // a CSV file cut in the first row's year cell reads as another year ("2"): CSV has no end to miss
            if (!c.countUnknown) assertThat(year).as("the batch's year").isEqualTo(c.year);
            EvaluationCollector collector = new EvaluationCollector();
            Evaluator evaluator = new Evaluator(rules, 1);
            covered = rules.years().includes(year);
            if (!covered) {
                assertThatThrownBy(() -> evaluator.stream(year, stream::next, collector))
                        .isInstanceOf(YearNotCoveredException.class).hasMessageContaining("" + year);
                evaluator.whatIf().stream(year, stream::next, collector);
            } else {
                evaluator.stream(year, stream::next, collector);
            }
            read = stream.recordsRead();
            evaluation = collector.evaluation(year, rules);
            evaluating += System.nanoTime() - started;
        } catch (BatchException e) {
            assertThat(c.expected()).as("no batch error expected, got: %s", e.getMessage()).isNotEqualTo(Whole.READABLE);
            checkBatchMessage(e.getMessage());
            return new Result(Outcome.BATCH_ERROR, true, 0, 0, 0);
        }
        assertThat(c.expected()).as("a batch error expected").isNotEqualTo(Whole.UNREADABLE);

        long renderStarted = System.nanoTime();
        int count = c.countUnknown ? read : c.recs.size();
        assertThat(read).as("records read").isEqualTo(count).isLessThanOrEqualTo(c.recs.size());
        assertThat(evaluation.records()).as("decided + rejected = records in").isEqualTo(count);
        Map<Integer, Decision> decided = new HashMap<>();
        Map<Integer, RejectedRecord> rejected = new HashMap<>();
        for (Decision d : evaluation.decisions()) {
            assertThat(decided.put(d.index(), d)).as("index %s decided once", d.index()).isNull();
            assertValidJson(DecisionJsonWriter.fragment(rules, d));
        }
        for (RejectedRecord x : evaluation.rejected()) {
            assertThat(rejected.put(x.index(), x)).as("index %s rejected once", x.index()).isNull();
            assertThat(decided).as("index %s both decided and rejected", x.index()).doesNotContainKey(x.index());
            assertThat(x.errors()).as("errors of rejected record %s", x.index()).isNotEmpty().allSatisfy(e -> {
                assertThat(e.field()).as("an error's field in record %s: %s", x.index(), e).isNotBlank();
                assertThat(e.message()).as("an error's message in record %s: %s", x.index(), e).isNotBlank();
            });
            assertValidJson(DecisionJsonWriter.fragment(x));
        }
        for (int i = 0; i < count; i++) {
            assertThat(decided.containsKey(i) || rejected.containsKey(i)).as("record %s came out", i).isTrue();
        }
        rendering += System.nanoTime() - renderStarted;
        if (!c.countUnknown) checkRecords(c, decided, rejected);
        return new Result(count == 0 ? Outcome.NO_RECORDS : rejected.isEmpty() ? Outcome.ALL_DECIDED : Outcome.SOME_REJECTED,
                covered, count, decided.size(), rejected.size());
    }

    /** Each record against what its mutations promised. */
    private static void checkRecords(Case c, Map<Integer, Decision> decided, Map<Integer, RejectedRecord> rejected) {
        Map<String, Integer> firstWithId = new HashMap<>();
        for (int i = 0; i < c.recs.size(); i++) {
            Rec rec = c.recs.get(i);
            // ids are compared, and given back, cleaned: " GL-1", "GL-1\u200B" and NFD are "GL-1"
            String id = cleaned(idOf(c, rec));
            Integer duplicateOf = id == null ? null : firstWithId.putIfAbsent(id, i);
            RejectedRecord rejection = rejected.get(i);
            List<FieldError> errors = rejection == null ? List.of() : rejection.errors();
            boolean duplicateError = errors.stream().anyMatch(e -> e.field().equals("id") && e.message().startsWith("duplicate id"));
            if (duplicateOf != null) {
                assertThat(duplicateError).as("record %s has the id %s of record %s: rejected as a duplicate; errors %s",
                        i, show(id), duplicateOf, errors).isTrue();
            } else {
                assertThat(duplicateError).as("record %s (id %s) is no duplicate; errors %s", i, show(id), errors).isFalse();
            }
            if (decided.containsKey(i)) {
                assertThat(decided.get(i).nomination().id()).as("record %s's decision's id", i).isEqualTo(id);
            } else {
                assertThat(rejection.id()).as("record %s's rejection's id", i).isEqualTo(id);
            }
            for (Map.Entry<String, Boolean> expected : rec.expected.entrySet()) {
                if (expected.getValue() && c.yearChanged) continue;
                String path = expected.getKey();
                assertThat(errors).as("record %s must be rejected naming %s", i, show(path))
                        .anyMatch(e -> names(e.field(), path));
            }
            if (!rec.expected.isEmpty()) heldRejected++;
            if (rec.valid && duplicateOf == null && c.year >= YEAR) {
                assertThat(errors).as("record %s is valid and must be decided", i).isEmpty();
                heldValid++;
            }
        }
    }

    private static String cleaned(String id) {
        if (id == null) return null;
        String clean = Names.clean(id);
        return clean.isEmpty() ? null : clean;
    }

    /** Whether an error's field names the path; an unknown key may be named quoted ({@code dossier.""}). */
    private static boolean names(String field, String path) {
        if (field.equals(path) || within(field, path)) return true;
        for (String prefix : List.of("", "dossier.", "priorRecognitions[0].")) {
            if (path.startsWith(prefix) && field.equals(prefix + "\"" + path.substring(prefix.length()) + "\"")) return true;
        }
        return false;
    }

    private static void assertValidJson(byte[] fragment) throws Exception {
        StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(fragment));
        PLAIN.readTree(fragment);
    }

    @Test
    void tenThousandMutatedBatchesAreReadAndEvaluatedWithoutCrashOrLoss() throws Exception {
        RuleSet rules = TestRules.standard();
        Pool pool = Pool.get();
        assertThat(pool.records).as("valid records to start from").hasSizeGreaterThan(200);
        assertThat(COLUMNS.keySet()).as("the fuzzer's fields are the validator's")
                .containsExactlyInAnyOrderElementsOf(CsvBatchReader.COLUMNS.stream().filter(c -> !c.equals("year")).toList());
        assertThat(pool.columns).as("the sample's columns: all but the optional modelCode and notes")
                .containsExactlyInAnyOrderElementsOf(CsvBatchReader.COLUMNS.stream()
                        .filter(c -> !c.equals("modelCode") && !c.equals("notes")).toList());
        Path json = temp.resolve("case.json");
        Path csv = temp.resolve("case.csv");
        Map<Outcome, Integer> outcomes = new TreeMap<>();
        Map<String, Integer> mutations = new TreeMap<>();
        int notCovered = 0;
        long records = 0;
        long decided = 0;
        long rejectedRecords = 0;
        int jsonCases = 0;
        List<String> failures = new ArrayList<>();
        long start = System.nanoTime();
        long building = 0;
        for (int n = 0; n < CASES; n++) {
            if (ONLY >= 0 && n != ONLY) continue;
            Case c = null;
            try {
                long built = System.nanoTime();
                c = build(pool, n);
                Path file = c.csv ? csv : json;
                Files.write(file, c.bytes);
                building += System.nanoTime() - built;
                Result result = run(c, file, rules);
                outcomes.merge(result.outcome(), 1, Integer::sum);
                if (!result.covered()) notCovered++;
                records += result.records();
                decided += result.decided();
                rejectedRecords += result.rejected();
                if (!c.csv) jsonCases++;
                c.mutations.forEach(m -> mutations.merge(m.substring(0, m.indexOf(':')), 1, Integer::sum));
            } catch (Throwable t) {
                StringBuilder failure = new StringBuilder("case " + n + " of seed " + SEED + " (-Ddvk.fuzz.seed=" + SEED
                        + " -Ddvk.fuzz.case=" + n + "): " + (c == null ? "not built" : c.describe()) + "\n    " + t);
                if (!(t instanceof AssertionError)) {
                    Arrays.stream(t.getStackTrace()).limit(8).forEach(f -> failure.append("\n      at ").append(f));
                }
                failures.add(failure.toString());
                if (failures.size() >= Integer.getInteger("dvk.fuzz.maxFailures", 25)) break;
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("InputFuzzTest: seed %d, %d cases (%d JSON, %d CSV) in %.1f s: %s, %d of them with a year"
                        + " outside the rules (evaluated as a what-if); %d records: %d decided, %d rejected%n",
                SEED, CASES, jsonCases, outcomes.values().stream().mapToInt(i -> i).sum() - jsonCases, millis / 1000.0,
                outcomes, notCovered, records, decided, rejectedRecords);
        System.out.println("InputFuzzTest: mutations applied: " + mutations);
        System.out.printf("InputFuzzTest: %d records held to \"must be decided\", %d to \"must be rejected naming the"
                + " field\"%n", heldValid, heldRejected);
        System.out.printf("InputFuzzTest: %.1f s building and writing cases, %.1f s reading and evaluating them,"
                + " %.1f s rendering and checking%n", building / 1e9, evaluating / 1e9, rendering / 1e9);
        assertThat(failures).as("%d failing cases of seed %d:%n%s", failures.size(), SEED, String.join("\n", failures)).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------
    // The nastiest inputs, by name
    // ---------------------------------------------------------------------------------------------

    private static String sample(int records) throws Exception {
        ObjectNode batch = NODES.objectNode().put("year", YEAR);
        ArrayNode list = batch.putArray("nominations");
        for (int i = 0; i < records; i++) list.add(Pool.get().records.get(i).deepCopy());
        return PLAIN.writerWithDefaultPrettyPrinter().writeValueAsString(batch);
    }

    private Path write(String name, byte[] bytes) throws Exception {
        Path file = temp.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private Path write(String name, String text) throws Exception {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads and evaluates the file as {@code dvk evaluate} does. */
    private static Evaluation evaluate(Path file) throws Exception {
        try (BatchStream stream = BatchReader.open(file)) {
            EvaluationCollector collector = new EvaluationCollector();
            new Evaluator(TestRules.standard(), 1).stream(stream.year(), stream::next, collector);
            return collector.evaluation(stream.year(), TestRules.standard());
        }
    }

    private static String batchError(Path file) {
        Throwable thrown = null;
        try {
            evaluate(file);
        } catch (Throwable t) {
            thrown = t;
        }
        assertThat(thrown).as("a batch error").isInstanceOf(BatchException.class);
        checkBatchMessage(thrown.getMessage());
        return thrown.getMessage();
    }

    @Test
    void anEmptyFileIsABatchError() throws Exception {
        assertThat(batchError(write("empty.json", ""))).contains("the batch is empty");
        assertThat(batchError(write("blank.json", " \n\t\r\n"))).contains("the batch is empty");
        assertThat(batchError(write("empty.csv", ""))).contains("the CSV file is empty");
        assertThat(batchError(write("header-only.csv", String.join(",", Pool.get().columns) + "\n")))
                .contains("a header but no rows");
    }

    @Test
    void jsonCutInTheMiddleOfTheThirdRecordNamesLineColumnAndRecord2() throws Exception {
        String json = sample(5);
        int third = json.indexOf("\"id\" : \"" + Pool.get().records.get(2).get("id").asText());
        String cut = json.substring(0, third + 40);
        int line = (int) cut.chars().filter(ch -> ch == '\n').count() + 1;
        String message = batchError(write("cut.json", cut));
        assertThat(message).matches("not valid JSON at line " + line + ", column \\d+: .*")
                .contains("in record 2, after 2 complete records");
    }

    @Test
    void invalidUtf8InACsvCellNamesItsLine() throws Exception {
        String header = String.join(",", Pool.get().columns);
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, String> cells = cells(Pool.get().records.get(i), Pool.get().columns);
            cells.put("name", i == 2 ? "Tổ tự quản " + bytes("ff") : "Tổ tự quản số " + i);
            rows.add(csvRow(cells.values()));
        }
        String message = batchError(write("bad.csv", encode(header + "\n" + String.join("\n", rows) + "\n")));
        assertThat(message).startsWith("the CSV file is not valid UTF-8 at line 4: it seems saved as ")
                .endsWith("save it as \"CSV UTF-8\" (in Excel: File > Save As > CSV UTF-8 (Comma delimited))");
    }

    @Test
    void aFieldNested100000DeepIsABatchErrorNotAStackOverflow() throws Exception {
        String deepArrays = "[".repeat(100_000) + "]".repeat(100_000);
        String deepObjects = "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000);
        for (String deep : List.of(deepArrays, deepObjects)) {
            String inRecord = sample(2).replaceFirst("\"name\" : \"[^\"]*\"", Matcher.quoteReplacement("\"name\" : " + deep));
            assertThat(batchError(write("deep.json", inRecord))).matches("not valid JSON at line 5, column \\d+: Document nesting"
                    + " depth \\(201\\) exceeds the maximum allowed \\(200\\) \\(in record 0, after 0 complete records\\)");
            assertThat(batchError(write("deep-year.json", "{\"year\": " + deep + ", \"nominations\": []}")))
                    .matches("not valid JSON at line 1, column \\d+: Document nesting depth \\(201\\) exceeds the maximum allowed \\(200\\)");
            assertThat(batchError(write("deep-record.json", "{\"year\": 2024, \"nominations\": [" + deep + "]}")))
                    .endsWith("exceeds the maximum allowed (200) (in record 0, after 0 complete records)");
        }
        // within the limit, a nested value is a wrong type: the record is rejected, the batch goes on
        String shallow = sample(2).replaceFirst("\"name\" : \"[^\"]*\"", "\"name\" : " + "[".repeat(150) + "]".repeat(150));
        Evaluation evaluation = evaluate(write("nested.json", shallow));
        assertThat(evaluation.rejected()).singleElement().satisfies(r -> assertThat(r.errors())
                .containsExactly(new FieldError("name", "expected text, got a list")));
        assertThat(evaluation.decisions()).hasSize(1);
    }

    @Test
    void aNumberWith10000DigitsIsABatchErrorInJsonAndARejectedRecordInCsv() throws Exception {
        String json = sample(3).replaceFirst("\"fundsVnd\" : \\d+", "\"fundsVnd\" : " + DIGITS_10000);
        assertThat(batchError(write("long.json", json))).matches("not valid JSON at line 14, column \\d+: Number value length"
                + " \\(10000\\) exceeds the maximum allowed \\(1000\\) \\(in record 0, after 0 complete records\\)");
        // a number past 64 bits but of a readable length is the record's error
        Evaluation evaluation = evaluate(write("wide.json", sample(3).replaceFirst("\"fundsVnd\" : \\d+",
                "\"fundsVnd\" : 99999999999999999999999")));
        assertThat(evaluation.rejected()).singleElement().satisfies(r -> assertThat(r.errors())
                .containsExactly(new FieldError("fundsVnd", "number 99999999999999999999999 is beyond 64 bits")));
        // a CSV cell is text first: 10,000 digits are a number past 64 bits, rejected with its record
        Map<String, String> cells = cells(Pool.get().records.get(0), Pool.get().columns);
        cells.put("fundsVnd", DIGITS_10000);
        cells.put("name", "x");
        Evaluation csv = evaluate(write("long.csv", String.join(",", Pool.get().columns) + "\n" + csvRow(cells.values()) + "\n"));
        assertThat(csv.rejected()).singleElement().satisfies(r -> assertThat(r.errors()).singleElement()
                .satisfies(e -> assertThat(e.field()).isEqualTo("fundsVnd")));
    }

    // ---------------------------------------------------------------------------------------------
    // Bugs the fuzzer found, one test each
    // ---------------------------------------------------------------------------------------------

    private static List<JsonNode> sampleRecords;

    /** Record {@code i} of the Gia Lâm sample (all valid, the first ones models). */
    private static ObjectNode fixture(int i) throws Exception {
        synchronized (InputFuzzTest.class) {
            if (sampleRecords == null) {
                List<JsonNode> records = new ArrayList<>();
                PLAIN.readTree(Path.of("fixtures/samples/gia-lam-2024.json").toFile()).get("nominations").forEach(records::add);
                sampleRecords = records;
            }
        }
        return (ObjectNode) sampleRecords.get(i).deepCopy();
    }

    /** A 2024 JSON batch of these records, each with {@code field} written as the raw JSON {@code value}. */
    private static String batchWith(String field, String... values) throws Exception {
        List<String> records = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            ObjectNode record = fixture(i).put(field, "@RAW@");
            records.add(PLAIN.writeValueAsString(record).replace("\"@RAW@\"", values[i]));
        }
        return "{\"year\": 2024, \"nominations\": [\n" + String.join(",\n", records) + "\n]}";
    }

    private static final String CSV_HEADER = "year,id,name,type,kind,field,sponsor,commune,district,city,startDate,"
            + "fundsVnd,approvalPercent,priorRecognitions,violations,dossier.report,dossier.confirmation";
    private static final String CSV_ROW = "2024,GL-%d,Tổ tự quản,MODEL,COLLECTIVE,ECONOMIC,Hội Nông dân xã Bát Tràng,"
            + "Bát Tràng,Gia Lâm,Hà Nội,2021-06-01,500000000,91.5,%s,%s,true,true";

    @Test
    void idsThatDifferOnlyInAnUnpairedSurrogateAreNotTakenForDuplicates() throws Exception {
        // a JSON escape can make an unpaired surrogate (U+DC80), for which UTF-8 has no bytes: the id
        // registry turned it into "?", and "GL-1" + U+DC80 and "GL-1?" were one id, the second rejected
        Evaluation evaluation = evaluate(write("ids.json", batchWith("id",
                "\"GL-1\\udc80\"", "\"GL-1?\"", "\"GL-1\\ud800\"", "\"GL-1\\ud801\"", "\"GL-1\\ud800\"")));
        assertThat(evaluation.decisions()).extracting(d -> d.nomination().id())
                .containsExactly("GL-1\udc80", "GL-1?", "GL-1\ud800", "GL-1\ud801");
        assertThat(evaluation.rejected()).singleElement().satisfies(r -> assertThat(r.errors())
                .containsExactly(new FieldError("id", "duplicate id \"GL-1\ud800\", first used by record 2")));
    }

    @Test
    void anApprovalWithAHugeNegativeExponentIsDecidedNotARuleFailure() throws Exception {
        // 1E-999999999 is a percentage from 0 to 100; formatting it for the explanation cut it to two
        // decimals through 10^999999997, past BigInteger's range, and the batch failed with a RuleFailure
        Evaluation evaluation = evaluate(write("tiny.json", batchWith("approvalPercent", "1E-999999999", "0.5E-99999")));
        assertThat(evaluation.rejected()).isEmpty();
        assertThat(evaluation.decisions()).hasSize(2).allSatisfy(d -> assertThat(
                TestRules.failure(d, "DISTRICT_MODEL", "min-approval").actual()).isEqualTo("0"));
    }

    @Test
    void textFromTheFileInABatchErrorIsEscapedToOneLineAndCut() throws Exception {
        assertThat(batchError(write("key.json", "{\"year\": 2024, \"a\\nb\": 1, \"nominations\": []}")))
                .isEqualTo("unknown top-level field \"a\\nb\" at line 1, column 16 (expected year, nominations)");
        assertThat(batchError(write("column.csv", "year,id,\"a\nb\"\n2024,x,y\n")))
                .startsWith("line 1: unknown column in the header row: \"a\\nb\" (the columns are: year, id, modelCode, name, ");
        assertThat(batchError(write("year.csv", "year,id\n\"20\r\n24\",x\n")))
                .isEqualTo("line 2: the year column needs an integer from 1 to 9999, got \"20\\r\\n24\"");
        assertThat(batchError(write("long.json", "{\"year\": 2024, \"" + "x".repeat(10_000) + "\": 1}")))
                .isEqualTo("unknown top-level field \"" + "x".repeat(60) + "…\" at line 1, column 16 (expected year, nominations)");
    }

    @Test
    void jsonErrorsSayWhereAndWhyWithoutJacksonsApi() throws Exception {
        // Jackson's words named its API: "enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow",
        // "(1000, from `StreamReadConstraints.getMaxNumberLength()`)", "[Source: REDACTED (`StreamReadFeature…"
        String one = "{\"year\": 2024, \"nominations\": [{\"id\": \"GL-1\", \"fundsVnd\": %s}]}";
        assertThat(batchError(write("nan.json", one.formatted("NaN"))))
                .isEqualTo("not valid JSON at line 1, column 62: Non-standard token 'NaN' (in record 0, after 0 complete records)");
        assertThat(batchError(write("plus.json", one.formatted("+1")))).isEqualTo("not valid JSON at line 1, column 60:"
                + " Unexpected character ('+' (code 43)) in numeric value: JSON spec does not allow numbers to have plus signs"
                + " (in record 0, after 0 complete records)");
        assertThat(batchError(write("long.json", one.formatted("1".repeat(1_001))))).isEqualTo("not valid JSON at line 1,"
                + " column 1060: Number value length (1001) exceeds the maximum allowed (1000) (in record 0, after 0 complete records)");
        String whole = one.formatted("1");
        assertThat(batchError(write("cut.json", whole.substring(0, whole.indexOf('}'))))).isEqualTo("not valid JSON at line 1,"
                + " column 60: Unexpected end-of-input: expected close marker for Object (start marker at line 1, column 32)"
                + " (in record 0, after 0 complete records)");
        assertThat(batchError(write("comment.json", "/* lô 2024 */" + one.formatted("1"))))
                .isEqualTo("not valid JSON at line 1, column 1: Unexpected character ('/' (code 47)): maybe a (non-standard)"
                        + " comment?");
    }

    @Test
    void invalidUtf8InACsvFileNamesTheLineItIsOnFarPastTheFirstBlock() throws Exception {
        // the CSV reader decoded 8 KB ahead of the parser and said "near line 1" for any of those lines
        List<String> lines = Files.readAllLines(Path.of("fixtures/samples/gia-lam-2024.csv"), StandardCharsets.UTF_8);
        assertThat(String.join("\n", lines.subList(0, 50)).length()).as("past the first 8 KB").isGreaterThan(8_192);
        lines.set(49, lines.get(49).replaceFirst(",", "," + bytes("c328")));
        assertThat(batchError(write("bad.csv", encode(String.join("\n", lines) + "\n"))))
                .startsWith("the CSV file is not valid UTF-8 at line 50: ");
    }

    @Test
    void aCsvWithAByteOrderMarkAndAQuotedHeaderIsRead() throws Exception {
        // as R's write.csv and pandas' QUOTE_ALL write it: the BOM was stripped only after the parser had
        // read the BOM and "year" as one unquoted cell, and "year" with its quotes was an unknown column
        List<String> lines = new ArrayList<>(Files.readAllLines(Path.of("fixtures/samples/gia-lam-2024.csv"), StandardCharsets.UTF_8));
        lines.set(0, "\uFEFF" + Arrays.stream(lines.get(0).split(",")).map(c -> "\"" + c + "\"").collect(Collectors.joining(",")));
        Evaluation evaluation = evaluate(write("quoted.csv", String.join("\r\n", lines) + "\r\n"));
        assertThat(evaluation.records()).isEqualTo(60);
        assertThat(evaluation.decisions().get(0).nomination().id()).isEqualTo("GL-2024-001");
    }

    @Test
    void aBlankListCellInCsvIsAnAbsentListNotAnEmptyEntry() throws Exception {
        // "A blank string counts as missing" and a missing list is empty, as a workbook's blank cell is;
        // a CSV cell of spaces was read as one empty entry and rejected: "expected year:level:title, got """
        String csv = CSV_HEADER + "\n" + CSV_ROW.formatted(1, "   ", "\t") + "\n"
                + CSV_ROW.formatted(2, "2023:COMMUNE:COMMUNE_MODEL", "\u3000") + "\n";
        Evaluation evaluation = evaluate(write("blank.csv", csv));
        assertThat(evaluation.rejected()).isEmpty();
        assertThat(evaluation.decisions()).extracting(d -> d.nomination().priorRecognitions().size(),
                d -> d.nomination().violations().size()).containsExactly(tuple(0, 0), tuple(1, 0));
    }

    @Test
    void anUnknownKeyWithABlankNameIsNamedQuoted() throws Exception {
        // the error's field was the key itself, "" or " ": an error naming no field
        ObjectNode record = fixture(0);
        record.put("", 1);
        ((ObjectNode) record.get("dossier")).put(" ", true);
        Evaluation evaluation = evaluate(write("blank-key.json", "{\"year\": 2024, \"nominations\": ["
                + PLAIN.writeValueAsString(record) + "]}"));
        assertThat(evaluation.rejected()).singleElement().satisfies(r -> assertThat(r.errors()).containsExactly(
                new FieldError("\"\"", "unknown field"), new FieldError("dossier.\" \"", "unknown field")));
    }

    @Test
    void aYearAfterTheListThatTheFileCutsShortIsABrokenFileNotAnotherYear() throws Exception {
        // the second pass that finds a year written after the list took "202", cut by the end of the
        // file, for the year 202 (or "20" before bytes that are not UTF-8): the batch opened with that
        // year, and the rules for it were looked for before any record showed the file was broken
        String whole = "{\"nominations\": [], \"year\": 2024}";
        Path cut = write("cut-year.json", whole.substring(0, whole.indexOf("4}")));
        assertThatThrownBy(() -> BatchReader.open(cut)).isInstanceOf(BatchException.class).hasMessage("not valid JSON"
                + " at line 1, column 32: Unexpected end-of-input: expected close marker for Object (start marker at line 1,"
                + " column 1) (looking for the batch's year)");
        Path broken = write("broken-year.json", encode(whole.replace("2024", "20" + bytes("c328") + "24")));
        assertThatThrownBy(() -> BatchReader.open(broken)).isInstanceOf(BatchException.class)
                .hasMessageEndingWith("(looking for the batch's year)");
        assertThat(batchError(cut)).contains("Unexpected end-of-input");
    }

    // ---------------------------------------------------------------------------------------------
    // Helpers
    // ---------------------------------------------------------------------------------------------

    private static <T> T pick(SplittableRandom r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }

    private static <T> void shuffle(List<T> list, SplittableRandom r) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            T t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }

    @SafeVarargs
    private static <T> List<T> concat(List<T>... lists) {
        return Arrays.stream(lists).flatMap(List::stream).toList();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** The text as it reads back from UTF-8: an unpaired surrogate becomes "?". */
    private static String utf8(String s) {
        return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    private static String shortly(String s) {
        return s.length() <= 60 ? s : s.substring(0, 40) + "…(" + s.length() + " chars)";
    }

    /** A value for a failure message: quoted, escaped, shortened. */
    private static String show(String s) {
        if (s == null) return "null";
        StringBuilder out = new StringBuilder();
        string(shortly(s), out, true);
        return out.toString();
    }
}
