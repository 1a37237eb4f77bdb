package dvk.report;

import dvk.domain.Award;
import dvk.domain.CriterionOutcome;
import dvk.domain.Decision;
import dvk.domain.FieldError;
import dvk.domain.Nomination;
import dvk.domain.ProvisionalQuota;
import dvk.domain.Warning;
import dvk.domain.NominationType;
import dvk.domain.NotAwarded;
import dvk.domain.RejectedRecord;
import dvk.domain.ScorePart;
import dvk.domain.TitleDefinition;
import dvk.engine.Evaluation;
import dvk.engine.RuleSet;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything the decisions report shows, built once from an evaluation in one language: the words
 * resolved, the numbers counted and written, the chart laid out, the per-title tables of the meeting
 * (awardees, then near misses with their one failed criterion), and the cards asked for. The template
 * {@code report.jte} only places it on the page; tests read the page from here.
 */
public record ReportView(Words words, String title, int year, RuleSetView ruleSet, List<Stat> stats,
                         List<Notice> notices, SummaryView summary, ChartView chart, List<TitleTableView> titles,
                         List<Option> types, List<Column> columns, List<RowView> rows, Cards cardsShown,
                         List<CardView> cards, List<RejectedView> rejected) {

    /** The rule set that decided: name, years, number of rules, where it was read, fingerprint; {@code facts} in words. */
    public record RuleSetView(String name, String years, int rules, String source, String fingerprint, String facts) {}

    /** A count in the header, {@code shown} as the language writes it; {@code testId} names it for the tests. */
    public record Stat(String testId, long value, String shown, String label) {}

    /**
     * Something the committee should look at before relying on the decisions, shown in a banner above
     * the summary: a provisional quota (a district whose ranking a rejected record could change;
     * {@code kind} {@code provisional}, {@code ids} the rejected records) or a warning of reading the
     * batch (two spellings of a district merged; {@code kind} the warning's, {@code ids} at most
     * {@link #IDS_SHOWN} of the records concerned).
     */
    public record Notice(String kind, String message, List<String> ids) {}

    /** The records a notice names at most; its message gives the counts. */
    static final int IDS_SHOWN = 10;

    /** A choice of a filter. */
    public record Option(String value, String label) {}

    /**
     * A column of the list that sorts on the rows' {@code data-key} attribute: as numbers (from the
     * highest first) or as Vietnamese text; {@code right} aligns it right.
     */
    public record Column(String key, boolean numeric, boolean right, String label) {}

    /** In Vietnamese, without cards: what {@code dvk evaluate --format html} writes by default. */
    public static ReportView of(Evaluation evaluation) {
        return of(evaluation, Words.vietnamese(), Cards.NONE);
    }

    public static ReportView of(Evaluation evaluation, Words words, Cards cardsShown) {
        RuleSet rules = evaluation.rules();
        OutcomeWords reasons = OutcomeWords.of(words, rules);
        TitleSummary counts = TitleSummary.of(evaluation);
        TitleView.Catalog titles = new TitleView.Catalog(rules, counts.titles(), words);
        SummaryView summary = SummaryView.of(counts, titles.awarded());
        long awards = evaluation.decisions().stream().mapToLong(d -> d.awards().size()).sum();
        List<RowView> rows = new ArrayList<>(evaluation.decisions().size());
        List<CardView> cards = new ArrayList<>();
        for (Decision d : evaluation.decisions()) {
            boolean card = cardsShown.shows(d);
            rows.add(row(d, card, titles, words));
            if (card) cards.add(card(d, titles, reasons));
        }
        return new ReportView(words, words.text("report.title", evaluation.year()), evaluation.year(),
                new RuleSetView(rules.manifest().name(), rules.years().toString(), rules.ruleCount(), rules.source(),
                        rules.fingerprint(), words.text("report.ruleSetFacts", words.years(rules.years()), words.number(rules.ruleCount()))),
                List.of(stat("count-records", evaluation.records(), "report.records", words),
                        stat("count-decided", evaluation.decisions().size(), "report.decided", words),
                        stat("count-rejected", evaluation.rejected().size(), "report.rejected", words),
                        stat("count-awards", awards, "awards", words)),
                notices(evaluation, titles, words),
                summary, ChartView.of(summary, words),
                titleTables(evaluation, titles, reasons, cardsShown),
                Arrays.stream(NominationType.values()).map(t -> new Option(t.name(), words.text("type." + t.name()))).toList(),
                List.of(new Column("id", false, false, words.text("id")),
                        new Column("name", false, false, words.text("list.name")),
                        new Column("type", false, false, words.text("type")),
                        new Column("district", false, false, words.text("list.place")),
                        new Column("score", true, true, words.text("score")),
                        new Column("awards", true, false, words.text("list.titlesAwarded"))),
                List.copyOf(rows), cardsShown, List.copyOf(cards),
                evaluation.rejected().stream().map(r -> rejected(r, words)).toList());
    }

    /** Provisional quotas first (they qualify decisions), then the warnings of reading the batch. */
    private static List<Notice> notices(Evaluation evaluation, TitleView.Catalog titles, Words words) {
        List<Notice> notices = new ArrayList<>();
        for (ProvisionalQuota quota : evaluation.provisional()) {
            notices.add(new Notice("provisional", words.text("notices.provisional", quota.district(),
                    titles.of(quota.title()).name()), shown(quota.rejected())));
        }
        for (Warning warning : evaluation.warnings()) {
            notices.add(new Notice(warning.kind(), capitalised(InputText.of(warning.message(), words)), shown(warning.ids())));
        }
        return List.copyOf(notices);
    }

    /** A sentence of the banner: reading words its warnings to follow "warning:", in lower case. */
    private static String capitalised(String text) {
        if (text.isEmpty()) return text;
        int first = text.codePointAt(0);
        return new StringBuilder().appendCodePoint(Character.toUpperCase(first)).append(text, Character.charCount(first),
                text.length()).toString();
    }

    private static List<String> shown(List<String> ids) {
        if (ids.size() <= IDS_SHOWN) return ids;
        List<String> shown = new ArrayList<>(ids.subList(0, IDS_SHOWN));
        shown.add("…");
        return List.copyOf(shown);
    }

    private static Stat stat(String testId, long value, String label, Words words) {
        return new Stat(testId, value, words.number(value), words.text(label));
    }

    /**
     * Per title some rule awards: its awardees and its near misses, each list by district, then score
     * from the highest, then input order.
     */
    private static List<TitleTableView> titleTables(Evaluation evaluation, TitleView.Catalog titles, OutcomeWords reasons,
                                                    Cards cardsShown) {
        Collator vietnamese = Collator.getInstance(Locale.forLanguageTag("vi"));
        Comparator<Decision> order = Comparator.<Decision, String>comparing(d -> text(d.nomination().district()), vietnamese)
                .thenComparing(d -> text(d.nomination().district()))
                .thenComparing(d -> d.score() == null ? Integer.MIN_VALUE : d.score().total(), Comparator.reverseOrder())
                .thenComparingInt(Decision::index);
        List<Decision> decisions = new ArrayList<>(evaluation.decisions());
        decisions.sort(order);
        Map<String, List<TitleTableView.Entry>> awardees = new LinkedHashMap<>();
        Map<String, List<TitleTableView.NearMiss>> nearMisses = new LinkedHashMap<>();
        for (TitleDefinition t : evaluation.rules().awardedTitles()) {
            awardees.put(t.code(), new ArrayList<>());
            nearMisses.put(t.code(), new ArrayList<>());
        }
        for (Decision d : decisions) {
            boolean card = cardsShown.shows(d);
            for (Award a : d.awards()) {
                List<TitleTableView.Entry> held = awardees.get(a.title());
                if (held != null) held.add(entry(held.size() + 1, d, card, provisional(evaluation, d, a.title())));
            }
            for (NotAwarded m : d.notAwarded()) {
                List<TitleTableView.NearMiss> near = nearMisses.get(m.title());
                if (near == null || m.failed().size() != 1) continue;
                CriterionOutcome failed = m.failed().get(0);
                near.add(new TitleTableView.NearMiss(entry(near.size() + 1, d, card, provisional(evaluation, d, m.title())),
                        failed.criterion(),
                        reasons.criterion(failed.criterion()), reasons.actual(failed), reasons.required(failed)));
            }
        }
        List<TitleTableView> tables = new ArrayList<>(awardees.size());
        for (TitleDefinition d : evaluation.rules().awardedTitles()) {
            TitleView t = titles.of(d.code());
            tables.add(new TitleTableView(t.code(), t.name(), t.level(), t.colour(), d.appliesTo() == NominationType.MODEL,
                    List.copyOf(awardees.get(t.code())), List.copyOf(nearMisses.get(t.code()))));
        }
        return List.copyOf(tables);
    }

    /** Whether the decision on this title stands only once a rejected record of its district is fixed or withdrawn. */
    private static boolean provisional(Evaluation evaluation, Decision d, String title) {
        return evaluation.provisional(d).map(p -> p.title().equals(title)).orElse(false);
    }

    private static TitleTableView.Entry entry(int number, Decision d, boolean card, boolean provisional) {
        Nomination n = d.nomination();
        return new TitleTableView.Entry(number, text(n.id()), card ? CardView.anchor(text(n.id())) : null, text(n.name()),
                text(n.district()), text(n.commune()), d.score() == null ? "" : String.valueOf(d.score().total()), provisional);
    }

    private static RowView row(Decision d, boolean card, TitleView.Catalog titles, Words words) {
        Nomination n = d.nomination();
        String score = d.score() == null ? "" : String.valueOf(d.score().total());
        List<RowView.Chip> chips = d.awards().stream().map(a -> titles.of(a.title()))
                .map(t -> new RowView.Chip(t.code(), t.colour(), t.name()))
                .toList();
        return new RowView(d.index(), text(n.id()), card ? CardView.anchor(text(n.id())) : null, text(n.name()),
                n.type().name(), words.text("type." + n.type().name()), text(n.district()), text(n.commune()), score,
                score.isEmpty() ? "—" : score, d.awards().size(),
                String.join(" ", d.awards().stream().map(Award::title).toList()),
                text(n.id()) + " " + text(n.name()) + " " + text(n.commune()) + " " + text(n.district()), chips);
    }

    /** One nomination's card, as the report draws it: for a page that shows one card (the workspace's). */
    public static CardView card(Evaluation evaluation, Decision d, Words words) {
        RuleSet rules = evaluation.rules();
        return card(d, new TitleView.Catalog(rules, TitleSummary.of(evaluation).titles(), words), OutcomeWords.of(words, rules));
    }

    private static CardView card(Decision d, TitleView.Catalog titles, OutcomeWords reasons) {
        Words words = reasons.words();
        Nomination n = d.nomination();
        String type = n.type().name();
        String typeName = words.text("type." + type) + (n.kind() == null ? "" : " " + words.text("kind." + n.kind().name()));
        String since = n.runningSince() == null ? null : words.date(n.runningSince());
        String sinceLabel = since == null ? null
                : words.text(n.type() == NominationType.MODEL ? "card.started" : "card.completed");
        List<CardView.Part> parts = d.score() == null ? List.of() : d.score().parts().stream()
                .map(p -> new CardView.Part(partName(p, words), p.component(), p.points())).toList();
        List<CardView.AwardView> awards = d.awards().stream().map(a -> {
            TitleView t = titles.of(a.title());
            return new CardView.AwardView(a.title(), t.colour(), t.name(), t.level(), text(a.rule()), text(a.cite()));
        }).toList();
        // eligibility binds every title: listed once, not under each title it costs
        List<CardView.Failed> ineligible = new ArrayList<>();
        for (CriterionOutcome o : d.outcomes()) {
            if (!o.passed() && o.title().equals(CriterionOutcome.EVERY_TITLE)) ineligible.add(failed(o, reasons));
        }
        List<CardView.MissedView> missed = new ArrayList<>(d.notAwarded().size());
        for (NotAwarded m : d.notAwarded()) {
            List<CardView.Failed> failed = new ArrayList<>(m.failed().size());
            for (CriterionOutcome o : m.failed()) {
                if (!o.title().equals(CriterionOutcome.EVERY_TITLE)) failed.add(failed(o, reasons));
            }
            missed.add(new CardView.MissedView(m.title(), titles.of(m.title()).name(), List.copyOf(failed)));
        }
        return new CardView(text(n.id()), CardView.anchor(text(n.id())), text(n.name()), !d.awards().isEmpty(), typeName,
                n.field() == null ? null : words.text("field." + n.field().name()),
                text(n.district()), text(n.commune()), text(n.sponsor()), sinceLabel, since,
                d.score() == null ? null : d.score().total(), parts, awards, List.copyOf(ineligible), List.copyOf(missed));
    }

    private static CardView.Failed failed(CriterionOutcome o, OutcomeWords reasons) {
        return new CardView.Failed(text(o.criterion()), reasons.criterion(text(o.criterion())), reasons.actual(o),
                reasons.required(o), text(o.rule()), text(o.cite()));
    }

    private static String partName(ScorePart part, Words words) {
        return words.textOr("part." + part.component(), part.component());
    }

    private static RejectedView rejected(RejectedRecord r, Words words) {
        List<RejectedView.Problem> errors = new ArrayList<>(r.errors().size());
        for (FieldError e : r.errors()) {
            errors.add(new RejectedView.Problem(text(e.field()), text(InputText.message(e, words))));
        }
        return new RejectedView(r.index(), r.id(), List.copyOf(errors));
    }

    /** Text from the input as the page shows it: a missing value as nothing. */
    private static String text(String value) {
        return value == null ? "" : value;
    }

    /** The number of nominations decided: the rows of the list. */
    public int decided() {
        return rows.size();
    }

    public Stat stat(String testId) {
        return stats.stream().filter(s -> s.testId().equals(testId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no count " + testId));
    }

    /** The card of the nomination with this id. */
    public CardView card(String id) {
        return cards.stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no card for " + id));
    }

    /** The row of the nomination with this id in the list. */
    public RowView row(String id) {
        return rows.stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no row for " + id));
    }

    /** The per-title table of the title with this code. */
    public TitleTableView titleTable(String code) {
        return titles.stream().filter(t -> t.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no table for " + code));
    }

    /** The rejected record at this index of the batch. */
    public RejectedView rejectedAt(int index) {
        return rejected.stream().filter(r -> r.index() == index).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no rejected record at " + index));
    }
}
