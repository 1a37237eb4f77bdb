package dvk.web;

import dvk.domain.Decision;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dvk.engine.Evaluation;
import dvk.io.TemporaryFiles;
import dvk.report.DecisionHtmlWriter;
import dvk.report.DecisionXlsxWriter;
import dvk.report.ReportView;
import dvk.report.Words;
import dvk.store.Actor;
import dvk.store.Rounds;
import dvk.store.RuleSets;
import dvk.store.Store;
import dvk.web.view.CardPage;
import dvk.web.view.NewRoundPage;
import dvk.web.view.RoundPage;
import dvk.web.view.RoundsPage;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** The rounds: the list, a new round with its first file, a round's version, a nomination's card, the downloads. */
final class RoundPages {
    static final int PAGE_SIZE = 100;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The report page carries its own style and script inline; nothing else of the workspace does. */
    static final String REPORT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline';"
            + " img-src data:; frame-ancestors 'self'; form-action 'none'; base-uri 'none'";

    private final Store store;
    private final RoundService rounds;
    private final Templates templates;
    private final Clock clock;
    private final long maxUploadBytes;
    private final CouncilPages council;

    RoundPages(Store store, RoundService rounds, Templates templates, Clock clock, long maxUploadBytes, CouncilPages council) {
        this.store = store;
        this.council = council;
        this.rounds = rounds;
        this.templates = templates;
        this.clock = clock;
        this.maxUploadBytes = maxUploadBytes;
    }

    void list(Context ctx) {
        List<Rounds.Round> all = store.read(tx -> tx.rounds().list());
        List<RoundsPage.Item> items = all.stream().filter(r -> r.latest() != null).map(r -> new RoundsPage.Item(Routes.round(r.id()),
                r.name(), r.year(), r.versions(), r.latest().fileName(), r.latest().uploadedBy(), r.latest().uploadedAt(),
                r.latest().records(), r.latest().decided(), r.latest().rejected())).toList();
        boolean canUpload = Requests.signedIn(ctx).user().has(dvk.store.Role.SECRETARY);
        render(ctx, "rounds", Requests.words(ctx).text("web.rounds.title"), new RoundsPage(items, canUpload));
    }

    void newForm(Context ctx) {
        render(ctx, "round-new", Requests.words(ctx).text("web.rounds.new"),
                new NewRoundPage(LocalDate.now(clock.withZone(dvk.web.view.Frame.ZONE)).getYear(), "", "", megabytes()));
    }

    /** A new round and its first version, from the form's file. */
    void create(Context ctx) {
        String name = ctx.formParam("name") == null ? "" : RoundService.plain(ctx.formParam("name")).strip();
        int year = Ids.numberOr(ctx.formParam("year"), -1);
        if (name.isEmpty() || name.length() > 200) throw Refusal.badRequest("web.round.nameRule");
        if (year < 2000 || year > 2100) throw Refusal.badRequest("web.round.yearRule");
        Rounds.Version version = upload(ctx, null, year, name);
        ctx.redirect(Routes.version(version.roundId(), version.number()), HttpStatus.SEE_OTHER);
    }

    /** The next version of a round, from a corrected file. */
    void addVersion(Context ctx) {
        Rounds.Round round = round(ctx);
        Rounds.Version version = upload(ctx, round.id(), round.year(), round.name());
        ctx.redirect(Routes.version(version.roundId(), version.number()), HttpStatus.SEE_OTHER);
    }

