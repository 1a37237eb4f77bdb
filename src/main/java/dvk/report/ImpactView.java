package dvk.report;

import dvk.domain.CriterionOutcome;
import dvk.regression.Impact;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Everything the impact page of a rules change shows, built once from the impact in one language:
 * the two rule sets, per title the counts before and after with what is gained and lost, and the
 * nominations whose titles or reasons change, each changed criterion in words. The template
 * {@code impact.jte} only places it on the page.
 */
public record ImpactView(Words words, String title, String input, int year, int records, int rejected,
                         List<Side> sides, List<TitleRow> titles, List<Change> titleChanges, List<Change> reasonChanges) {
    /** How much of a fingerprint the page shows: {@code sha256:} and 12 hex digits. */
    private static final int FINGERPRINT_SHOWN = 19;

    /** One rule set: before (base) or after (changed); {@code whatIf} when its years leave out the batch's. */
    public record Side(String label, String source, String name, String rules, String years, boolean whatIf,
                       String fingerprint) {}

    /**
     * A title's counts under each rule set, written: {@code before} or {@code after} is "—" where that
     * rule set has no such title; {@code gained} "+2" or "0", {@code lost} "−1" or "0".
     */
    public record TitleRow(String code, String name, String before, String after, String gained, boolean gains,
                           String lost, boolean loses) {}

    /**
     * A nomination whose titles or reasons change: the names of the titles gained and lost (null when
     * none), the score before → after (null when the same), the titles the changed rules no longer
     * have, and each criterion whose outcome changed.
     */
    public record Change(String id, String name, String district, String gained, String lost, String score,
                         List<String> titlesRemoved, List<Outcome> outcomes) {}

    /** A criterion whose outcome changed; {@code title} is the title it serves, or "every title" for eligibility. */
    public record Outcome(String title, String change) {}

    /** In Vietnamese, as {@code dvk diff --format html} writes it by default. */
    public static ImpactView of(Impact impact) {
        return of(impact, Words.vietnamese());
    }

    public static ImpactView of(Impact impact, Words words) {
        Map<String, String> names = new HashMap<>();
        for (Impact.TitleChange t : impact.titles()) names.put(t.title(), words.isVietnamese() ? t.nameVi() : t.nameEn());
        OutcomeWords reasons = new OutcomeWords(words, names);
        return new ImpactView(words, words.text("impact.title") + " — " + impact.input(),
                impact.input(), impact.year(), impact.records(), impact.rejected(),
                List.of(side(words.text("impact.base"), impact.base(), words), side(words.text("impact.changed"), impact.changed(), words)),
                impact.titles().stream().map(t -> row(t, reasons)).toList(),
                impact.titleChanges().stream().map(n -> change(n, reasons)).toList(),
                impact.reasonChanges().stream().map(n -> change(n, reasons)).toList());
    }

    private static Side side(String label, Impact.Side side, Words words) {
        String fingerprint = side.fingerprint().length() > FINGERPRINT_SHOWN
                ? side.fingerprint().substring(0, FINGERPRINT_SHOWN) + "…" : side.fingerprint();
        return new Side(label, side.source(), side.name(), words.text("impact.ruleCount", words.number(side.rules())),
                words.years(side.years()), side.whatIf(), fingerprint);
    }

    private static TitleRow row(Impact.TitleChange t, OutcomeWords reasons) {
        Words words = reasons.words();
        return new TitleRow(t.title(), reasons.title(t.title()),
                t.inBase() ? words.number(t.before()) : "—", t.inChanged() ? words.number(t.after()) : "—",
                t.gained() > 0 ? "+" + words.number(t.gained()) : "0", t.gained() > 0,
                t.lost() > 0 ? "−" + words.number(t.lost()) : "0", t.lost() > 0);
    }

    private static Change change(Impact.NominationChange n, OutcomeWords reasons) {
        String score = n.scoreBefore() != null && !n.scoreBefore().equals(n.scoreAfter())
                ? n.scoreBefore() + " → " + n.scoreAfter() : null;
        List<Outcome> outcomes = n.outcomes().stream()
                .map(o -> new Outcome(o.title().equals(CriterionOutcome.EVERY_TITLE)
                        ? reasons.words().text("impact.everyTitle") : reasons.title(o.title()), describe(o, reasons)))
                .toList();
        return new Change(n.id(), n.name(), n.district(), titles(n.gained(), reasons), titles(n.lost(), reasons), score,
                n.titlesRemoved().stream().map(reasons::title).toList(), outcomes);
    }

    private static String titles(List<String> codes, OutcomeWords reasons) {
        return codes.isEmpty() ? null : String.join(", ", codes.stream().map(reasons::title).toList());
    }

    /** {@code Thời gian duy trì: yêu cầu tối thiểu 12 tháng → tối thiểu 18 tháng, thực tế 14 tháng (đạt → không đạt)}. */
    static String describe(Impact.OutcomeChange change, OutcomeWords reasons) {
        Words words = reasons.words();
        String criterion = reasons.criterion(change.criterion());
        CriterionOutcome before = change.before();
        CriterionOutcome after = change.after();
        if (before == null) {
            return words.text("impact.newCriterion", criterion, reasons.required(after), reasons.actual(after), verdict(after, words));
        }
        if (after == null) {
            return words.text("impact.goneCriterion", criterion, reasons.required(before), reasons.actual(before),
                    verdict(before, words));
        }
        return words.text("impact.criterion", criterion, either(reasons.required(before), reasons.required(after)),
                either(reasons.actual(before), reasons.actual(after)), either(verdict(before, words), verdict(after, words)));
    }

    private static String either(String before, String after) {
        return before.equals(after) ? before : before + " → " + after;
    }

    private static String verdict(CriterionOutcome outcome, Words words) {
        return words.text(outcome.passed() ? "impact.passed" : "impact.failed");
    }

    /** The nomination with this id among those whose titles change, then those whose reasons change. */
    public Change change(String id) {
        return Stream.concat(titleChanges.stream(), reasonChanges.stream())
                .filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no change for " + id));
    }

    /** The counts of the title with this code. */
    public TitleRow titleRow(String code) {
        return titles.stream().filter(t -> t.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no title " + code));
    }
}
