package dvk.store;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import dvk.domain.Award;
import dvk.domain.Decision;
import dvk.domain.Nomination;
import dvk.domain.RejectedRecord;
import dvk.engine.Evaluation;
import dvk.engine.RuleSet;
import dvk.engine.RuleSetManifestReader;
import dvk.engine.RuleSources;
import dvk.domain.FieldError;
import dvk.domain.Warning;
import dvk.report.InputText;
import dvk.report.Words;
import dvk.report.DecisionJsonWriter;
import dvk.report.JsonDecisionOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * What a round's version keeps of an evaluation: the decisions as the data contract writes them
 * (the bytes {@code dvk evaluate} prints), split into a row per decision and per rejected record,
 * with the nomination's fields that the round's page filters by.
 */
public final class RoundContent {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RoundContent() {}

    public static Rounds.NewVersion of(Evaluation evaluation, String fileName, byte[] input, String note) throws IOException {
        // the document as dvk evaluate writes it (JsonDecisionOutput, as DecisionJsonWriter.write feeds it),
        // keeping each decision's own fragment for its row rather than parsing the document again
        List<byte[]> fragments = new ArrayList<>(evaluation.decisions().size());
        ByteArrayOutputStream written = new ByteArrayOutputStream(64 * 1024);
        // in Vietnamese, as dvk evaluate writes it by default
        try (JsonDecisionOutput output = new JsonDecisionOutput(evaluation.year(), evaluation.rules(), Words.vietnamese())) {
            for (Decision decision : evaluation.decisions()) {
                byte[] fragment = output.prepare(decision);
                fragments.add(fragment);
                output.decided(decision, fragment);
            }
            evaluation.rejected().forEach(output::rejected);
            output.provisional(evaluation.provisional());
            output.warnings(evaluation.warnings());
            output.writeTo(written);
        }
        byte[] json = written.toByteArray();

        List<Rounds.DecisionRow> rows = new ArrayList<>(fragments.size());
        for (int i = 0; i < fragments.size(); i++) {
            rows.add(row(evaluation.decisions().get(i), new String(compact(fragments.get(i)), StandardCharsets.UTF_8)));
        }
        List<Rounds.RejectedRow> rejectedRows = new ArrayList<>(evaluation.rejected().size());
        for (RejectedRecord record : evaluation.rejected()) {
            List<Map<String, String>> errors = new ArrayList<>();
            for (FieldError error : record.errors()) {
                errors.add(Map.of("field", error.field(), "message", InputText.message(error, Words.english()),
                        "vi", InputText.message(error, Words.vietnamese())));
            }
            rejectedRows.add(new Rounds.RejectedRow(record.index(), record.id(), JSON.writeValueAsString(errors)));
        }
        List<Map<String, Object>> warningsEn = new ArrayList<>();
        for (Warning warning : evaluation.warnings()) {
            warningsEn.add(Map.of("kind", warning.kind(), "message", InputText.of(warning.message(), Words.english()),
                    "ids", warning.ids()));
        }
        return new Rounds.NewVersion(fileName, input, sha256(input), evaluation.year(), evaluation.rules().fingerprint(),
                evaluation.records(), evaluation.decisions().size(), evaluation.rejected().size(), summary(json),
                JSON.writeValueAsString(warningsEn), gzip(json),
                sha256(json), rows, rejectedRows, note == null || note.isBlank() ? null : note.strip());
    }

    /**
     * The JSON without the whitespace between its tokens (the document's indentation), a third
     * smaller to store: strings, with their escapes, are copied as they are.
     */
    static byte[] compact(byte[] json) {
        byte[] out = new byte[json.length];
        int n = 0;
        boolean inString = false;
        for (int i = 0; i < json.length; i++) {
            byte b = json[i];
            if (inString) {
                out[n++] = b;
                if (b == '\\') out[n++] = json[++i];
                else if (b == '"') inString = false;
            } else if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                out[n++] = b;
                if (b == '"') inString = true;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** The decisions document of an evaluation as a version keeps it: what {@link #of} stores, byte for byte. */
    public static byte[] document(Evaluation evaluation) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        DecisionJsonWriter.write(evaluation, Words.vietnamese(), out);
        return out.toByteArray();
    }

    /** The document's {@code summary}, which comes before the decisions: only the head is read. */
    private static String summary(byte[] json) throws IOException {
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) throw new IOException("the decisions JSON is not an object");
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if (field.equals("summary")) return JSON.writeValueAsString(JSON.readTree(parser));
                parser.skipChildren();
            }
        }
        throw new IOException("the decisions JSON has no summary");
    }

    private static Rounds.DecisionRow row(Decision decision, String detail) {
        Nomination n = decision.nomination();
        Set<String> titles = new LinkedHashSet<>();
        for (Award award : decision.awards()) titles.add(award.title());
        String search = Texts.folded(String.join(" ", n.id(), n.name(), n.sponsor(), n.commune(), n.district()));
        return new Rounds.DecisionRow(decision.index(), n.id(), n.name(), n.type().name(),
                n.kind() == null ? null : n.kind().name(), n.field().name(), n.sponsor(), n.commune(), n.district(), n.city(),
                decision.score() == null ? null : decision.score().total(), List.copyOf(titles),
                search.length() > 8000 ? search.substring(0, 8000) : search, detail);
    }

    /**
     * A rule set as the store keeps it: its manifest, titles, and the files its fingerprint was
     * computed from, zipped by name.
     */
    public static RuleSets.StoredRuleSet ruleSet(RuleSet rules, Path directory) throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip); Stream<Path> listing = Files.list(directory)) {
            for (Path file : listing.filter(RoundContent::fingerprinted).sorted().toList()) {
                out.putNextEntry(new ZipEntry(file.getFileName().toString().replace("/", "")));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
        }
        return new RuleSets.StoredRuleSet(rules.fingerprint(), rules.source(), rules.manifest().name(), rules.years().from(),
                rules.years().to(), rules.ruleCount(), JSON.writeValueAsString(rules.titles()), zip.toByteArray());
    }

    private static boolean fingerprinted(Path file) {
        String name = file.getFileName().toString().replace("/", "");
        return name.endsWith(".drl") || name.equals(RuleSources.TITLES_FILE) || name.equals(RuleSetManifestReader.FILE);
    }

    /**
     * Compressed at the fastest level: the decisions of a large batch are tens of MB of repetitive
     * JSON, which even that makes about ten times smaller, in a fraction of the default level's time.
     */
    static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1024, bytes.length / 8));
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16) {
            {
                def.setLevel(java.util.zip.Deflater.BEST_SPEED);
            }
        }) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