    private Rounds.Version upload(Context ctx, Long roundId, int year, String name) {
        UploadedFile file = ctx.uploadedFile("file");
        if (file == null || file.filename() == null || file.filename().isBlank()) throw Refusal.badRequest("web.upload.noFile");
        String fileName = RoundService.fileName(file.filename());
        String extension = RoundService.extension(fileName);
        String note = ctx.formParam("note");
        try (InputStream content = file.content()) {
            return withTemporaryCopy(content, extension, maxUploadBytes, path -> rounds.upload(
                    new RoundService.Upload(roundId, year, name, fileName, path, note), Actor.of(Requests.signedIn(ctx).user(), ctx.ip()),
                    timing -> ctx.header("Server-Timing", timing)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A request's file copied to a temporary file (dvk's own, deleted after), at most {@code limit} bytes. */
    static <T> T withTemporaryCopy(InputStream content, String extension, long limit, java.util.function.Function<Path, T> use)
            throws IOException {
        Path directory = TemporaryFiles.createDirectory("upload");
        try {
            Path file = directory.resolve("upload" + extension);
            long copied = Files.copy(new LimitedInputStream(content, limit), file);
            if (copied == 0) throw Refusal.badRequest("web.upload.empty");
            return use.apply(file);
        } finally {
            TemporaryFiles.delete(directory);
        }
    }

    void latest(Context ctx) {
        Rounds.Round round = round(ctx);
        if (round.latest() == null) throw Refusal.notFound();
        ctx.redirect(Routes.version(round.id(), round.latest().number()), HttpStatus.SEE_OTHER);
    }

    void show(Context ctx) {
        Rounds.Round round = round(ctx);
        Rounds.Version version = version(ctx, round);
        Words words = Requests.words(ctx);
        Titles titles = titles(version, words);
        JsonNode summary = read(version.summaryJson());

        List<RoundPage.TitleCount> counts = new ArrayList<>();
        long largest = 1;
        for (Map.Entry<String, JsonNode> t : summary.path("titles").properties()) {
            largest = Math.max(largest, t.getValue().asLong());
        }
        for (Map.Entry<String, JsonNode> t : summary.path("titles").properties()) {
            counts.add(new RoundPage.TitleCount(t.getKey(), titles.name(t.getKey()), t.getValue().asLong(),
                    (int) Math.round(100.0 * t.getValue().asLong() / largest)));
        }
        Map<String, Map<String, Long>> byDistrict = store.read(tx -> tx.rounds().titlesByDistrict(version.id()));
        List<String> districts = store.read(tx -> tx.rounds().districts(version.id()));
        List<RoundPage.DistrictRow> districtRows = new ArrayList<>();
        for (String district : districts) {
            Map<String, Long> of = byDistrict.getOrDefault(district, Map.of());
            List<Long> cells = counts.stream().map(c -> of.getOrDefault(c.code(), 0L)).toList();
            districtRows.add(new RoundPage.DistrictRow(district, cells, cells.stream().mapToLong(Long::longValue).sum()));
        }

        String district = blankToNull(ctx.queryParam("district"));
        String title = blankToNull(ctx.queryParam("title"));
        String type = blankToNull(ctx.queryParam("type"));
        String text = blankToNull(ctx.queryParam("q"));
        int page = Math.min(1_000_000, Math.max(1, Ids.numberOr(ctx.queryParam("page"), 1)));
        Rounds.Page<Rounds.DecisionRow> rows = store.read(tx -> tx.rounds().decisions(version.id(),
                new Rounds.Filter(district, title, type, text, (page - 1) * PAGE_SIZE, PAGE_SIZE)));
        int pages = (int) Math.max(1, (rows.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        String base = Routes.version(round.id(), version.number());
        Map<Integer, List<String>> changes = new java.util.HashMap<>();
        store.read(tx -> tx.council().overrides(version.id())).forEach(o -> changes.computeIfAbsent(o.position(), p -> new ArrayList<>())
                .add((o.verdict() == dvk.store.Council.Verdict.GRANT ? "+" : "−") + o.title()));
        List<RoundPage.Row> shown = rows.items().stream().map(r -> new RoundPage.Row(r.position(),
                Routes.card(round.id(), version.number(), r.position()), r.nominationId(), r.name(), r.type(), r.district(),
                r.commune(), r.score(), titles.ordered(r.titles()), changes.getOrDefault(r.position(), List.of()))).toList();
        List<RoundPage.Option> titleOptions = new ArrayList<>();
        counts.forEach(c -> titleOptions.add(new RoundPage.Option(c.code(), c.name())));
        titleOptions.add(new RoundPage.Option(Rounds.Filter.NO_TITLE, words.text("web.filter.noTitle")));

        List<Rounds.RejectedRow> rejectedRows = store.read(tx -> tx.rounds().rejected(version.id()));
        List<RoundPage.Rejected> rejected = rejectedRows.stream().map(r -> new RoundPage.Rejected(r.position() + 1,
                r.nominationId(), errors(r.errorsJson(), words))).toList();

        List<Rounds.Version> all = store.read(tx -> tx.rounds().versions(round.id()));
        List<RoundPage.Version> versions = all.stream().map(v -> version(round.id(), v, v.number() == version.number())).toList();
        boolean canUpload = Requests.signedIn(ctx).user().has(dvk.store.Role.SECRETARY);
        var links = new RoundPage.Links(Routes.download(round.id(), version.number(), "report.html"),
                Routes.download(round.id(), version.number(), "decisions.xlsx"),
                Routes.download(round.id(), version.number(), "decisions.json"),
                Routes.download(round.id(), version.number(), "input"), Routes.versions(round.id()));
        RoundPage view = new RoundPage(round.id(), round.name(), round.year(), version.number(),
                version.number() == all.get(all.size() - 1).number(), version(round.id(), version, true), versions,
                new RoundPage.Summary(version.records(), version.decided(), version.rejected(), counts), districtRows,
                warnings(!words.isVietnamese() && version.warningsEnJson() != null ? read(version.warningsEnJson()) : summary.path("warnings")),
                provisional(summary, words, titles), new RoundPage.Filter(district, title, type, text,
                        districts, titleOptions, district != null || title != null || type != null || text != null),
                shown, rows.total(), new RoundPage.Pager(page, pages,
                        page > 1 ? pageUrl(base, district, title, type, text, page - 1) : null,
                        page < pages ? pageUrl(base, district, title, type, text, page + 1) : null),
                rejected, links, canUpload && !store.read(tx -> tx.council().roundIssued(round.id())), megabytes(),
                council.view(ctx, round, version, titles));
        render(ctx, "round", round.name(), view);
    }

    void card(Context ctx) {
        Rounds.Round round = round(ctx);
        Rounds.Version version = version(ctx, round);
        int position = Ids.smallNumber(ctx.pathParam("position"));
        Rounds.DecisionRow row = store.read(tx -> tx.rounds().decision(version.id(), position)).orElseThrow(Refusal::notFound);
        Evaluation evaluation = rounds.evaluation(version);
        Decision decision = evaluation.decisions().stream().filter(d -> d.index() == position).findFirst()
                .orElseThrow(Refusal::notFound);
        Words words = Requests.words(ctx);
        CardPage page = new CardPage(round.name(), Routes.version(round.id(), version.number()),
                ReportView.card(evaluation, decision, words), words, council.card(ctx, round, version, row, titles(version, words)));
        render(ctx, "nomination", row.nominationId() + " · " + round.name(), page);
    }

    /** The report as {@code dvk evaluate --format html} writes it, from the version's evaluation. */
    void report(Context ctx) {
        Rounds.Version version = version(ctx, round(ctx));
        Evaluation evaluation = rounds.evaluation(version);
        ctx.header("Content-Security-Policy", REPORT_POLICY);
        ctx.contentType("text/html; charset=utf-8");
        write(ctx, out -> DecisionHtmlWriter.write(evaluation, out));
    }

    void xlsx(Context ctx) {
        Rounds.Round round = round(ctx);
        Rounds.Version version = version(ctx, round);
        Evaluation evaluation = rounds.evaluation(version);
        attachment(ctx, "dvk-round-" + round.id() + "-v" + version.number() + "-decisions.xlsx");
        ctx.contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        Words words = Requests.words(ctx);
        write(ctx, out -> DecisionXlsxWriter.write(evaluation, words, out));
    }

    void json(Context ctx) {
        Rounds.Round round = round(ctx);
        Rounds.Version version = version(ctx, round);
        ctx.contentType("application/json");
        ctx.result(decisions(version));
    }

    InputStream decisions(Rounds.Version version) {
        byte[] gzip = store.read(tx -> tx.rounds().decisionsGzip(version.id())).orElseThrow(Refusal::notFound);
        try {
            return new GZIPInputStream(new ByteArrayInputStream(gzip));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void input(Context ctx) {
        Rounds.Version version = version(ctx, round(ctx));
        byte[] input = store.read(tx -> tx.rounds().input(version.id())).orElseThrow(Refusal::notFound);
        attachment(ctx, version.fileName());
        ctx.contentType("application/octet-stream");
        ctx.result(input);
    }

    @FunctionalInterface
    private interface Body {
        void writeTo(java.io.OutputStream out) throws IOException;
    }

    /** Written as it is made: a large round's report is tens of megabytes. */
    private static void write(Context ctx, Body body) {
        try {
            body.writeTo(ctx.outputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void attachment(Context ctx, String fileName) {
        String ascii = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        ctx.header("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + Requests.encode(fileName).replace("+", "%20"));
    }

    Rounds.Round round(Context ctx) {
        long id = Ids.number(ctx.pathParam("round"));
        return store.read(tx -> tx.rounds().round(id)).filter(r -> r.latest() != null).orElseThrow(Refusal::notFound);
    }

    Rounds.Version version(Context ctx, Rounds.Round round) {
        int number = Ids.smallNumber(ctx.pathParam("version"));
        return store.read(tx -> tx.rounds().version(round.id(), number)).orElseThrow(Refusal::notFound);
    }

    private RoundPage.Version version(long roundId, Rounds.Version v, boolean current) {
        return new RoundPage.Version(v.number(), Routes.version(roundId, v.number()), v.fileName(), v.fileSize(), v.uploadedBy(),
                v.uploadedAt(), v.records(), v.decided(), v.rejected(), v.note(), v.ruleSource(), v.ruleSetName(), v.ruleSet(), current);
    }

    /** The names of titles in the page's language, from the rule set that decided the version. */
    private Titles titles(Rounds.Version version, Words words) {
        RuleSets.StoredRuleSet rules = store.read(tx -> tx.ruleSets().find(version.ruleSet())).orElseThrow();
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, String> appliesTo = new LinkedHashMap<>();
        for (JsonNode t : read(rules.titlesJson())) {
            String vi = t.path("nameVi").asText(t.path("code").asText());
            String en = t.path("nameEn").asText("");
            names.put(t.path("code").asText(), words.isVietnamese() || en.isEmpty() ? vi : en);
            appliesTo.put(t.path("code").asText(), t.path("appliesTo").asText(""));
        }
        return new Titles(names, appliesTo);
    }

    record Titles(Map<String, String> names, Map<String, String> appliesTo) {
        String name(String code) {
            return names.getOrDefault(code, code);
        }

        /** Whether a title is for nominations of this type ({@code MODEL}, {@code WORK}). */
        boolean appliesTo(String code, String type) {
            String to = appliesTo.getOrDefault(code, "");
            return to.isEmpty() || to.equals(type);
        }

        List<String> ordered(List<String> codes) {
            List<String> order = new ArrayList<>(names.keySet());
            return codes.stream().sorted(java.util.Comparator.comparingInt(c -> order.contains(c) ? order.indexOf(c) : order.size())).toList();
        }
    }

    /** Each warning's message with the ids it concerns: from the summary (Vietnamese), or its English words. */
    private static List<String> warnings(JsonNode list) {
        List<String> warnings = new ArrayList<>();
        for (JsonNode w : list) {
            List<String> ids = new ArrayList<>();
            w.path("ids").forEach(id -> ids.add(id.asText()));
            warnings.add(w.path("message").asText() + (ids.isEmpty() ? "" : " (" + String.join(", ", ids) + ")"));
        }
        return warnings;
    }

    private static List<String> provisional(JsonNode summary, Words words, Titles titles) {
        List<String> provisional = new ArrayList<>();
        for (JsonNode p : summary.path("provisional")) {
            List<String> ids = new ArrayList<>();
            p.path("rejected").forEach(id -> ids.add(id.asText()));
            provisional.add(words.text("web.round.provisional", p.path("district").asText(), titles.name(p.path("title").asText()),
                    String.join(", ", ids)));
        }
        return provisional;
    }

    private static List<String> errors(String json, Words words) {
        List<String> errors = new ArrayList<>();
        for (JsonNode e : read(json)) {
            String message = words.isVietnamese() && e.has("vi") ? e.path("vi").asText() : e.path("message").asText();
            errors.add(e.path("field").asText() + ": " + message);
        }
        return errors;
    }

    private static String pageUrl(String base, String district, String title, String type, String text, int page) {
        StringBuilder url = new StringBuilder(base).append("?page=").append(page);
        if (district != null) url.append("&district=").append(Requests.encode(district));
        if (title != null) url.append("&title=").append(Requests.encode(title));
        if (type != null) url.append("&type=").append(Requests.encode(type));
        if (text != null) url.append("&q=").append(Requests.encode(text));
        return url.toString();
    }

    private long megabytes() {
        return maxUploadBytes / (1024 * 1024);
    }

    private void render(Context ctx, String template, String title, Object page) {
        ctx.html(templates.render(template, Requests.page(Requests.frame(ctx, title, "rounds", null), page)));
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
