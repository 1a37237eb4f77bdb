package dvk.app;

import dvk.engine.RuleCatalog;
import dvk.engine.RuleProblem;
import dvk.regression.Mismatch;
import dvk.report.CoverageView;
import dvk.report.ImpactView;
import dvk.report.Words;
import java.util.List;
import java.util.Map;

/**
 * What the child process found about a draft, read back from its {@code report.json}: data only,
 * laid out by dvk's own views in the child and placed on the page by the workspace's templates.
 *
 * @param errors      problems that stop a rule set compiling, of every rule set of the library
 * @param warnings    the lints' warnings
 * @param catalog     the edited rule set's catalog (empty when it does not compile)
 * @param differences criteria that rule sets of the library share but require differently
 * @param impact      the draft's impact on the round (null in a check, or when it could not be computed)
 * @param fixtures    each fixture's result (empty when there are none)
 * @param coverage    what the fixtures test (null when not run)
 * @param failure     why the impact or the fixtures could not be computed (null when they were)
 */
public record DraftReport(List<RuleProblem> errors, List<RuleProblem> warnings, List<RuleCatalog.Entry> catalog,
                          List<Difference> differences, Impact impact, List<FixtureResult> fixtures, Coverage coverage,
                          String failure) {
    public static final String FILE = "report.json";

    public DraftReport {
        errors = errors == null ? List.of() : List.copyOf(errors);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        catalog = catalog == null ? List.of() : List.copyOf(catalog);
        differences = differences == null ? List.of() : List.copyOf(differences);
        fixtures = fixtures == null ? List.of() : List.copyOf(fixtures);
    }

    public boolean compiles() {
        return errors.isEmpty();
    }

    /** A criterion several rule sets hold, each set's requirement by its label ({@code rules/2026 >= 3}). */
    public record Difference(String ruleId, String title, String criterion, Map<String, String> requirements) {}

    /** One fixture: its file's name, whether it holds, and its mismatches. */
    public record FixtureResult(String fixture, String description, boolean holds, List<Mismatch> mismatches) {}

    /** The impact as {@link ImpactView} lays it out, without its words: {@link #view} puts them back. */
    public record Impact(String title, String input, int year, int records, int rejected, List<ImpactView.Side> sides,
                         List<ImpactView.TitleRow> titles, List<ImpactView.Change> titleChanges,
                         List<ImpactView.Change> reasonChanges) {
        static Impact of(ImpactView v) {
            return new Impact(v.title(), v.input(), v.year(), v.records(), v.rejected(), v.sides(), v.titles(), v.titleChanges(),
                    v.reasonChanges());
        }

        public ImpactView view(Words words) {
            return new ImpactView(words, title, input, year, records, rejected, sides, titles, titleChanges, reasonChanges);
        }
    }

    /** The coverage as {@link CoverageView} lays it out, without its words. */
    public record Coverage(String title, List<CoverageView.RuleSetView> ruleSets) {
        static Coverage of(CoverageView v) {
            return new Coverage(v.title(), v.ruleSets());
        }

        public CoverageView view(Words words) {
            return new CoverageView(words, title, ruleSets);
        }
    }
}
