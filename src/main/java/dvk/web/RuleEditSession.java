package dvk.web;

import dvk.engine.RuleSources;
import dvk.store.RuleRepository;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One person's unsaved draft of one rule set: the files of the version it was opened from (the
 * commit, kept to refuse a save over someone else's), and the files as edited. Kept in the
 * database after each change ({@code rule_drafts}), so a restart loses nothing, until saved or
 * discarded. Nothing here is compiled: only the child process that evaluates drafts compiles them.
 */
final class RuleEditSession {
    /** The most a rule file may hold in the editor. */
    static final int MAX_FILE_CHARS = 200_000;

    final String ruleSet;
    final String base;
    final Instant opened;
    private final Map<String, byte[]> original;
    private final Map<String, byte[]> files;

    RuleEditSession(String ruleSet, String base, Map<String, byte[]> files, Instant opened) {
        this(ruleSet, base, files, files, opened);
    }

    /** A draft kept earlier: the files of its version, and its files as edited. */
    RuleEditSession(String ruleSet, String base, Map<String, byte[]> original, Map<String, byte[]> files, Instant opened) {
        this.ruleSet = ruleSet;
        this.base = base;
        this.opened = opened;
        this.original = new TreeMap<>(original);
        this.files = new TreeMap<>(files);
    }

    synchronized Map<String, byte[]> files() {
        return new TreeMap<>(files);
    }

    synchronized Map<String, byte[]> original() {
        return new TreeMap<>(original);
    }

    synchronized List<String> names() {
        return List.copyOf(files.keySet());
    }

    synchronized boolean has(String file) {
        return files.containsKey(file);
    }

    synchronized String text(String file) {
        byte[] bytes = files.get(file);
        if (bytes == null) throw Refusal.notFound();
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Replaces a file's text; only files the rule set has, and of a size an editor holds. */
    synchronized void put(String file, String text) {
        if (!files.containsKey(file)) throw Refusal.notFound();
        if (text == null || text.length() > MAX_FILE_CHARS) throw Refusal.badRequest("workbench.tooLong", MAX_FILE_CHARS);
        files.put(file, text.getBytes(StandardCharsets.UTF_8));
    }

    synchronized boolean changed() {
        return files.keySet().stream().anyMatch(f -> !java.util.Arrays.equals(files.get(f), original.get(f)));
    }

    /** The files changed, each with its unified diff against the version the draft was opened from. */
    synchronized Map<String, String> diffs() {
        Map<String, String> diffs = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            String diff = RuleRepository.diff(RuleRepository.RULES + ruleSet + "/" + file.getKey(),
                    original.getOrDefault(file.getKey(), new byte[0]), file.getValue());
            if (!diff.isEmpty()) diffs.put(file.getKey(), diff);
        }
        return diffs;
    }

    /**
     * The fingerprint {@link dvk.engine.RuleSources#fingerprint} gives these files: the DRL files in
     * name order, then titles.json and ruleset.json; equal to a compiled rule set's when the files are.
     */
    synchronized String fingerprint() {
        return fingerprint(files);
    }

    static String fingerprint(Map<String, byte[]> files) {
        List<Map.Entry<String, byte[]>> drl = new TreeMap<>(files).entrySet().stream()
                .filter(file -> file.getKey().endsWith(".drl")).toList();
        return RuleSources.fingerprint(drl, files.get("titles.json"), files.get("ruleset.json"));
    }
}
