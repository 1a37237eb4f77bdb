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
 * The input, read as {@code dvk evaluate} reads it, against inputs that broke it: each test pins a
 * bug that fuzzing the input found.
 */
class InputFuzzTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private static final ObjectMapper PLAIN = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).nodeFactory(NODES).build();

    @TempDir
    Path temp;

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

    /** Bytes spliced in after the text is encoded: {@code @@BYTES:ff@@}. */
    private static final Pattern BYTES = Pattern.compile("@@BYTES:([0-9a-f]+)@@");

    private static String bytes(String hex) {
        return "@@BYTES:" + hex + "@@";
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
            new Evaluator(TestRules.standard(), 1).stream(stream.year(), stream, collector);
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
        assertThat(batchError(write("column.csv", "year,\"a\nb\"\n2024,x\n")))
                .isEqualTo("line 1: unknown column \"a\\nb\" in the header row");
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
                .isEqualTo("the CSV file is not valid UTF-8 at line 50");
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
}
