package dvk.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dvk.app.DecisionFormat;
import dvk.app.EvaluationObserver;
import dvk.app.EvaluationRequest;
import dvk.app.EvaluationResult;
import dvk.app.Evaluations;
import dvk.app.Outcome;
import dvk.app.RuleSetDescriptions;
import dvk.engine.RuleBuildMode;
import dvk.engine.RuleCatalog;
import dvk.engine.RuleProblem;
import dvk.report.CatalogJsonWriter;
import dvk.store.Actor;
import dvk.store.Rounds;
import dvk.store.Store;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The HTTP API for the province's other systems, {@code /api/v1}: JSON in the data contract's
 * shapes, errors as {@code application/problem+json}, described by {@code /api/v1/openapi.json}.
 * A request is signed in with an API token ({@code Authorization: Bearer dvk_…}) and may do what
 * the token's owner may.
 */
final class Api {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Store store;
    private final RoundService rounds;
    private final RoundPages pages;
    private final RulesInForce rules;
    private final Duration ruleTimeout;
    private final long maxUploadBytes;
    private volatile byte[] catalog;

    Api(Store store, RoundService rounds, RoundPages pages, RulesInForce rules, Duration ruleTimeout, long maxUploadBytes) {
        this.store = store;
        this.rounds = rounds;
        this.pages = pages;
        this.rules = rules;
        this.ruleTimeout = ruleTimeout;
        this.maxUploadBytes = maxUploadBytes;
    }

