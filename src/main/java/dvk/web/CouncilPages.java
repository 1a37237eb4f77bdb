package dvk.web;

import dvk.app.RegisterPriors;
import dvk.report.Words;
import dvk.report.papers.Paper;
import dvk.report.papers.Papers;
import dvk.store.Actor;
import dvk.store.Council;
import dvk.store.Role;
import dvk.store.Rounds;
import dvk.store.Store;
import dvk.store.VersionPriors;
import dvk.web.view.CardCouncil;
import dvk.web.view.CouncilView;
import dvk.web.view.Frame;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The council's forms on a round: a verdict on a nomination's title (from its card), issuing the
 * round with the decision's number, date and signer, revoking it; the meeting papers with the
 * council's final list; and the parts of the round's page and the card that show them.
 */
final class CouncilPages {
    private final Store store;
    private final CouncilService council;
    private final Clock clock;

    CouncilPages(Store store, CouncilService council, Clock clock) {
        this.store = store;
        this.council = council;
        this.clock = clock;
    }

    void verdict(Context ctx) {
        Rounds.Round round = round(ctx);
        Rounds.Version version = version(ctx, round);
        int position = (int) Ids.number(ctx.formParam("position"));
        council.verdict(round, version, position, ctx.formParam("title"), ctx.formParam("verdict"), ctx.formParam("reason"),
                actor(ctx));
        ctx.redirect(Routes.card(round.id(), version.number(), position), HttpStatus.SEE_OTHER);
    }

    void issue(Context ctx) {
        Rounds.Round round = round(ctx);
        Rounds.Version version = version(ctx, round);
        council.issue(round, version, request(ctx), actor(ctx));
        ctx.redirect(Routes.version(round.id(), version.number()) + "#council", HttpStatus.SEE_OTHER);
    }

    void revoke(Context ctx) {
        Rounds.Round round = round(ctx);
        Council.RoundDecision revoking = council.revoke(round, request(ctx), ctx.formParam("reason"), actor(ctx));
        ctx.redirect(Routes.version(round.id(), revoking.versionNumber()) + "#council", HttpStatus.SEE_OTHER);
    }

