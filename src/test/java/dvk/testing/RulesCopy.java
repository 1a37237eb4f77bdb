package dvk.testing;

import dvk.engine.RuleCompiler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A temporary copy of rules/ that a test may edit. */
public final class RulesCopy {
    private final Path directory;

    private RulesCopy(Path directory) {
        this.directory = directory;
    }

    /** A copy of rules/2024-2025. */
    public static RulesCopy of(Path temp) {
        return of(temp, TestRules.RULES);
    }

    /** A copy of the rule set in rules/{@code name} ({@code "2026"}). */
    public static RulesCopy of(Path temp, String name) {
        return of(temp, TestRules.LIBRARY.resolve(name));
    }

    private static RulesCopy of(Path temp, Path ruleSet) {
        try (Stream<Path> files = Files.list(ruleSet)) {
            Path target = Files.createDirectories(temp.resolve("rules"));
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
            return new RulesCopy(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A rule set of only its data (titles and years): for one rule file tried on its own. */
    public static RulesCopy dataOnly(Path temp) {
        return of(temp).deleteRuleFiles();
    }

    /** The data of the rule set in rules/{@code name}, without its rule files. */
    public static RulesCopy dataOnly(Path temp, String name) {
        return of(temp, name).deleteRuleFiles();
    }

    private RulesCopy deleteRuleFiles() {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".drl")).toList()) Files.delete(file);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path directory() {
        return directory;
    }

    /** How problems name a file of this copy: under the directory's label. */
    public String shown(String file) {
        return RuleCompiler.label(directory) + "/" + file;
    }

    public String read(String file) {
        try {
            return Files.readString(directory.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public RulesCopy write(String file, String text) {
        try {
            Files.writeString(directory.resolve(file), text, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces exactly one occurrence of {@code from} in the file. */
    public RulesCopy replace(String file, String from, String to) {
        String text = read(file);
        int at = text.indexOf(from);
        if (at < 0 || text.indexOf(from, at + 1) >= 0) {
            throw new IllegalArgumentException("\"" + from + "\" does not occur exactly once in " + file);
        }
        return write(file, text.substring(0, at) + to + text.substring(at + from.length()));
    }

    public RulesCopy delete(String file) {
        try {
            Files.delete(directory.resolve(file));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 1-based line of the first line containing {@code text}. */
    public int lineOf(String file, String text) {
        String[] lines = read(file).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(text)) return i + 1;
        }
        throw new IllegalArgumentException(text + " not in " + file);
    }
}
