package dvk.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dvk.app.CouncilList;
import dvk.domain.Decision;
import dvk.domain.Nomination;
import dvk.domain.TitleDefinition;
import dvk.engine.Evaluation;
import dvk.report.Words;
import dvk.report.papers.Awardee;
import dvk.report.papers.Issue;
import dvk.report.papers.Papers;
import dvk.report.papers.TitleAwards;
import dvk.store.Actor;
import dvk.store.Council;
import dvk.store.Register;
import dvk.store.Rounds;
import dvk.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;

/**
 * The council's decision on a round: its verdicts on the rules' recommendations, the round issued
 * under a decision's number (the titles written into the register in the same transaction), and a
 * decision that revokes it. An issued round is read-only: verdicts and new versions are refused
 * until the decision is revoked.
 */
final class CouncilService {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String AS_RECOMMENDED = "AS_RECOMMENDED";

    private final Store store;
    private final RoundService rounds;
    private final Clock clock;
    /** Told how many register rows are written so far while issuing; tests make it fail midway. */
    private final IntConsumer issuing;

    CouncilService(Store store, RoundService rounds, Clock clock) {
        this(store, rounds, clock, written -> {});
    }

    CouncilService(Store store, RoundService rounds, Clock clock, IntConsumer issuing) {
        this.store = store;
        this.rounds = rounds;
        this.clock = clock;
        this.issuing = issuing;
    }

    static Refusal issuedRefusal() {
        return new Refusal(409, "round-issued", "register.round.issued");
    }

    /**
     * Records the council's verdict on one nomination's title: {@code AS_RECOMMENDED} (no override),
     * {@code GRANT} a title the rules did not recommend, {@code WITHHOLD} one they did; an override
     * needs a reason.
     */
    void verdict(Rounds.Round round, Rounds.Version version, int position, String title, String verdict, String reason,
                 Actor actor) {
        Rounds.DecisionRow row = store.read(tx -> tx.rounds().decision(version.id(), position)).orElseThrow(Refusal::notFound);
        Map<String, String> titles = titleCodes(version);
        if (title == null || !titles.containsKey(title)) throw new Refusal(422, "unknown-title", "register.verdict.unknownTitle", String.valueOf(title));
        String appliesTo = titles.get(title);
        if (!appliesTo.isEmpty() && !appliesTo.equals(row.type())) {
            throw new Refusal(422, "title-not-for-type", "register.verdict.notForType", title);
        }
        boolean recommended = row.titles().contains(title);
        Council.Verdict chosen;
        if (AS_RECOMMENDED.equals(verdict)) {
            chosen = null;
        } else if ("GRANT".equals(verdict) || "WITHHOLD".equals(verdict)) {
            chosen = Council.Verdict.valueOf(verdict);
            if (chosen == Council.Verdict.GRANT && recommended) throw new Refusal(422, "already-recommended", "register.verdict.recommended");
            if (chosen == Council.Verdict.WITHHOLD && !recommended) throw new Refusal(422, "not-recommended", "register.verdict.notRecommended");
            if (reason == null || reason.isBlank()) throw new Refusal(422, "reason-required", "register.verdict.reasonRequired");
        } else {
            throw Refusal.badRequest("register.verdict.unknown");
        }
        Instant now = clock.instant();
        store.transaction(tx -> {
            tx.council().lock(round.id());
            if (tx.council().roundIssued(round.id())) throw issuedRefusal();
            String subject = "round:" + round.id();
            Map<String, Object> about = new LinkedHashMap<>();
            about.put("version", version.number());
            about.put("nomination", row.nominationId());
            about.put("title", title);
            if (chosen == null) {
                if (tx.council().asRecommended(version.id(), position, title)) {
                    tx.audit().record(actor, now, "council.verdict", subject, json(about), json(Map.of("verdict", AS_RECOMMENDED)));
                }
            } else {
                tx.council().override(version.id(), position, title, chosen, reason, actor.userId(), now);
                Map<String, Object> after = new LinkedHashMap<>(about);
                after.put("verdict", chosen.name());
                after.put("reason", reason.strip());
                tx.audit().record(actor, now, "council.verdict", subject, null, json(after));
            }
            return null;
        });
    }

