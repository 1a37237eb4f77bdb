package dvk.report;

import dvk.domain.CriterionOutcome;
import dvk.regression.Impact;
import dvk.report.Words.Label;
import java.util.List;
import java.util.stream.Stream;

/**
 * Everything the impact page of a rules change shows, built once from the impact: the two rule sets,
 * per title the counts before and after with what is gained and lost, and the nominations whose
 * titles or reasons change. The template {@code impact.jte} only places it on the page.
 */
public record ImpactView(Words words, String title, String input, int year, int records, int rejected,
                         List<Side> sides, List<TitleRow> titles, List<Change> titleChanges, List<Change> reasonChanges) {
    /** How much of a fingerprint the page shows: {@code sha256:} and 12 hex digits. */
    private static final int FINGERPRINT_SHOWN = 19;

    /** One rule set: before (base) or after (changed); {@code whatIf} when its years leave out the batch's. */
    public record Side(Label label, String source, String name, int rules, String years, boolean whatIf,
                       String fingerprint) {}

    /**
     * A title's counts under each rule set, written: {@code before} or {@code after} is "—" where that
     * rule set has no such title; {@code gained} "+2" or "0", {@code lost} "−1" or "0".
     */
    public record TitleRow(String code, Label name, String before, String after, String gained, boolean gains,
                           String lost, boolean loses) {}

    /**
     * A nomination whose titles or reasons change: titles gained and lost (null when none), the score
     * before → after (null when the same), the titles the changed rules no longer have, and each
     * criterion whose outcome changed.
     */
    public record Change(String id, String name, String district, String gained, String lost, String score,
                         List<String> titlesRemoved, List<Outcome> outcomes) {}

    /** A criterion whose outcome changed; {@code title} is the title it serves, or "every title" for eligibility. */
    public record Outcome(String title, String change) {}

    public static ImpactView of(Impact impact) {
        return of(impact, Words.bilingual());
    }

    public static ImpactView of(Impact impact, Words words) {
        return new ImpactView(words, words.vi("impact.title") + " · " + words.en("impact.title") + " — " + impact.input(),
                impact.input(), impact.year(), impact.records(), impact.rejected(),
                List.of(side(words.label("impact.base"), impact.base()), side(words.label("impact.changed"), impact.changed())),
                impact.titles().stream().map(ImpactView::row).toList(),
                impact.titleChanges().stream().map(n -> change(n, words)).toList(),
                impact.reasonChanges().stream().map(n -> change(n, words)).toList());
    }

    private static Side side(Label label, Impact.Side side) {
        String fingerprint = side.fingerprint().length() > FINGERPRINT_SHOWN
                ? side.fingerprint().substring(0, FINGERPRINT_SHOWN) + "…" : side.fingerprint();
        return new Side(label, side.source(), side.name(), side.rules(), side.years().toString(), side.whatIf(), fingerprint);
    }

    private static TitleRow row(Impact.TitleChange t) {
        return new TitleRow(t.title(), new Label(t.nameVi(), t.nameEn()),
                t.inBase() ? String.valueOf(t.before()) : "—", t.inChanged() ? String.valueOf(t.after()) : "—",
                t.gained() > 0 ? "+" + t.gained() : "0", t.gained() > 0,
                t.lost() > 0 ? "−" + t.lost() : "0", t.lost() > 0);
    }

    private static Change change(Impact.NominationChange n, Words words) {
        String score = n.scoreBefore() != null && !n.scoreBefore().equals(n.scoreAfter())
                ? n.scoreBefore() + " → " + n.scoreAfter() : null;
        List<Outcome> outcomes = n.outcomes().stream()
                .map(o -> new Outcome(o.title().equals(CriterionOutcome.EVERY_TITLE) ? words.en("impact.everyTitle") : o.title(),
                        o.describe()))
                .toList();
        return new Change(n.id(), n.name(), n.district(), n.gained().isEmpty() ? null : String.join(", ", n.gained()),
                n.lost().isEmpty() ? null : String.join(", ", n.lost()), score, n.titlesRemoved(), outcomes);
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
