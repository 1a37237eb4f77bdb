package dvk.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dvk.store.Actor;
import dvk.store.Council;
import dvk.store.Register;
import dvk.store.Rounds;
import dvk.store.Store;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The API's register and council: {@code /api/v1/register} (search, a model's titles), a version's
 * verdicts (read, and a secretary's verdict on one title), and the round's decision (read, and a
 * secretary's issuing). Refusals as {@code application/problem+json}: 409 when the round is issued
 * already, 422 when an override has no reason.
 */
final class RegisterApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_LIMIT = 1000;

    private final Store store;
    private final CouncilService council;
    private final RoundPages pages;

    RegisterApi(Store store, CouncilService council, RoundPages pages) {
        this.store = store;
        this.council = council;
        this.pages = pages;
    }

    /** {@code ?q=&commune=&district=&year=&title=&page=&limit=}: accents optional. */
    void search(Context ctx) throws IOException {
        int limit = Math.min(MAX_LIMIT, Math.max(1, Ids.numberOr(ctx.queryParam("limit"), 100)));
        Register.Search search = RegisterPages.search(ctx, limit);
        Register.Page page = store.read(tx -> tx.register().search(search));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total", page.total());
        body.put("offset", search.offset());
        body.put("entries", page.entries().stream().map(RegisterApi::entry).toList());
        Api.json(ctx, 200, body);
    }

    /** A model's titles, revoked ones too. */
    void model(Context ctx) throws IOException {
        String code = ctx.pathParam("code");
        List<Register.Entry> entries = store.read(tx -> tx.register().model(code));
        if (entries.isEmpty()) throw Refusal.notFound();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("modelCode", code);
        body.put("name", entries.get(entries.size() - 1).name());
        body.put("titles", entries.stream().map(RegisterApi::entry).toList());
        Api.json(ctx, 200, body);
    }

    static Map<String, Object> entry(Register.Entry e) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("modelCode", e.modelCode());
        entry.put("year", e.year());
        entry.put("level", e.level());
        entry.put("title", e.title());
        entry.put("name", e.name());
        entry.put("type", e.type());
        entry.put("field", e.field());
        entry.put("commune", e.commune());
        entry.put("district", e.district());
        entry.put("city", e.city());
        entry.put("decisionNumber", e.decisionNumber());
        entry.put("decisionDate", e.decisionDate() == null ? null : e.decisionDate().toString());
        entry.put("issuer", e.issuer());
        entry.put("source", e.source().toLowerCase(java.util.Locale.ROOT));
        entry.put("nominationId", e.nominationId());
        entry.put("overridden", e.overridden());
        entry.put("revokedBy", e.revokedNumber());
        return entry;
    }

    /** A version's verdicts: the overrides apart, and each decided nomination's recommended and final titles. */
    void verdicts(Context ctx) throws IOException {
        Rounds.Round round = pages.round(ctx);
        Rounds.Version version = pages.version(ctx, round);
        List<Council.Override> overrides = store.read(tx -> tx.council().overrides(version.id()));
        Map<Integer, List<Council.Override>> byPosition = new LinkedHashMap<>();
        overrides.forEach(o -> byPosition.computeIfAbsent(o.position(), p -> new ArrayList<>()).add(o));
        List<Map<String, Object>> nominations = new ArrayList<>();
        Rounds.Page<Rounds.DecisionRow> rows = store.read(tx -> tx.rounds().decisions(version.id(), Rounds.Filter.all(Integer.MAX_VALUE)));
        Map<Integer, dvk.store.VersionPriors.Stored> priors = store.read(tx -> tx.versionPriors().of(version.id()));
        for (Rounds.DecisionRow row : rows.items()) {
            List<String> finalTitles = new ArrayList<>(row.titles());
            for (Council.Override o : byPosition.getOrDefault(row.position(), List.of())) {
                if (o.verdict() == Council.Verdict.GRANT) finalTitles.add(o.title());
                else finalTitles.remove(o.title());
            }
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("id", row.nominationId());
            n.put("recommended", row.titles());
            n.put("final", finalTitles);
            dvk.store.VersionPriors.Stored p = priors.get(row.position());
            if (p != null) {
                // what the register told the rules: the priors with their source, and the typed claims it does not back
                n.put("modelCode", p.modelCode());
                n.put("registered", p.known());
                n.put("priors", JSON.readTree(p.priorsJson()));
                n.put("flags", RegisterFeed.flags(p).stream().map(f -> RegisterFeed.flagText(f, dvk.report.Words.english())).toList());
            }
            nominations.add(n);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("round", round.id());
        body.put("version", version.number());
        Optional<Council.Issued> issued = store.read(tx -> tx.council().issued(round.id()));
        body.put("issued", issued.map(i -> decision(i.decision())).orElse(null));
        body.put("overrides", overrides.stream().map(RegisterApi::override).toList());
        body.put("nominations", nominations);
        Api.json(ctx, 200, body);
    }

    /** {@code {"nominationId", "title", "verdict": "GRANT" | "WITHHOLD" | "AS_RECOMMENDED", "reason"}}. */
    void verdict(Context ctx) throws IOException {
        Rounds.Round round = pages.round(ctx);
        Rounds.Version version = pages.version(ctx, round);
        JsonNode body = body(ctx);
        String id = body.path("nominationId").asText(null);
        Rounds.DecisionRow row = id == null ? null : store.read(tx -> tx.rounds().decision(version.id(), id)).orElse(null);
        if (row == null) throw new Refusal(404, "not-found", "register.verdict.noNomination", String.valueOf(id));
        council.verdict(round, version, row.position(), body.path("title").asText(null), body.path("verdict").asText(null),
                body.path("reason").asText(null), Actor.of(Requests.signedIn(ctx).user(), ctx.ip()));
        verdicts(ctx);
    }

    /** The round's decisions: the one in force, and every one made (issuing and revoking). */
    void decision(Context ctx) throws IOException {
        Rounds.Round round = pages.round(ctx);
        Optional<Council.Issued> issued = store.read(tx -> tx.council().issued(round.id()));
        List<Council.RoundDecision> all = store.read(tx -> tx.council().decisions(round.id()));
        if (all.isEmpty()) throw new Refusal(404, "not-issued", "register.revoke.notIssued");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("round", round.id());
        body.put("inForce", issued.map(i -> decision(i.decision())).orElse(null));
        body.put("titles", issued.map(i -> store.read(tx -> tx.register().issuedBy(i.decision().id())).stream()
                .map(RegisterApi::entry).toList()).orElse(List.of()));
        body.put("decisions", all.stream().map(RegisterApi::decision).toList());
        Api.json(ctx, 200, body);
    }

    /** {@code {"version", "number", "date": "yyyy-mm-dd", "signer"}}: 201 with the decision, 409 when issued already. */
    void issue(Context ctx) throws IOException {
        Rounds.Round round = pages.round(ctx);
        JsonNode body = body(ctx);
        int number = body.path("version").asInt(round.versions());
        Rounds.Version version = store.read(tx -> tx.rounds().version(round.id(), number)).orElseThrow(Refusal::notFound);
        Council.RoundDecision decision = council.issue(round, version, new CouncilService.IssueRequest(body.path("number").asText(null),
                CouncilPages.date(body.path("date").asText(null)), body.path("signer").asText(null)),
                Actor.of(Requests.signedIn(ctx).user(), ctx.ip()));
        ctx.header("Location", Routes.apiRound(round.id()) + "/decision");
        Api.json(ctx, 201, decision(decision));
    }

    private static JsonNode body(Context ctx) {
        try {
            JsonNode node = JSON.readTree(ctx.bodyInputStream());
            if (node == null || !node.isObject()) throw Refusal.badRequest("register.api.body");
            return node;
        } catch (IOException e) {
            throw Refusal.badRequest("register.api.body");
        }
    }

    private static Map<String, Object> override(Council.Override o) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("nominationId", o.nominationId());
        map.put("title", o.title());
        map.put("verdict", o.verdict().name());
        map.put("reason", o.reason());
        map.put("by", o.decidedBy());
        map.put("at", o.decidedAt().toString());
        return map;
    }

    private static Map<String, Object> decision(Council.RoundDecision d) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("kind", d.kind());
        map.put("number", d.number());
        map.put("date", d.date().toString());
        map.put("signer", d.signer());
        map.put("version", d.versionNumber());
        map.put("titles", d.titles());
        if (d.reason() != null) map.put("reason", d.reason());
        map.put("by", d.madeBy());
        map.put("at", d.madeAt().toString());
        return map;
    }
}