    /** What issuing asks for. */
    record IssueRequest(String number, LocalDate date, String signer) {}

    /**
     * Issues the round on its newest version: the decision and every title of the council's final
     * list go into the register in one transaction. Two secretaries at once: one decision, the
     * other refused with its number.
     */
    Council.RoundDecision issue(Rounds.Round round, Rounds.Version version, IssueRequest request, Actor actor) {
        validate(request.number(), request.date(), request.signer());
        if (version.number() != round.versions()) throw new Refusal(409, "not-latest", "register.issue.notLatest");
        Optional<Council.Issued> already = store.read(tx -> tx.council().issued(round.id()));
        if (already.isPresent()) throw alreadyIssued(already.get());
        List<Council.Override> overrides = store.read(tx -> tx.council().overrides(version.id()));
        Evaluation evaluation = CouncilList.apply(rounds.evaluation(version), changes(overrides));
        Papers papers = Papers.issued(evaluation, Words.vietnamese(),
                new Issue(request.number().strip(), request.date(), request.signer().strip(), List.of()));
        Map<Integer, Decision> byPosition = new HashMap<>();
        Map<String, Decision> byId = new HashMap<>();
        for (Decision d : evaluation.decisions()) {
            byPosition.put(d.index(), d);
            byId.putIfAbsent(d.nomination().id(), d);
        }
        Map<String, Council.Override> granted = new HashMap<>();
        overrides.forEach(o -> granted.put(o.nominationId() + "|" + o.title(), o));
        Instant now = clock.instant();
        try {
            return store.transaction(tx -> {
                tx.council().lock(round.id());
                Optional<Council.Issued> issued = tx.council().issued(round.id());
                if (issued.isPresent()) throw alreadyIssued(issued.get());
                int titles = papers.awardedTitles().stream().mapToInt(t -> t.awardees().size()).sum();
                Council.RoundDecision decision = tx.council().issue(round.id(), version.id(), request.number(), request.date(),
                        request.signer(), titles, actor.userId(), now);
                Register register = tx.register();
                Map<String, String> codes = new HashMap<>();
                List<Register.NewEntry> entries = new ArrayList<>();
                for (TitleAwards title : papers.awardedTitles()) {
                    TitleDefinition definition = title.title();
                    for (Awardee a : title.awardees()) {
                        Nomination n = byId.get(a.id()).nomination();
                        String code = codes.computeIfAbsent(a.id(), id -> modelCode(register, n, now));
                        entries.add(new Register.NewEntry(code, evaluation.year(), definition.level().name(), definition.code(),
                                n.name(), n.type().name(), n.field().name(), n.commune(), n.district(), n.city(), decision.number(),
                                decision.date(), title.body().name(), "ISSUED", decision.id(), n.id(),
                                granted.containsKey(a.id() + "|" + definition.code())));
                    }
                }
                // written in two halves, so that a failure between them (a test's, or the process killed) is seen to leave nothing
                int half = entries.size() / 2;
                register.add(entries.subList(0, half), now);
                issuing.accept(half);
                register.add(entries.subList(half, entries.size()), now);
                issuing.accept(entries.size());
                Map<String, Object> after = new LinkedHashMap<>();
                after.put("decision", decision.number());
                after.put("date", decision.date().toString());
                after.put("signer", decision.signer());
                after.put("version", version.number());
                after.put("titles", entries.size());
                after.put("overrides", overrides.size());
                tx.audit().record(actor, now, "round.issue", "round:" + round.id(), null, json(after));
                return decision;
            });
        } catch (Refusal refusal) {
            throw refusal;
        } catch (RuntimeException e) {
            // the other secretary's transaction won the round's lock or its row in issued_rounds first
            Optional<Council.Issued> issued = store.read(tx -> tx.council().issued(round.id()));
            if (issued.isPresent()) throw alreadyIssued(issued.get());
            throw e;
        }
    }

