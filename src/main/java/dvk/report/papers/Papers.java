package dvk.report.papers;

import dvk.domain.Award;
import dvk.domain.Decision;
import dvk.domain.Level;
import dvk.domain.NominationType;
import dvk.domain.TitleDefinition;
import dvk.engine.Evaluation;
import dvk.engine.RuleSet;
import dvk.report.Words;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What the meeting papers say, built once from an evaluation in one language: the awardees of each
 * title from each issuing body, one draft decision per issuing body (district bodies first), and
 * the proposal's figures. The documents only lay it out.
 *
 * @param council where the batch comes from, whose emulation council proposes: the district when
 *                every decided nomination is of one, else the city when they are of one, else unknown
 * @param titles every title the rules award, with its holders (none for a title nobody holds)
 */
public record Papers(int year, Words words, String rules, String fingerprint, Place council,
                     int records, int decided, int rejected, long models, long works, long awarded,
                     List<TitleAwards> titles, List<DecisionDraft> decisions, Issue issue) {

    public Papers {
        titles = List.copyOf(titles);
        decisions = List.copyOf(decisions);
    }

    public static Papers of(Evaluation evaluation, Words words) {
        RuleSet rules = evaluation.rules();
        List<Decision> decisions = evaluation.decisions();
        List<TitleAwards> titles = new ArrayList<>();
        for (TitleDefinition title : rules.awardedTitles()) {
            Map<IssuingBody, List<Awardee>> byBody = new LinkedHashMap<>();
            for (Decision decision : decisions) {
                for (Award award : decision.awards()) {
                    if (!award.title().equals(title.code())) continue;
                    IssuingBody body = new IssuingBody(title.issuer(), place(title.level(), decision));
                    byBody.computeIfAbsent(body, b -> new ArrayList<>()).add(Awardee.of(decision, award));
                }
            }
            if (byBody.isEmpty()) {
                titles.add(new TitleAwards(title, new IssuingBody(title.issuer(), Place.unknown(title.level())), List.of()));
            }
            byBody.forEach((body, awardees) -> titles.add(new TitleAwards(title, body, awardees)));
        }
        String fingerprint = shortFingerprint(rules.fingerprint());
        Place council = council(decisions);
        long awarded = decisions.stream().filter(d -> !d.awards().isEmpty()).count();
        long models = decisions.stream().filter(d -> d.nomination().type() == NominationType.MODEL).count();
        return new Papers(evaluation.year(), words, rules.source(), fingerprint, council, evaluation.records(),
                decisions.size(), evaluation.rejected().size(), models, decisions.size() - models, awarded,
                titles, drafts(titles, words, String.valueOf(evaluation.year()), rules.source(), fingerprint), null);
    }

    /**
     * The papers of an issued round: {@code evaluation} holds the council's final list (its
     * overrides applied), {@code issue} the decision's number, date and signer, filled in.
     */
    public static Papers issued(Evaluation evaluation, Words words, Issue issue) {
        Papers p = of(evaluation, words);
        return new Papers(p.year, p.words, p.rules, p.fingerprint, p.council, p.records, p.decided, p.rejected, p.models, p.works,
                p.awarded, p.titles, p.decisions, issue);
    }

    /** The same papers with the council's overrides listed apart (a round not issued yet: the number stays blank). */
    public Papers withChanges(List<Issue.Change> changes) {
        return new Papers(year, words, rules, fingerprint, council, records, decided, rejected, models, works, awarded, titles,
                decisions, new Issue(issue == null ? null : issue.number(), issue == null ? null : issue.date(),
                        issue == null ? null : issue.signer(), changes));
    }

    /** Whether the decision is issued: its number, date and signer are filled in. */
    public boolean isIssued() {
        return issue != null && issue.number() != null;
    }

    /** The council's overrides of the rules, listed apart. */
    public List<Issue.Change> changes() {
        return issue == null ? List.of() : issue.changes();
    }

    /** {@code Số: 123/QĐ-UBND} once issued; the blank to fill before. */
    String number(IssuingBody body) {
        if (!isIssued()) return body.number(words);
        return words.text(body.party() ? "papers.number.party" : "papers.number", " " + issue.number());
    }

    /** The number in a reference to the decision (the annex, the list). */
    String numberInReference(IssuingBody body) {
        return !isIssued() ? body.numberToFill() : " " + issue.number();
    }

    /** {@code Gia Lâm, ngày 15 tháng 12 năm 2024} once issued. */
    String dated(Place place) {
        if (!isIssued() || !place.known()) return place.dated(words);
        return words.text("register.papers.dated", place.name(), issue.date().getDayOfMonth(), issue.date().getMonthValue(),
                String.valueOf(issue.date().getYear()));
    }

    /** The titles someone holds. */
    public List<TitleAwards> awardedTitles() {
        return titles.stream().filter(t -> !t.awardees().isEmpty()).toList();
    }

    /** The bodies the proposal goes to: those that issue a title someone holds, each once. */
    public List<IssuingBody> addressees() {
        Set<IssuingBody> bodies = new LinkedHashSet<>();
        decisions.forEach(d -> bodies.add(d.body()));
        return List.copyOf(bodies);
    }

    /** {@code Thường trực Hội đồng Thi đua - Khen thưởng huyện Gia Lâm}. */
    public String standingBody() {
        return words.text("papers.council.standing", council.describe(words));
    }

    /** {@code Hội đồng Thi đua - Khen thưởng huyện Gia Lâm}. */
    public String councilName() {
        return words.text("papers.council", council.describe(words));
    }

    /** The State body above the council, at the top left of the proposal: {@code UBND huyện Gia Lâm}. */
    public String committee() {
        return words.text("papers.committee", council.describe(words));
    }

    /** The words of {@code key} with the year as {@code {0}}, written as a year is (no grouping of digits). */
    String withYear(String key) {
        return words.text(key, String.valueOf(year));
    }

    /** The summary of a document about these titles: {@code Về việc khen thưởng mô hình "Dân vận khéo" năm 2024}. */
    String subject(String key, List<TitleAwards> about) {
        boolean models = about.stream().anyMatch(TitleAwards::scored);
        boolean works = about.stream().anyMatch(t -> !t.scored());
        String what = models == works ? "both" : models ? "MODEL" : "WORK";
        return words.text(key, String.valueOf(year), words.text("papers.subject." + what));
    }

    /** One decision per issuing body, the district's before the city's, then in the order of the titles. */
    private static List<DecisionDraft> drafts(List<TitleAwards> titles, Words words, Object... criteria) {
        Map<IssuingBody, List<TitleAwards>> byBody = new LinkedHashMap<>();
        titles.stream().filter(t -> !t.awardees().isEmpty())
                .sorted(Comparator.comparing(t -> t.body().level())) // stable: the titles' order within a level
                .forEach(t -> byBody.computeIfAbsent(t.body(), b -> new ArrayList<>()).add(t));
        List<DecisionDraft> drafts = new ArrayList<>();
        byBody.forEach((body, held) -> {
            List<String> cites = held.stream().flatMap(t -> t.awardees().stream().map(Awardee::cite)).distinct().toList();
            drafts.add(new DecisionDraft(body, held, LegalBases.of(cites, words, criteria)));
        });
        return drafts;
    }

    private static Place place(Level level, Decision decision) {
        return new Place(level, switch (level) {
            case COMMUNE -> decision.nomination().commune();
            case DISTRICT -> decision.nomination().district();
            case CITY -> decision.nomination().city();
        });
    }

    private static Place council(List<Decision> decisions) {
        Place district = common(decisions, d -> new Place(Level.DISTRICT, d.nomination().district()));
        if (district != null) return district;
        Place city = common(decisions, d -> new Place(Level.CITY, d.nomination().city()));
        return city != null ? city : Place.unknown(Level.DISTRICT);
    }

    /** The place every decision shares, or null. */
    private static Place common(List<Decision> decisions, Function<Decision, Place> place) {
        Set<Place> places = new LinkedHashSet<>();
        decisions.forEach(d -> places.add(place.apply(d)));
        return places.size() == 1 && places.iterator().next().known() ? places.iterator().next() : null;
    }

    /** {@code sha256:25f3b5a800d8}: enough to tell rule sets apart on paper. */
    private static String shortFingerprint(String fingerprint) {
        int colon = fingerprint.indexOf(':');
        return fingerprint.length() > colon + 13 ? fingerprint.substring(0, colon + 13) : fingerprint;
    }
}
