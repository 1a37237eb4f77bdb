package dvk.report;

import dvk.domain.Award;
import dvk.domain.CriterionOutcome;
import dvk.domain.Decision;
import dvk.domain.FieldError;
import dvk.domain.Nomination;
import dvk.domain.NominationType;
import dvk.domain.NotAwarded;
import dvk.domain.RejectedRecord;
import dvk.domain.ScorePart;
import dvk.engine.Evaluation;
import dvk.engine.RuleSet;
import dvk.report.Words.Label;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Everything the decisions report shows, built once from an evaluation: the words resolved, the
 * numbers counted and written, the chart laid out. The template {@code report.jte} only places it
 * on the page; tests read the page from here.
 */
public record ReportView(Words words, String title, int year, RuleSetView ruleSet, List<Stat> stats,
                         SummaryView summary, ChartView chart, List<Option> types, List<Column> columns, List<RowView> rows,
                         List<CardView> cards, List<RejectedView> rejected) {

    /** The rule set that decided: name, years, number of rules, where it was read, fingerprint. */
    public record RuleSetView(String name, String years, int rules, String source, String fingerprint) {}

    /** A count in the header; {@code testId} names it for the tests. */
    public record Stat(String testId, long value, Label label) {}

    /** A choice of a filter. */
    public record Option(String value, Label label) {}

    /**
     * A column of the list that sorts on the rows' {@code data-key} attribute: as numbers (from the
     * highest first) or as Vietnamese text; {@code right} aligns it right.
     */
    public record Column(String key, boolean numeric, boolean right, Label label) {}

    public static ReportView of(Evaluation evaluation) {
        return of(evaluation, Words.bilingual());
    }

    public static ReportView of(Evaluation evaluation, Words words) {
        RuleSet rules = evaluation.rules();
        TitleSummary counts = TitleSummary.of(evaluation);
        TitleView.Catalog titles = new TitleView.Catalog(rules, counts.titles(), words);
        SummaryView summary = SummaryView.of(counts, titles.awarded());
        long awards = evaluation.decisions().stream().mapToLong(d -> d.awards().size()).sum();
        List<RowView> rows = new ArrayList<>(evaluation.decisions().size());
        List<CardView> cards = new ArrayList<>(evaluation.decisions().size());
        for (Decision d : evaluation.decisions()) {
            rows.add(row(d, titles, words));
            cards.add(card(d, titles, words));
        }
        return new ReportView(words, words.vi("report.title", evaluation.year()) + " · " + words.en("report.title", evaluation.year()),
                evaluation.year(),
                new RuleSetView(rules.manifest().name(), rules.years().toString(), rules.ruleCount(), rules.source(),
                        rules.fingerprint()),
                List.of(new Stat("count-records", evaluation.records(), words.label("report.records")),
                        new Stat("count-decided", evaluation.decisions().size(), words.label("report.decided")),
                        new Stat("count-rejected", evaluation.rejected().size(), words.label("report.rejected")),
                        new Stat("count-awards", awards, words.label("awards"))),
                summary, ChartView.of(summary),
                Arrays.stream(NominationType.values()).map(t -> new Option(t.name(), words.label("type." + t.name()))).toList(),
                List.of(new Column("id", false, false, words.label("id")),
                        new Column("name", false, false, words.label("list.name")),
                        new Column("type", false, false, words.label("type")),
                        new Column("district", false, false, words.label("list.place")),
                        new Column("score", true, true, words.label("score")),
                        new Column("awards", true, false, words.label("list.titlesAwarded"))),
                List.copyOf(rows), List.copyOf(cards),
                evaluation.rejected().stream().map(ReportView::rejected).toList());
    }

    private static RowView row(Decision d, TitleView.Catalog titles, Words words) {
        Nomination n = d.nomination();
        String score = d.score() == null ? "" : String.valueOf(d.score().total());
        List<RowView.Chip> chips = d.awards().stream().map(a -> titles.of(a.title()))
                .map(t -> new RowView.Chip(t.code(), t.colour(), t.name().vi(), t.code() + " · " + t.name().en()))
                .toList();
        return new RowView(d.index(), text(n.id()), CardView.anchor(text(n.id())), text(n.name()), n.type().name(),
                words.label("type." + n.type().name()), text(n.district()), text(n.commune()), score,
                score.isEmpty() ? "—" : score, d.awards().size(),
                String.join(" ", d.awards().stream().map(Award::title).toList()),
                text(n.id()) + " " + text(n.name()) + " " + text(n.commune()) + " " + text(n.district()), chips);
    }

    private static CardView card(Decision d, TitleView.Catalog titles, Words words) {
        Nomination n = d.nomination();
        String type = n.type().name();
        String typeName = words.vi("type." + type) + (n.kind() == null ? "" : " " + words.vi("kind." + n.kind().name()));
        String since = n.runningSince() == null ? null : n.runningSince().toString();
        String sinceLabel = since == null ? null
                : words.vi(n.type() == NominationType.MODEL ? "card.started" : "card.completed");
        List<CardView.Part> parts = d.score() == null ? List.of() : d.score().parts().stream()
                .map(p -> new CardView.Part(partName(p, words), p.component(), p.points())).toList();
        List<CardView.AwardView> awards = d.awards().stream().map(a -> {
            TitleView t = titles.of(a.title());
            return new CardView.AwardView(a.title(), t.colour(), t.name(), t.level(), text(a.rule()), text(a.cite()));
        }).toList();
        List<CardView.MissedView> missed = d.notAwarded().stream().map(m -> missed(m, titles)).toList();
        return new CardView(text(n.id()), CardView.anchor(text(n.id())), text(n.name()), !d.awards().isEmpty(), typeName,
                words.en("type." + type), n.field() == null ? null : words.vi("field." + n.field().name()),
                text(n.district()), text(n.commune()), text(n.sponsor()), sinceLabel, since,
                d.score() == null ? null : d.score().total(), parts, awards, missed);
    }

    private static String partName(ScorePart part, Words words) {
        return words.find("part." + part.component()).map(Label::vi).orElse(part.component());
    }

    private static CardView.MissedView missed(NotAwarded missed, TitleView.Catalog titles) {
        List<CardView.Failed> failed = new ArrayList<>(missed.failed().size());
        for (CriterionOutcome f : missed.failed()) {
            failed.add(new CardView.Failed(text(f.criterion()), text(f.actual()), text(f.required()), text(f.rule()),
                    text(f.cite())));
        }
        return new CardView.MissedView(missed.title(), titles.of(missed.title()).name(), List.copyOf(failed));
    }

    private static RejectedView rejected(RejectedRecord r) {
        List<RejectedView.Problem> errors = new ArrayList<>(r.errors().size());
        for (FieldError e : r.errors()) {
            errors.add(new RejectedView.Problem(text(e.field()), text(e.message())));
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

    /** The rejected record at this index of the batch. */
    public RejectedView rejectedAt(int index) {
        return rejected.stream().filter(r -> r.index() == index).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no rejected record at " + index));
    }
}
