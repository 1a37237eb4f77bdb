package dvk.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Which rules dvk uses when none are named, found the way git finds its repository: {@code rules/}
 * in the working directory, else in the nearest directory above it that has one, else the copy
 * bundled in dvk. A {@code rules/} directory counts when it holds a rule set (a
 * {@code ruleset.json} or rule files, in it or in one of its directories), so an unrelated folder of
 * that name does not hide the policy's. The command line and the workspace both ask here.
 */
public final class RulesLookup {
    /** The name of the directory looked for. */
    public static final String DIRECTORY = "rules";

    private RulesLookup() {}

    /**
     * The {@code rules/} directory nearest to {@code workingDirectory}, itself first, as a path from
     * it ({@code rules}, {@code ../rules}, {@code ../../rules}), resolved against it; empty when
     * neither it nor any directory above it has one.
     */
    public static Optional<Path> find(Path workingDirectory) {
        Path start = workingDirectory.toAbsolutePath().normalize();
        Path up = Path.of("");
        for (Path directory = start; directory != null; directory = directory.getParent()) {
            Path candidate = directory.resolve(DIRECTORY);
            if (Files.isDirectory(candidate) && holdsRuleSet(candidate)) {
                return Optional.of(workingDirectory.resolve(up.resolve(DIRECTORY)));
            }
            up = up.resolve("..");
        }
        return Optional.empty();
    }

    /**
     * The rules named ({@code --rules DIR}) when {@code named} is not null; else those found from
     * the working directory, named as a path from it; else the copy bundled in dvk.
     */
    public static RuleLibrary open(Path named, Path workingDirectory) throws RulesException {
        if (named != null) return RuleLibrary.open(named);
        Optional<Path> found = find(workingDirectory);
        if (found.isEmpty()) return RuleLibrary.bundled();
        Path directory = found.get();
        String label = directory.isAbsolute() ? RuleCompiler.label(directory) : directory.normalize().toString();
        return RuleLibrary.open(directory, label.replace('\\', '/'));
    }

    /** The rules directory a run uses ({@code named}, else the one found), or empty for the bundled copy. */
    public static Optional<Path> directory(Path named, Path workingDirectory) {
        return named != null ? Optional.of(named) : find(workingDirectory);
    }

    private static boolean holdsRuleSet(Path directory) {
        if (isRuleSet(directory)) return true;
        try (Stream<Path> children = Files.list(directory)) {
            return children.anyMatch(child -> Files.isDirectory(child) && isRuleSet(child));
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    private static boolean isRuleSet(Path directory) {
        if (Files.isRegularFile(directory.resolve(RuleSetManifestReader.FILE))) return true;
        try (Stream<Path> files = Files.list(directory)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".drl"));
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }
}
