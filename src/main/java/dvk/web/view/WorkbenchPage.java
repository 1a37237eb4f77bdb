package dvk.web.view;

import java.time.Instant;
import java.util.List;

/**
 * The workbench's first page: the rule sets of the newest saved version, what is in force for which
 * years, and for an administrator the form that puts a saved version in force.
 */
public record WorkbenchPage(List<Set> ruleSets, List<InForce> inForce, boolean admin, String message) {
    /** A rule set: its name, what its ruleset.json calls it, its years, and its versions newest first. */
    public record Set(String name, String description, String years, String url, String historyUrl, List<Version> versions) {}

    /** A saved version as the put-in-force form offers it. */
    public record Version(String commit, String shortCommit, String note, String author, Instant when) {}

    /** A saved version put in force for a range of years. */
    public record InForce(String ruleSet, String shortCommit, String fingerprint, int from, int to, String putBy, Instant putAt) {}
}
