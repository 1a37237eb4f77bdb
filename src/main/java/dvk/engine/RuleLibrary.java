package dvk.engine;

import dvk.domain.RuleSetManifest;
import dvk.engine.RuleSetManifestReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where rules come from: one rule set (a directory with {@code ruleset.json}, {@code titles.json} and
 * DRL files), or a directory of rule sets, each declaring the years it applies to. For a batch, the
 * rule set whose years include the batch's year is used; no two may claim the same year.
 */
public final class RuleLibrary {
    /** One rule set: its directory, how outputs name it, and its manifest. */
    public record Entry(Path directory, String label, RuleSetManifest manifest) {}

    private final String label;
    private final List<Entry> ruleSets;

    private RuleLibrary(String label, List<Entry> ruleSets) {
        this.label = label;
        this.ruleSets = List.copyOf(ruleSets);
    }

    /** Opens a rules directory; outputs name it by its path relative to the working directory. */
    public static RuleLibrary open(Path directory) throws RulesException {
        return open(directory, RuleCompiler.label(directory));
    }

    public static RuleLibrary bundled() throws RulesException {
        return open(BundledRules.directory(), BundledRules.LABEL);
    }

    public static RuleLibrary open(Path directory, String label) throws RulesException {
        if (!Files.isDirectory(directory)) {
            throw new RulesException(new RuleProblem(label, 0, null, "rules directory not found"));
        }
        if (isRuleSet(directory)) {
            return new RuleLibrary(label, List.of(entry(directory, label)));
        }
        List<Entry> sets = new ArrayList<>();
        for (Path child : children(directory, label)) {
            if (isRuleSet(child)) {
                sets.add(entry(child, label + "/" + child.getFileName().toString().replace("/", "")));
            }
        }
        if (sets.isEmpty()) {
            throw new RulesException(new RuleProblem(label, 0, null,
                    "no rule sets here: a rule set is a directory with " + RuleSetManifestReader.FILE + ", "
                            + RuleSources.TITLES_FILE + " and .drl files"));
        }
        List<RuleProblem> overlaps = new ArrayList<>();
        for (int i = 0; i < sets.size(); i++) {
            for (int j = i + 1; j < sets.size(); j++) {
                Entry a = sets.get(i);
                Entry b = sets.get(j);
                if (a.manifest().years().overlaps(b.manifest().years())) {
                    overlaps.add(new RuleProblem(b.label() + "/" + RuleSetManifestReader.FILE, 0, null,
                            "years " + b.manifest().years() + " overlap those of " + a.label() + " ("
                                    + a.manifest().years() + "): each year needs exactly one rule set"));
                }
            }
        }
        if (!overlaps.isEmpty()) throw new RulesException(overlaps);
        return new RuleLibrary(label, sets);
    }

    public String label() {
        return label;
    }

    /** Whether these are the rules bundled in dvk, which no one edits, rather than a directory's. */
    public boolean isBundled() {
        return label.equals(BundledRules.LABEL);
    }

    public List<Entry> ruleSets() {
        return ruleSets;
    }

    /** The rule set for a batch of {@code year}, or a problem naming the years each rule set covers. */
    public Entry forYear(int year) throws RulesException {
        for (Entry set : ruleSets) {
            if (set.manifest().years().includes(year)) return set;
        }
        throw new RulesException(new RuleProblem(label, 0, null, "no rule set applies to " + year + ": "
                + ruleSets.stream().map(s -> s.label() + " applies to " + s.manifest().years())
                        .collect(Collectors.joining("; "))));
    }

    /** A directory holding its own manifest or rule files is one rule set (its manifest may still be missing). */
    private static boolean isRuleSet(Path directory) throws RulesException {
        if (Files.isRegularFile(directory.resolve(RuleSetManifestReader.FILE))) return true;
        return children(directory, directory.toString()).stream()
                .anyMatch(p -> p.getFileName().toString().endsWith(".drl"));
    }

    private static Entry entry(Path directory, String label) throws RulesException {
        Path manifest = directory.resolve(RuleSetManifestReader.FILE);
        if (!Files.isRegularFile(manifest)) {
            // RuleSources explains what is missing, in the same words the compiler uses
            RuleSources.read(directory, label);
        }
        return new Entry(directory, label, RuleSetManifestReader.read(manifest, label + "/" + RuleSetManifestReader.FILE));
    }

    private static List<Path> children(Path directory, String label) throws RulesException {
        try (Stream<Path> listing = Files.list(directory)) {
            return listing.sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            throw new RulesException(new RuleProblem(label, 0, null, "cannot read: " + e.getMessage()));
        }
    }
}
