package dvk.regression;

import dvk.domain.CriterionOutcome;
import dvk.domain.YearRange;
import java.util.List;

/**
 * What changing the rules does to one batch: per title, how many nominations hold it under each
 * rule set and how many gain or lose it; per nomination whose titles change, the titles gained and
 * lost and the criteria whose verdict changed; and the nominations whose titles stay but whose
 * why-not changes (a criterion now failing, or no longer failing).
 */
public record Impact(String input, int year, int records, int rejected, Side base, Side changed,
                     List<TitleChange> titles, List<NominationChange> titleChanges, List<NominationChange> reasonChanges) {

    public Impact {
        titles = List.copyOf(titles);
        titleChanges = List.copyOf(titleChanges);
        reasonChanges = List.copyOf(reasonChanges);
    }

    /** One rule set's side of the comparison; {@code whatIf} when its years do not include the batch's. */
    public record Side(String source, String name, YearRange years, String fingerprint, int rules, boolean whatIf) {}

    /** A title's counts; {@code inBase}/{@code inChanged} say whether each rule set has the title at all. */
    public record TitleChange(String title, String nameVi, String nameEn, boolean inBase, boolean inChanged,
                              long before, long after, long gained, long lost) {
        public boolean changes() {
            return gained > 0 || lost > 0;
        }
    }

    /** One nomination's changes: titles gained and lost, scores, and each criterion outcome that changed. */
    public record NominationChange(int index, String id, String name, String district, List<String> gained,
                                   List<String> lost, Integer scoreBefore, Integer scoreAfter,
                                   List<String> titlesRemoved, List<OutcomeChange> outcomes) {
        public NominationChange {
            gained = List.copyOf(gained);
            lost = List.copyOf(lost);
            titlesRemoved = List.copyOf(titlesRemoved);
            outcomes = List.copyOf(outcomes);
        }
    }

    /** A criterion whose outcome differs: {@code before} or {@code after} is null where only one rule set checks it. */
    public record OutcomeChange(String title, String criterion, CriterionOutcome before, CriterionOutcome after) {

        /** {@code months-running: required >= 12 → >= 18, actual 14 (passed → failed)}. */
        public String describe() {
            if (before == null) {
                return criterion + ": new criterion, required " + after.required() + ", actual " + after.actual()
                        + " (" + verdict(after) + ")";
            }
            if (after == null) {
                return criterion + ": no longer checked (was required " + before.required() + ", actual "
                        + before.actual() + ", " + verdict(before) + ")";
            }
            StringBuilder text = new StringBuilder(criterion).append(": required ").append(before.required());
            if (!before.required().equals(after.required())) text.append(" → ").append(after.required());
            text.append(", actual ").append(before.actual());
            if (!before.actual().equals(after.actual())) text.append(" → ").append(after.actual());
            text.append(" (").append(verdict(before));
            if (before.passed() != after.passed()) text.append(" → ").append(verdict(after));
            return text.append(')').toString();
        }

        private static String verdict(CriterionOutcome outcome) {
            return outcome.passed() ? "passed" : "failed";
        }
    }
}
