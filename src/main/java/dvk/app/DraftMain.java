package dvk.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dvk.engine.RuleCatalog;
import dvk.engine.RuleLibrary;
import dvk.engine.RuleProblem;
import dvk.engine.RulesException;
import dvk.regression.FixtureSuite;
import dvk.regression.Impact;
import dvk.report.CoverageView;
import dvk.report.ImpactView;
import dvk.report.Words;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The child process that compiles and evaluates a draft of the rules, started by {@link DraftRunner}
 * with a memory cap and killed at a wall-clock limit: rules edited over the network are compiled and
 * run here, never in the workspace's own process. Reads {@code request.json} of the job directory
 * given as its one argument, writes {@code report.json} beside it, and exits 0; on running out of
 * memory it exits {@link #OUT_OF_MEMORY}.
 */
public final class DraftMain {
    static final int OUT_OF_MEMORY = 3;
    static final int FAILED = 1;
    static final ObjectMapper JSON = new ObjectMapper()
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private DraftMain() {}

    public static void main(String[] args) {
        try {
            Path job = Path.of(args[0]);
            DraftRequest request = JSON.readValue(job.resolve(DraftRequest.FILE).toFile(), DraftRequest.class);
            DraftReport report = run(job, request);
            Path written = job.resolve(DraftReport.FILE + ".part");
            JSON.writeValue(written.toFile(), report);
            Files.move(written, job.resolve(DraftReport.FILE), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            System.exit(0);
        } catch (OutOfMemoryError e) {
            System.err.println("dvk draft: out of memory");
            System.exit(OUT_OF_MEMORY);
        } catch (Throwable e) {
            System.err.println("dvk draft: " + e);
            System.exit(FAILED);
        }
    }

    static DraftReport run(Path job, DraftRequest request) throws IOException {
        RuleLibrary library;
        try {
            library = RuleLibrary.open(job.resolve(DraftRequest.LIBRARY), "rules");
        } catch (RulesException e) {
            return new DraftReport(e.problems(), List.of(), List.of(), List.of(), null, List.of(), null, null);
        }
        RuleSetDescriptions descriptions = new RuleSetDescriptions();
        List<RuleSetDescriptions.Checked> checked = descriptions.check(library);
        List<RuleProblem> errors = new ArrayList<>();
        List<RuleProblem> warnings = new ArrayList<>();
        List<RuleCatalog.Entry> catalog = List.of();
        for (RuleSetDescriptions.Checked set : checked) {
            errors.addAll(set.errors());
            warnings.addAll(set.warnings());
            if (set.compiles() && set.entry().directory().getFileName().toString().equals(request.ruleSet())) {
                try {
                    catalog = RuleCatalog.read(set.entry(), set.rules()).rules();
                } catch (RulesException e) {
                    errors.addAll(e.problems());
                }
            }
        }
        List<DraftReport.Difference> differences = descriptions.differences(checked).stream()
                .map(d -> new DraftReport.Difference(d.ruleId(), d.title(), d.criterion(), d.requirements())).toList();
        if (!DraftRequest.IMPACT.equals(request.mode()) || !errors.isEmpty()) {
            return new DraftReport(errors, warnings, catalog, differences, null, List.of(), null, null);
        }
        Words words = Words.of(request.language());
        Duration timeout = Duration.ofMillis(request.ruleTimeoutMillis());
        DraftReport.Impact impact = null;
        String failure = null;
        if (request.input() != null) {
            Outcome<Impact> compared = new Diffs().compare(new Diffs.Request(job.resolve(request.input()),
                    new Diffs.Base.Directory(job.resolve(DraftRequest.BASE)), library, false, timeout));
            if (compared instanceof Outcome.Done<Impact> done) {
                Impact shown = done.value();
                Impact.Side base = shown.base();
                if (request.baseShown() != null) {
                    base = new Impact.Side(request.baseShown(), base.name(), base.years(), base.fingerprint(), base.rules(), base.whatIf());
                }
                shown = new Impact(request.inputShown() == null ? shown.input() : request.inputShown(), shown.year(), shown.records(),
                        shown.rejected(), base, shown.changed(), shown.titles(), shown.titleChanges(), shown.reasonChanges());
                impact = DraftReport.Impact.of(ImpactView.of(shown, words));
            } else {
                failure = describe(compared);
            }
        }
        List<DraftReport.FixtureResult> fixtures = new ArrayList<>();
        DraftReport.Coverage coverage = null;
        Path fixtureDirectory = job.resolve(DraftRequest.FIXTURES).resolve("regression");
        if (Files.isDirectory(fixtureDirectory)) {
            Outcome<Verification.Covered> covered = new Verification().coverage(List.of(fixtureDirectory), library, timeout);
            if (covered instanceof Outcome.Done<Verification.Covered> done) {
                for (FixtureSuite.Result result : done.value().report().results()) {
                    fixtures.add(new DraftReport.FixtureResult(result.fixture().file().getFileName().toString(),
                            result.fixture().description(), result.holds(), result.mismatches()));
                }
                coverage = DraftReport.Coverage.of(CoverageView.of(done.value().coverage(), words));
            } else {
                failure = (failure == null ? "" : failure + "; ") + describe(covered);
            }
        }
        return new DraftReport(errors, warnings, catalog, differences, impact, fixtures, coverage, failure);
    }

    private static String describe(Outcome<?> outcome) {
        if (outcome instanceof Outcome.RuleFailed<?> failed) return failed.message();
        if (outcome instanceof Outcome.RulesUnusable<?> unusable) {
            return unusable.problems().stream().map(RuleProblem::toString).collect(java.util.stream.Collectors.joining("; "));
        }
        if (outcome instanceof Outcome.InputUnreadable<?> unreadable) return unreadable.message();
        if (outcome instanceof Outcome.Unavailable<?> unavailable) return unavailable.message();
        return outcome.toString();
    }
}
