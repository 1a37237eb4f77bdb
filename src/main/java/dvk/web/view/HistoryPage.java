package dvk.web.view;

import java.time.Instant;
import java.util.List;

/**
 * A rule set's saved versions, newest first, each with its note, author, date and diff; after a
 * save, the reminders of other rule sets that hold a changed criterion.
 */
public record HistoryPage(String ruleSet, List<Version> versions, String saved, List<String> reminders) {
    /** {@code decided}: the rounds' versions this version decided, as links. */
    public record Version(String commit, String shortCommit, String note, String author, String login, Instant when,
                          List<DraftPage.DiffLine> diff, String inForce, List<Link> decided) {}

    public record Link(String label, String url) {}
}
