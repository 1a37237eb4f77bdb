package dvk.regression;

import dvk.engine.Evaluation;
import dvk.engine.RulesException;
import dvk.engine.YearlyRules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Runs regression fixtures against a rule library: what {@code dvk verify} and the test suite both do. */
public final class FixtureSuite {
    /** One fixture's run: how many nominations it expects something of, its evaluation, and every mismatch. */
    public record Result(Fixture fixture, Evaluation evaluation, List<Mismatch> mismatches) {
        public boolean holds() {
            return mismatches.isEmpty();
        }
    }

    private final FixtureRunner runner;

    public FixtureSuite(YearlyRules rules) {
        this.runner = new FixtureRunner(rules);
    }

    public FixtureSuite(YearlyRules rules, java.time.Duration ruleTimeout) {
        this.runner = new FixtureRunner(rules, ruleTimeout);
    }

    /** The fixture files at these locations: a directory gives its {@code *.json} files by name, a file itself. */
    public static List<Path> find(List<Path> locations) throws FixtureException {
        List<Path> files = new ArrayList<>();
        for (Path location : locations) {
            if (Files.isDirectory(location)) {
                try (Stream<Path> listing = Files.list(location)) {
                    List<Path> json = listing.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
                    if (json.isEmpty()) throw new FixtureException(location + ": no fixture files (*.json) here");
                    files.addAll(json);
                } catch (IOException | UncheckedIOException e) {
                    throw new FixtureException(location + ": cannot read: " + e.getMessage());
                }
            } else if (Files.isRegularFile(location)) {
                files.add(location);
            } else {
                throw new FixtureException(location + ": no such fixture file or directory");
            }
        }
        return files;
    }

    public Result run(Path file) throws FixtureException, RulesException {
        Fixture fixture = Fixture.load(file);
        if (fixture.expected().isEmpty()) {
            throw new FixtureException(file + ": expects nothing; list every nomination under \"expected\"");
        }
        FixtureRunner.Checked checked = runner.check(fixture);
        return new Result(fixture, checked.evaluation(), checked.mismatches());
    }
}
