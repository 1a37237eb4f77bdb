package dvk.engine;

import dvk.engine.RuleSetManifestReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files of a rules directory: its DRL files (by name) and the titles data beside them, with
 * where each rule is declared, so problems and reasons can name file and line.
 */
public record RuleSources(Path directory, List<DrlFile> drlFiles, Path titlesFile, Path manifestFile) {

    public static final String TITLES_FILE = "titles.json";
    private static final Pattern RULE_DECLARATION =
            Pattern.compile("^\\s*rule\\s+(?:\"((?:[^\"\\\\]|\\\\.)*)\"|'([^']*)'|(\\S+))");

    /** A DRL file with its text and the rules it declares, in order. */
    public record DrlFile(String name, String text, List<Declaration> rules) {}

    /** A rule declaration: its name and 1-based line. */
    public record Declaration(String rule, int line) {}

    public static RuleSources read(Path directory) throws RulesException {
        return read(directory, directory.toString());
    }

    /** {@code shown} is how problems name the directory. */
    public static RuleSources read(Path directory, String shown) throws RulesException {
        if (!Files.isDirectory(directory)) {
            throw new RulesException(new RuleProblem(shown, 0, null, "rules directory not found"));
        }
        List<DrlFile> files = new ArrayList<>();
        try (Stream<Path> listing = Files.list(directory)) {
            for (Path path : listing.filter(p -> p.getFileName().toString().endsWith(".drl")).sorted().toList()) {
                String text = Files.readString(path, StandardCharsets.UTF_8);
                files.add(new DrlFile(path.getFileName().toString(), text, declarations(text)));
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new RulesException(new RuleProblem(shown, 0, null, "cannot read rules: " + e.getMessage()));
        }
        Path manifest = directory.resolve(RuleSetManifestReader.FILE);
        if (files.isEmpty()) {
            throw new RulesException(new RuleProblem(shown, 0, null, Files.isRegularFile(manifest)
                    ? "no .drl rule files in the rule set"
                    : "no .drl rule files and no rule sets in the rules directory"));
        }
        if (!Files.isRegularFile(manifest)) {
            throw new RulesException(new RuleProblem(shown + "/" + RuleSetManifestReader.FILE, 0, null,
                    "not found: a rule set declares the years it applies to in " + RuleSetManifestReader.FILE
                            + ", e.g. {\"name\": \"…\", \"years\": {\"from\": 2024, \"to\": 2025}}"));
        }
        Path titles = directory.resolve(TITLES_FILE);
        if (!Files.isRegularFile(titles)) {
            throw new RulesException(new RuleProblem(shown + "/" + TITLES_FILE, 0, null,
                    "titles data not found beside the rules"));
        }
        return new RuleSources(directory, List.copyOf(files), titles, manifest);
    }

    static List<Declaration> declarations(String text) {
        List<Declaration> found = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = RULE_DECLARATION.matcher(lines[i]);
            if (m.find()) {
                String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                found.add(new Declaration(name, i + 1));
            }
        }
        return found;
    }

    /** The rule whose declaration is the last one at or before {@code line} of {@code file}, or null. */
    public String ruleAt(String file, int line) {
        String rule = null;
        for (DrlFile drl : drlFiles) {
            if (!drl.name().equals(file)) continue;
            for (Declaration d : drl.rules()) {
                if (d.line() <= line) rule = d.rule();
            }
        }
        return rule;
    }

    /** sha256 of every file's name and bytes, in name order: equal rules give an equal fingerprint. */
    public String fingerprint() throws RulesException {
        List<Map.Entry<String, byte[]>> drl = new ArrayList<>(drlFiles.size());
        for (DrlFile file : drlFiles) drl.add(Map.entry(file.name(), file.text().getBytes(StandardCharsets.UTF_8)));
        try {
            return fingerprint(drl, Files.readAllBytes(titlesFile), Files.readAllBytes(manifestFile));
        } catch (IOException e) {
            throw new RulesException(new RuleProblem(TITLES_FILE, 0, null, "cannot read: " + e.getMessage()));
        }
    }

    /**
     * The fingerprint of a rule set's files: the DRL files (name and bytes) in the order given, which
     * is their names' order, then titles.json and ruleset.json (each skipped when null). Files not
     * read from a directory (a draft in the workbench) are fingerprinted as the compiled set would be.
     */
    public static String fingerprint(List<Map.Entry<String, byte[]>> drlFiles, byte[] titles, byte[] manifest) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> drl : drlFiles) update(digest, drl.getKey(), drl.getValue());
            if (titles != null) update(digest, TITLES_FILE, titles);
            if (manifest != null) update(digest, RuleSetManifestReader.FILE, manifest);
            return "sha256:" + HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(MessageDigest digest, String name, byte[] bytes) {
        digest.update(name.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(bytes);
        digest.update((byte) 0);
    }
}
