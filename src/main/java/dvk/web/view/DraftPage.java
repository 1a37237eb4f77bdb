package dvk.web.view;

import dvk.report.CoverageView;
import dvk.report.ImpactView;
import java.util.List;

/**
 * A person's draft of a rule set: each changed file's diff, the stored rounds to see its impact on,
 * and once one is chosen what the child process found: problems, the impact (who gains and loses
 * which title, and why), the fixtures' run and their coverage. The form that saves it with a note.
 */
public record DraftPage(String ruleSet, String base, boolean changed, List<Diff> diffs, List<Choice> rounds, String round,
                        List<String> errors, List<String> warnings, String failure, ImpactView impact, List<Fixture> fixtures,
                        CoverageView coverage, boolean evaluated) {
    /** One file's diff, line by line. */
    public record Diff(String file, List<DiffLine> lines) {}

    /** A diff's line and what it is: {@code add}, {@code del}, {@code hunk}, {@code meta} or {@code same}. */
    public record DiffLine(String text, String kind) {
        public static List<DiffLine> of(String diff) {
            return diff.lines().map(l -> new DiffLine(l, l.startsWith("+++") || l.startsWith("---") || l.startsWith("diff ")
                    || l.startsWith("index ") || l.startsWith("new file") ? "meta" : l.startsWith("@@") ? "hunk"
                    : l.startsWith("+") ? "add" : l.startsWith("-") ? "del" : "same")).toList();
        }
    }

    /** A stored round's version to evaluate the draft on. */
    public record Choice(String value, String label, boolean selected) {}

    /** A fixture's result: its file, description, whether it holds, and its mismatches written out. */
    public record Fixture(String file, String description, boolean holds, List<String> mismatches) {}
}
