package dvk.web.view;

import java.util.List;

/**
 * A rule set's catalog in the reader's language (title, criterion, requirement, citation, file and
 * line), and for policy staff the thresholds of its criteria, each in a small form, and the files to
 * open in the editor. Shows the person's draft when they have one, else the newest saved version.
 */
public record RuleSetPage(String ruleSet, String version, boolean draft, boolean changed, List<Row> catalog,
                          List<Threshold> thresholds, List<String> files, boolean canEdit, List<String> problems) {
    /**
     * One rule of the catalog: the title's and the criterion's names in the reader's words with their
     * codes, what kind of rule it is in words, the requirement (a threshold's as a decision states it),
     * the citation, and {@code file:line}.
     */
    public record Row(String id, String kind, String title, String titleCode, String criterion, String criterionCode,
                      String requirement, String cite, String where) {}

    /** A threshold written as a literal, with what the form posts back to find it again. */
    public record Threshold(String file, String rule, String title, String criterion, String criterionCode, String quantity,
                            String requirement, String requirementInWords, String literal, int line, String where) {
        /** What stands before the number in the form: {@code >=}, or {@code rank <=} for a quota. */
        public String operator() {
            return requirement.startsWith("rank") ? "rank <=" : ">=";
        }

        /** What stands after it: {@code %} for a share. */
        public String unit() {
            return requirement.endsWith("%") ? "%" : "";
        }
    }
}