    /** The nomination's code in the register: the one it carries (registered when new), or a new one at its first title. */
    private static String modelCode(Register register, Nomination n, Instant now) {
        String carried = n.modelCode() == null ? null : n.modelCode().strip();
        if (carried != null && !carried.isEmpty()) {
            register.knownModel(carried, n.type().name(), n.name(), n.commune(), n.district(), n.city(), now);
            return carried;
        }
        return register.newModel(n.type().name(), n.name(), n.commune(), n.district(), n.city(), now);
    }

    /** Revokes the decision in force by a decision of its own number; its titles stay in the register, marked revoked. */
    Council.RoundDecision revoke(Rounds.Round round, IssueRequest request, String reason, Actor actor) {
        validate(request.number(), request.date(), request.signer());
        if (reason == null || reason.isBlank()) throw new Refusal(422, "reason-required", "register.revoke.reasonRequired");
        Instant now = clock.instant();
        return store.transaction(tx -> {
            tx.council().lock(round.id());
            Council.Issued issued = tx.council().issued(round.id()).orElseThrow(() -> new Refusal(409, "not-issued", "register.revoke.notIssued"));
            Council.RoundDecision revoking = tx.council().revoke(issued, request.number(), request.date(), request.signer(), reason,
                    actor.userId(), now);
            int revoked = tx.register().revoke(issued.decision().id(), revoking.id(), revoking.number());
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("decision", revoking.number());
            after.put("revokes", issued.decision().number());
            after.put("reason", reason.strip());
            after.put("titles", revoked);
            tx.audit().record(actor, now, "round.revoke", "round:" + round.id(), json(Map.of("decision", issued.decision().number())),
                    json(after));
            return revoking;
        });
    }

    /** The meeting papers with the council's final list; the number, date and signer filled once the round is issued on {@code version}. */
    Papers papers(Rounds.Round round, Rounds.Version version, Words words) {
        List<Council.Override> overrides = store.read(tx -> tx.council().overrides(version.id()));
        Optional<Council.Issued> issued = store.read(tx -> tx.council().issued(round.id())).filter(i -> i.versionId() == version.id());
        Evaluation evaluation = CouncilList.apply(rounds.evaluation(version), changes(overrides));
        if (issued.isEmpty() && overrides.isEmpty()) return Papers.of(evaluation, words);
        List<Issue.Change> listed = overrides.stream().map(o -> new Issue.Change(o.nominationId(), o.name(), o.title(),
                evaluation.rules().title(o.title()).map(t -> words.isVietnamese() ? t.nameVi() : t.nameEn()).orElse(o.title()),
                o.verdict() == Council.Verdict.GRANT, o.reason())).toList();
        Council.RoundDecision d = issued.map(Council.Issued::decision).orElse(null);
        return d == null ? Papers.of(evaluation, words).withChanges(listed)
                : Papers.issued(evaluation, words, new Issue(d.number(), d.date(), d.signer(), listed));
    }

    static List<CouncilList.Change> changes(List<Council.Override> overrides) {
        return overrides.stream().map(o -> new CouncilList.Change(o.position(), o.title(), o.verdict() == Council.Verdict.GRANT,
                o.reason())).toList();
    }

    /** The titles of the version's rule set, each with the type of nomination it is for (empty: any). */
    private Map<String, String> titleCodes(Rounds.Version version) {
        String titles = store.read(tx -> tx.ruleSets().find(version.ruleSet())).orElseThrow().titlesJson();
        Map<String, String> codes = new LinkedHashMap<>();
        RoundPages.read(titles).forEach(t -> codes.put(t.path("code").asText(), t.path("appliesTo").asText("")));
        return codes;
    }

    private static Refusal alreadyIssued(Council.Issued issued) {
        return new Refusal(409, "already-issued", "register.issue.already", issued.decision().number(), issued.decision().madeBy());
    }

    private static void validate(String number, LocalDate date, String signer) {
        if (number == null || number.isBlank() || number.strip().length() > 100) throw new Refusal(422, "number-required", "register.issue.numberRule");
        if (date == null) throw new Refusal(422, "date-required", "register.issue.dateRule");
        if (signer == null || signer.isBlank() || signer.strip().length() > 200) throw new Refusal(422, "signer-required", "register.issue.signerRule");
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