    /**
     * Evaluates a batch sent as the body (JSON, CSV or XLSX: by {@code ?format=}, else by the
     * content type) with the rule set in force for its year, and answers the decisions as
     * {@code dvk evaluate} prints them, messages in Vietnamese ({@code ?lang=en}: English). Nothing
     * is stored.
     */
    void evaluate(Context ctx) {
        String extension = "." + format(ctx);
        try (InputStream body = ctx.bodyInputStream()) {
            RoundPages.withTemporaryCopy(body, extension, maxUploadBytes, file -> {
                ByteArrayOutputStream decisions = new ByteArrayOutputStream(1 << 16);
                EvaluationRequest request = new EvaluationRequest(file, rules.library(), DecisionFormat.JSON, 0,
                        ruleTimeout, RuleBuildMode.AUTO, dvk.report.Words.of(ctx.queryParam("lang")));
                Outcome<EvaluationResult> outcome = rounds.gated(() -> new Evaluations().evaluate(request,
                        content -> content.writeTo(decisions), EvaluationObserver.NONE));
                if (outcome instanceof Outcome.Done<EvaluationResult> done) {
                    ctx.header("X-Dvk-Rejected", String.valueOf(done.value().tally().rejected()));
                    ctx.contentType("application/json");
                    ctx.result(decisions.toByteArray());
                    return null;
                }
                throw refusal(outcome);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String format(Context ctx) {
        String format = ctx.queryParam("format");
        if (format == null) {
            String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
            if (type.startsWith("application/json")) format = "json";
            else if (type.startsWith("text/csv")) format = "csv";
            else if (type.startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")) format = "xlsx";
        }
        if (format == null || !List.of("json", "csv", "xlsx").contains(format.toLowerCase(Locale.ROOT))) {
            throw new Refusal(415, "unsupported-format", "web.api.format");
        }
        return format.toLowerCase(Locale.ROOT);
    }

    private static Refusal refusal(Outcome<?> outcome) {
        if (outcome instanceof Outcome.InputUnreadable<?> u) return new Refusal(422, "batch-unreadable", "web.upload.broken", List.of(u.message()));
        if (outcome instanceof Outcome.InputBroken<?> b) return new Refusal(422, "batch-broken", "web.upload.broken", List.of(b.message()));
        if (outcome instanceof Outcome.RulesUnusable<?> r) {
            return new Refusal(422, "rules-unusable", "web.api.rules", r.problems().stream().map(RuleProblem::toString).toList());
        }
        if (outcome instanceof Outcome.RuleFailed<?> f) return new Refusal(422, "rule-failed", "web.upload.ruleFailed", List.of(f.message()));
        if (outcome instanceof Outcome.OutputFailed<?> o) throw new UncheckedIOException(o.cause());
        return new Refusal(500, "internal", "web.error.internal");
    }

    /** The catalog of every rule set in force, as {@code dvk rules --format json} writes it. */
    void rules(Context ctx) throws IOException {
        byte[] bytes = catalog;
        if (bytes == null) {
            Outcome<List<RuleCatalog>> catalogs = new RuleSetDescriptions().catalogs(rules.library());
            if (!(catalogs instanceof Outcome.Done<List<RuleCatalog>> done)) throw refusal(catalogs);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            CatalogJsonWriter.write(done.value(), out);
            bytes = out.toByteArray();
            catalog = bytes;
        }
        ctx.contentType("application/json");
        ctx.result(bytes);
    }

    void rounds(Context ctx) throws IOException {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Rounds.Round r : store.read(tx -> tx.rounds().list())) {
            if (r.latest() != null) list.add(round(r, List.of(r.latest())));
        }
        json(ctx, 200, Map.of("rounds", list));
    }

    void round(Context ctx) throws IOException {
        Rounds.Round round = pages.round(ctx);
        json(ctx, 200, round(round, store.read(tx -> tx.rounds().versions(round.id()))));
    }

    /** A new round from a file sent as the body: {@code ?year=2024&name=…&filename=gia-lam.xlsx}. */
    void createRound(Context ctx) throws IOException {
        String name = RoundService.plain(ctx.queryParam("name"));
        int year = Ids.numberOr(ctx.queryParam("year"), -1);
        if (name == null || name.isBlank() || name.length() > 200) throw Refusal.badRequest("web.round.nameRule");
        if (year < 2000 || year > 2100) throw Refusal.badRequest("web.round.yearRule");
        Rounds.Version version = upload(ctx, null, year, name.strip());
        Rounds.Round round = store.read(tx -> tx.rounds().round(version.roundId())).orElseThrow();
        ctx.header("Location", Routes.apiRound(round.id()));
        json(ctx, 201, round(round, List.of(version)));
    }

    /** The next version of a round, from a corrected file sent as the body: {@code ?filename=…&note=…}. */
    void addVersion(Context ctx) throws IOException {
        Rounds.Round round = pages.round(ctx);
        Rounds.Version version = upload(ctx, round.id(), round.year(), round.name());
        ctx.header("Location", Routes.apiDecisions(round.id(), version.number()));
        json(ctx, 201, version(round.id(), version));
    }

    private Rounds.Version upload(Context ctx, Long roundId, int year, String name) throws IOException {
        String fileName = RoundService.fileName(ctx.queryParam("filename") == null ? "batch." + format(ctx) : ctx.queryParam("filename"));
        String extension = RoundService.extension(fileName);
        try (InputStream body = ctx.bodyInputStream()) {
            return RoundPages.withTemporaryCopy(body, extension, maxUploadBytes, file -> rounds.upload(
                    new RoundService.Upload(roundId, year, name, fileName, file, ctx.queryParam("note")),
                    Actor.of(Requests.signedIn(ctx).user(), ctx.ip()),
                    timing -> ctx.header("Server-Timing", timing)));
        }
    }

    /** A version's decisions: the data contract's JSON as stored. */
    void decisions(Context ctx) {
        Rounds.Version version = pages.version(ctx, pages.round(ctx));
        ctx.contentType("application/json");
        ctx.result(pages.decisions(version));
    }

    /** One nomination's decision, as the data contract writes it. */
    void decision(Context ctx) {
        Rounds.Version version = pages.version(ctx, pages.round(ctx));
        String id = ctx.pathParam("id");
        Rounds.DecisionRow row = store.read(tx -> tx.rounds().decision(version.id(), id)).orElseThrow(Refusal::notFound);
        ctx.contentType("application/json");
        ctx.result(row.detailJson());
    }

    void openApi(Context ctx) throws IOException {
        try (InputStream in = Api.class.getResourceAsStream("/dvk/web/openapi.json")) {
            ctx.contentType("application/json");
            ctx.result(in.readAllBytes());
        }
    }

    private static Map<String, Object> round(Rounds.Round r, List<Rounds.Version> versions) {
        Map<String, Object> round = new LinkedHashMap<>();
        round.put("id", r.id());
        round.put("name", r.name());
        round.put("year", r.year());
        round.put("createdBy", r.createdBy());
        round.put("createdAt", r.createdAt().toString());
        round.put("versions", versions.stream().map(v -> version(r.id(), v)).toList());
        return round;
    }

    private static Map<String, Object> version(long roundId, Rounds.Version v) {
        Map<String, Object> version = new LinkedHashMap<>();
        version.put("version", v.number());
        version.put("file", v.fileName());
        version.put("fileSha256", v.fileSha256());
        version.put("year", v.year());
        version.put("rules", Map.of("source", v.ruleSource(), "name", v.ruleSetName(), "fingerprint", v.ruleSet()));
        version.put("records", v.records());
        version.put("decided", v.decided());
        version.put("rejected", v.rejected());
        version.put("note", v.note());
        version.put("uploadedBy", v.uploadedBy());
        version.put("uploadedAt", v.uploadedAt().toString());
        version.put("decisions", Routes.apiDecisions(roundId, v.number()));
        return version;
    }

    static void json(Context ctx, int status, Object body) throws IOException {
        ctx.status(status);
        ctx.contentType("application/json");
        ctx.result(JSON.writeValueAsBytes(body));
    }
}