    /** One of the meeting papers, with the council's final list (and, once issued, the decision's number, date and signer). */
    void paper(Context ctx) {
        Rounds.Round round = round(ctx);
        Rounds.Version version = version(ctx, round);
        String name = ctx.pathParam("paper");
        Paper paper = java.util.Arrays.stream(Paper.values()).filter(p -> p.fileName(round.year()).equals(name)).findFirst()
                .orElseThrow(Refusal::notFound);
        Papers papers = council.papers(round, version, Requests.words(ctx));
        RoundPages.attachment(ctx, name);
        ctx.contentType(name.endsWith(".xlsx") ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                : "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        try {
            paper.write(papers, ctx.outputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CouncilService.IssueRequest request(Context ctx) {
        return new CouncilService.IssueRequest(ctx.formParam("number"), date(ctx.formParam("date")), ctx.formParam("signer"));
    }

    /** {@code yyyy-mm-dd} (a date field's value) or {@code dd/mm/yyyy}; null when neither. */
    static LocalDate date(String text) {
        if (text == null || text.isBlank()) return null;
        String t = text.strip();
        try {
            if (t.matches("\\d{1,2}/\\d{1,2}/\\d{4}")) {
                String[] p = t.split("/");
                return LocalDate.of(Integer.parseInt(p[2]), Integer.parseInt(p[1]), Integer.parseInt(p[0]));
            }
            return LocalDate.parse(t);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** The council's part of a version's page. */
    CouncilView view(Context ctx, Rounds.Round round, Rounds.Version version, RoundPages.Titles titles) {
        Optional<Council.Issued> issued = store.read(tx -> tx.council().issued(round.id()));
        List<Council.Override> overrides = store.read(tx -> tx.council().overrides(version.id()));
        List<CouncilView.Override> shown = overrides.stream().map(o -> new CouncilView.Override(
                Routes.card(round.id(), version.number(), o.position()), o.nominationId(), o.name(), o.title(), titles.name(o.title()),
                o.verdict() == Council.Verdict.GRANT, o.reason(), o.decidedBy(), o.decidedAt())).toList();
        Words words = Requests.words(ctx);
        Map<Integer, VersionPriors.Stored> priors = store.read(tx -> tx.versionPriors().of(version.id()));
        List<CouncilView.Flagged> flagged = new ArrayList<>();
        if (!priors.isEmpty()) {
            for (VersionPriors.Stored p : priors.values()) {
                List<String> flags = flags(p, words);
                if (flags.isEmpty()) continue;
                Rounds.DecisionRow row = store.read(tx -> tx.rounds().decision(version.id(), p.position())).orElse(null);
                if (row == null) continue;
                flagged.add(new CouncilView.Flagged(Routes.card(round.id(), version.number(), p.position()), row.nominationId(),
                        row.name(), p.modelCode(), flags));
            }
        }
        List<CouncilView.Decision> history = store.read(tx -> tx.council().decisions(round.id())).stream().map(CouncilPages::decision).toList();
        List<CouncilView.Paper> papers = new ArrayList<>();
        for (Paper p : Paper.values()) {
            papers.add(new CouncilView.Paper(Routes.download(round.id(), version.number(), "papers/" + p.fileName(round.year())),
                    p.fileName(round.year())));
        }
        boolean secretary = Requests.signedIn(ctx).user().has(Role.SECRETARY);
        return new CouncilView(issued.map(i -> decision(i.decision())).orElse(null),
                issued.map(i -> i.versionId() == version.id()).orElse(false), version.number() == round.versions(), secretary,
                Routes.round(round.id()) + "/versions/" + version.number() + "/issue", Routes.round(round.id()) + "/revoke",
                shown, flagged, history, papers, LocalDate.now(clock.withZone(Frame.ZONE)));
    }

    /** The register's and the council's part of a nomination's card. */
    CardCouncil card(Context ctx, Rounds.Round round, Rounds.Version version, Rounds.DecisionRow row, RoundPages.Titles titles) {
        Words words = Requests.words(ctx);
        Optional<VersionPriors.Stored> stored = store.read(tx -> tx.versionPriors().of(version.id(), row.position()));
        List<CardCouncil.Prior> priors = stored.map(s -> RegisterFeed.priors(s).stream().map(p -> new CardCouncil.Prior(p.year(),
                p.level().name(), p.title(), p.source(), p.decisionNumber())).toList()).orElse(List.of());
        List<String> flags = stored.map(s -> flags(s, words)).orElse(List.of());
        Map<String, Council.Override> byTitle = new LinkedHashMap<>();
        store.read(tx -> tx.council().overrides(version.id())).stream().filter(o -> o.position() == row.position())
                .forEach(o -> byTitle.put(o.title(), o));
        List<CardCouncil.TitleVerdict> verdicts = new ArrayList<>();
        for (String code : titles.names().keySet()) {
            if (!titles.appliesTo(code, row.type())) continue;
            Council.Override o = byTitle.get(code);
            verdicts.add(new CardCouncil.TitleVerdict(code, titles.name(code), row.titles().contains(code),
                    o == null ? null : o.verdict().name(), o == null ? null : o.reason(), o == null ? null : o.decidedBy()));
        }
        boolean issued = store.read(tx -> tx.council().roundIssued(round.id()));
        return new CardCouncil(row.position(), stored.map(VersionPriors.Stored::modelCode).orElse(null), stored.map(VersionPriors.Stored::known).orElse(false),
                priors, flags, verdicts, Requests.signedIn(ctx).user().has(Role.SECRETARY), issued,
                Routes.version(round.id(), version.number()) + "/verdicts");
    }

    private static List<String> flags(VersionPriors.Stored stored, Words words) {
        List<String> flags = new ArrayList<>();
        if (!stored.known()) flags.add(words.text("register.flag.unknownCode", stored.modelCode()));
        for (RegisterPriors.Flag f : RegisterFeed.flags(stored)) flags.add(RegisterFeed.flagText(f, words));
        return flags;
    }

    private static CouncilView.Decision decision(Council.RoundDecision d) {
        return new CouncilView.Decision(d.kind(), d.number(), d.date(), d.signer(), d.versionNumber(), d.titles(), d.reason(),
                d.madeBy(), d.madeAt());
    }

    private static Actor actor(Context ctx) {
        return Actor.of(Requests.signedIn(ctx).user(), ctx.ip());
    }

    private Rounds.Round round(Context ctx) {
        long id = Ids.number(ctx.pathParam("round"));
        return store.read(tx -> tx.rounds().round(id)).filter(r -> r.latest() != null).orElseThrow(Refusal::notFound);
    }

    private Rounds.Version version(Context ctx, Rounds.Round round) {
        String param = ctx.pathParamMap().containsKey("version") ? ctx.pathParam("version") : ctx.formParam("version");
        int number = param == null ? round.versions() : (int) Ids.number(param);
        return store.read(tx -> tx.rounds().version(round.id(), number)).orElseThrow(Refusal::notFound);
    }
}
