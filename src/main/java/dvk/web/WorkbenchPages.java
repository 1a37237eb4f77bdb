package dvk.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dvk.app.DraftReport;
import dvk.app.DraftRunner;
import dvk.domain.Comparison;
import dvk.domain.CriterionOutcome;
import dvk.engine.RuleCatalog;
import dvk.engine.RuleProblem;
import dvk.engine.ThresholdEdit;
import dvk.report.OutcomeWords;
import dvk.report.RuleProblemText;
import dvk.report.Words;
import dvk.store.Role;
import dvk.store.Rounds;
import dvk.store.RuleRepository;
import dvk.store.RulesPutInForce;
import dvk.store.User;
import dvk.web.view.DraftPage;
import dvk.web.view.EditorPage;
import dvk.web.view.HistoryPage;
import dvk.web.view.RuleSetPage;
import dvk.web.view.WorkbenchPage;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The policy workbench's pages: the rule sets and what is in force, a rule set's catalog with its
 * thresholds in forms, a draft with its impact on a stored round, the code editor with its live
 * check, saving with a note, the history, and putting a version in force. Reading is for anyone
 * signed in; drafts and saves for policy staff; putting in force for administrators (declared with
 * the routes in {@link Workspace}).
 */
final class WorkbenchPages {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The editor's files from CodeMirror's webjar, by the name the page asks for; nothing else of the jar is served. */
    private static final String CODEMIRROR = "/META-INF/resources/webjars/codemirror/5.65.16/";
    private static final Map<String, String> ASSETS = Map.of(
            "codemirror.js", CODEMIRROR + "lib/codemirror.js",
            "codemirror.css", CODEMIRROR + "lib/codemirror.css",
            "simple.js", CODEMIRROR + "addon/mode/simple.js",
            "lint.js", CODEMIRROR + "addon/lint/lint.js",
            "lint.css", CODEMIRROR + "addon/lint/lint.css",
            "workbench.js", "/dvk/web/workbench.js",
            "workbench.css", "/dvk/web/workbench.css");

    private final Workbench workbench;
    private final Templates templates;
    /** The newest live check of each person's file, by {@code user/set/file}. */
    private final Map<String, java.util.concurrent.atomic.AtomicLong> checks = new java.util.concurrent.ConcurrentHashMap<>();

    WorkbenchPages(Workbench workbench, Templates templates) {
        this.workbench = workbench;
        this.templates = templates;
    }

    /** The rule sets, what is in force, and the administrator's form. */
    void index(Context ctx) throws IOException {
        Words words = Requests.words(ctx);
        User user = Requests.signedIn(ctx).user();
        List<WorkbenchPage.Set> sets = new ArrayList<>();
        for (String name : workbench.ruleSets()) {
            Map<String, byte[]> files = workbench.saved(name);
            JsonNode manifest = manifest(files);
            String years = manifest.path("years").path("from").asText("?") + "–" + manifest.path("years").path("to").asText("");
            List<WorkbenchPage.Version> versions = workbench.repository().history(name).stream()
                    .map(v -> new WorkbenchPage.Version(v.commit(), v.shortCommit(), v.note(), v.author(), v.when())).toList();
            sets.add(new WorkbenchPage.Set(name, manifest.path("name").asText(""), years, WorkbenchRoutes.ruleSet(name),
                    WorkbenchRoutes.history(name), versions));
        }
        List<WorkbenchPage.InForce> inForce = workbench.inForce().stream()
                .map(e -> new WorkbenchPage.InForce(e.ruleSet(), e.commit().substring(0, 10), short19(e.fingerprint()), e.yearsFrom(),
                        e.yearsTo(), e.putBy(), e.putAt())).toList();
        String done = ctx.queryParam("done");
        render(ctx, "workbench/index", words.text("workbench.title"),
                new WorkbenchPage(sets, inForce, user.has(Role.ADMIN), "inForce".equals(done) ? words.text("workbench.inForce.done") : null));
    }

    /** A rule set's catalog and thresholds: the person's draft when they have one, else the newest version. */
    void ruleSet(Context ctx) {
        String set = Workbench.name(ctx.pathParam("set"));
        User user = Requests.signedIn(ctx).user();
        Words words = Requests.words(ctx);
        boolean canEdit = user.has(Role.POLICY);
        RuleEditSession draft = canEdit ? workbench.draftOf(user, set) : null;
        Map<String, byte[]> files = draft != null ? draft.files() : workbench.saved(set);
        List<String> problems = new ArrayList<>();
        List<RuleSetPage.Row> catalog = new ArrayList<>();
        OutcomeWords names = new OutcomeWords(words, titleNames(files, words));
        Map<String, String> required = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            if (!file.getKey().endsWith(".drl")) continue;
            for (ThresholdEdit.Literal t : ThresholdEdit.find(new String(file.getValue(), StandardCharsets.UTF_8))) {
                if (t.id() != null) required.putIfAbsent(t.id(), required(t, names));
            }
        }
        try {
            for (RuleCatalog.Entry e : workbench.catalog(set, files, words.isVietnamese() ? "vi" : "en")) {
                String title = e.title() == null ? "" : e.title().equals("*") ? words.text("workbench.everyTitle") : names.title(e.title());
                catalog.add(new RuleSetPage.Row(e.id(), words.text("workbench.kind." + e.kind().label()), title,
                        e.title() == null || e.title().equals("*") ? "" : e.title(),
                        e.criterion() == null ? "" : names.criterion(e.criterion()), e.criterion() == null ? "" : e.criterion(),
                        required.getOrDefault(e.id(), e.requirement()), e.cite() == null ? "" : e.cite(),
                        e.file().substring(e.file().lastIndexOf('/') + 1) + ":" + e.line()));
            }
        } catch (DraftRunner.Failed e) {
            problems.add(e.getMessage());
        }
        if (catalog.isEmpty() && problems.isEmpty() && draft != null) {
            try {
                DraftReport checked = workbench.check(set, files, words.isVietnamese() ? "vi" : "en");
                checked.errors().forEach(p -> problems.add(problemLine(p, words)));
            } catch (DraftRunner.Failed e) {
                problems.add(e.getMessage());
            }
        }
        List<RuleSetPage.Threshold> thresholds = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            if (!file.getKey().endsWith(".drl")) continue;
            for (ThresholdEdit.Literal t : ThresholdEdit.find(new String(file.getValue(), StandardCharsets.UTF_8))) {
                if (t.id() == null) continue;
                String title = t.title() == null ? "" : t.title().equals("*") ? words.text("workbench.everyTitle") : names.title(t.title());
                thresholds.add(new RuleSetPage.Threshold(file.getKey(), t.id(), title, names.criterion(t.criterion()), t.criterion(),
                        t.quantity(), t.requirement(), required.get(t.id()), t.literal(), t.line(), file.getKey() + ":" + t.line()));
            }
        }
        String version = draft != null ? draft.base.substring(0, 10) : shortHead();
        render(ctx, "workbench/rule-set", words.text("workbench.ruleSet.title", set),
                new RuleSetPage(set, version, draft != null, draft != null && draft.changed(), catalog, thresholds,
                        files.keySet().stream().filter(f -> f.endsWith(".drl") || f.endsWith(".json")).toList(), canEdit, problems));
    }

    /** A threshold changed in its form: that literal rewritten in the person's draft, and on to the draft. */
    void threshold(Context ctx) {
        String set = Workbench.name(ctx.pathParam("set"));
        RuleEditSession draft = workbench.draft(Requests.signedIn(ctx).user(), set);
        String file = fileName(ctx.formParam("file"));
        int line = Ids.numberOr(ctx.formParam("line"), -1);
        String rule = ctx.formParam("rule");
        String literal = ctx.formParam("literal");
        String value = ctx.formParam("value");
        if (!draft.has(file) || rule == null || literal == null || line < 1) throw Refusal.badRequest("workbench.threshold.missing");
        try {
            draft.put(file, ThresholdEdit.rewrite(draft.text(file), rule, line, literal, value));
        } catch (ThresholdEdit.Refused e) {
            throw new Refusal(422, "threshold-refused", "workbench.threshold.refused", List.of(e.getMessage()));
        }
        workbench.kept(Requests.signedIn(ctx).user(), draft);
        ctx.redirect(WorkbenchRoutes.draft(set), HttpStatus.SEE_OTHER);
    }

    /** The draft, and with {@code ?round=} its impact on that stored round, the fixtures and the coverage. */
    void draft(Context ctx) {
        String set = Workbench.name(ctx.pathParam("set"));
        Words words = Requests.words(ctx);
        String language = words.isVietnamese() ? "vi" : "en";
        RuleEditSession draft = workbench.draft(Requests.signedIn(ctx).user(), set);
        List<DraftPage.Diff> diffs = new ArrayList<>();
        draft.diffs().forEach((file, diff) -> diffs.add(new DraftPage.Diff(file, DraftPage.DiffLine.of(diff))));
        String round = ctx.queryParam("round");
        List<Rounds.Round> stored = workbench.rounds();
        List<DraftPage.Choice> choices = new ArrayList<>();
        Rounds.Version chosen = null;
        String chosenLabel = null;
        for (Rounds.Round r : stored) {
            String value = r.id() + "/" + r.latest().number();
            String label = words.text("workbench.draft.roundChoice", r.name(), r.year(), r.latest().number());
            choices.add(new DraftPage.Choice(value, label, value.equals(round)));
            if (value.equals(round)) {
                chosen = r.latest();
                chosenLabel = label;
            }
        }
        if (round != null && !round.isBlank() && chosen == null) chosen = version(round);
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        String failure = null;
        DraftReport report = null;
        if (chosen != null) {
            try {
                report = workbench.impact(draft, chosen, chosenLabel == null ? round : chosenLabel, language);
            } catch (DraftRunner.Failed e) {
                failure = e.getMessage();
            }
        }
        if (report != null) {
            report.errors().forEach(p -> errors.add(problemLine(p, words)));
            report.warnings().forEach(p -> warnings.add(problemLine(p, words)));
            failure = report.failure();
        }
        List<DraftPage.Fixture> fixtures = report == null ? List.of() : report.fixtures().stream()
                .map(f -> new DraftPage.Fixture(f.fixture(), f.description(), f.holds(),
                        f.mismatches().stream().map(m -> m.nomination() + " · " + m.title() + ": " + words.text("workbench.fixtures.expected")
                                + " " + m.expected() + ", " + words.text("workbench.fixtures.got") + " " + m.got()).toList())).toList();
        render(ctx, "workbench/draft", words.text("workbench.draft.title", set), new DraftPage(set, draft.base.substring(0, 10),
                draft.changed(), diffs, choices, round, errors, warnings, failure,
                report == null || report.impact() == null ? null : report.impact().view(words), fixtures,
                report == null || report.coverage() == null ? null : report.coverage().view(words), report != null || failure != null));
    }

    void discard(Context ctx) {
        String set = Workbench.name(ctx.pathParam("set"));
        workbench.discard(Requests.signedIn(ctx).user(), set);
        ctx.redirect(WorkbenchRoutes.ruleSet(set), HttpStatus.SEE_OTHER);
    }

    /** The draft saved as a new version with its note; on to the history, with the reminders. */
    void save(Context ctx) {
        String set = Workbench.name(ctx.pathParam("set"));
        User user = Requests.signedIn(ctx).user();
        RuleEditSession draft = workbench.draftOf(user, set);
        if (draft == null) throw new Refusal(409, "unchanged", "workbench.save.unchanged");
        Words words = Requests.words(ctx);
        Workbench.Saved saved;
        try {
            saved = workbench.save(draft, ctx.formParam("note"), user, ctx.ip(), words.isVietnamese() ? "vi" : "en");
        } catch (DraftRunner.Failed e) {
            throw new Refusal(503, "draft-failed", "workbench.draft.failed", List.of(e.getMessage()));
        }
        workbench.discard(user, set);
        ctx.redirect(WorkbenchRoutes.history(set) + "?saved=" + saved.commit(), HttpStatus.SEE_OTHER);
    }

    /** A rule file of the draft in the code editor. */
    void editor(Context ctx) {
        String set = Workbench.name(ctx.pathParam("set"));
        String file = fileName(ctx.pathParam("file"));
        RuleEditSession draft = workbench.draft(Requests.signedIn(ctx).user(), set);
        if (!draft.has(file)) throw Refusal.notFound();
        render(ctx, "workbench/editor", Requests.words(ctx).text("workbench.editor.title", file),
                new EditorPage(set, file, draft.text(file), draft.names(), WorkbenchRoutes.file(set, file),
                        WorkbenchRoutes.file(set, file) + "/check", WorkbenchRoutes.draft(set)));
    }

    /** The editor's text kept in the draft. */
    void keep(Context ctx) {
        String set = Workbench.name(ctx.pathParam("set"));
        String file = fileName(ctx.pathParam("file"));
        RuleEditSession draft = workbench.draft(Requests.signedIn(ctx).user(), set);
        draft.put(file, ctx.formParam("text") == null ? null : ctx.formParam("text").replace("\r\n", "\n"));
        workbench.kept(Requests.signedIn(ctx).user(), draft);
        ctx.redirect(WorkbenchRoutes.draft(set), HttpStatus.SEE_OTHER);
    }

    /**
     * The live check as one types: the text (JSON {@code {"text": …}}) in place of the file in the
     * person's draft, checked by the child process; the problems of that file, each at its line and
     * column in the reader's language, and the others' count.
     */
    void check(Context ctx) throws IOException {
        String set = Workbench.name(ctx.pathParam("set"));
        String file = fileName(ctx.pathParam("file"));
        Words words = Requests.words(ctx);
        RuleEditSession draft = workbench.draft(Requests.signedIn(ctx).user(), set);
        if (!draft.has(file)) throw Refusal.notFound();
        String text = JSON.readTree(ctx.bodyInputStream()).path("text").asText(null);
        if (text == null || text.length() > RuleEditSession.MAX_FILE_CHARS) throw Refusal.badRequest("workbench.tooLong", RuleEditSession.MAX_FILE_CHARS);
        Map<String, byte[]> files = draft.files();
        files.put(file, text.getBytes(StandardCharsets.UTF_8));
        Map<String, Object> answer = new LinkedHashMap<>();
        List<Map<String, Object>> problems = new ArrayList<>();
        // one check at a time per person and file: text typed since makes an older check pointless
        String who = Requests.signedIn(ctx).user().id() + "/" + set + "/" + file;
        long mine = checks.computeIfAbsent(who, k -> new java.util.concurrent.atomic.AtomicLong()).incrementAndGet();
        java.util.function.BooleanSupplier superseded = () -> checks.get(who).get() != mine;
        try {
            DraftReport report = workbench.check(set, files, words.isVietnamese() ? "vi" : "en", superseded);
            for (RuleProblem p : report.errors()) problems.add(problem(p, "error", file, set, words));
            for (RuleProblem p : report.warnings()) problems.add(problem(p, "warning", file, set, words));
            answer.put("compiles", report.compiles());
        } catch (DraftRunner.Failed e) {
            if (e.reason() == DraftRunner.Failed.Reason.SUPERSEDED) {
                Api.json(ctx, 409, Map.of("superseded", true, "problems", List.of()));
                return;
            }
            problems.add(Map.of("line", 0, "column", 0, "severity", "error", "message", e.getMessage(), "here", false));
            answer.put("compiles", false);
        }
        answer.put("problems", problems);
        Api.json(ctx, 200, answer);
    }

    /** A rule set's versions, newest first, each with its diff; the reminders of a save just made. */
    void history(Context ctx) throws IOException {
        String set = Workbench.name(ctx.pathParam("set"));
        Words words = Requests.words(ctx);
        RuleRepository repository = workbench.repository();
        List<RulesPutInForce.Entry> inForce = workbench.inForce();
        List<HistoryPage.Version> versions = new ArrayList<>();
        for (RuleRepository.Version v : repository.history(set)) {
            String years = inForce.stream().filter(e -> e.commit().equals(v.commit()) && e.ruleSet().equals(set))
                    .map(e -> e.yearsFrom() + "–" + e.yearsTo()).reduce((a, b) -> a + ", " + b).orElse(null);
            List<HistoryPage.Link> decided = workbench.decidedWith(v.commit()).stream()
                    .map(d -> new HistoryPage.Link(words.text("workbench.history.roundVersion", d.round(), d.version()),
                            Routes.version(d.roundId(), d.version()))).toList();
            versions.add(new HistoryPage.Version(v.commit(), v.shortCommit(), v.note(), v.author(), v.login(), v.when(),
                    DraftPage.DiffLine.of(repository.diff(v.commit(), set)), years, decided));
        }
        if (versions.isEmpty()) throw Refusal.notFound();
        String saved = ctx.queryParam("saved");
        render(ctx, "workbench/history", words.text("workbench.history.title", set),
                new HistoryPage(set, versions, saved, workbench.remindersOf(saved)));
    }

    /** An administrator puts a saved version in force for a range of years. */
    void putInForce(Context ctx) {
        String set = Workbench.name(ctx.formParam("ruleSet"));
        String commit = ctx.formParam("commit") == null ? "" : ctx.formParam("commit").strip();
        int from = Ids.numberOr(ctx.formParam("from"), -1);
        int to = Ids.numberOr(ctx.formParam("to"), -1);
        workbench.putInForce(set, commit, from, to, Requests.signedIn(ctx).user(), ctx.ip());
        ctx.redirect(WorkbenchRoutes.INDEX + "?done=inForce", HttpStatus.SEE_OTHER);
    }

    /** CodeMirror's files from its webjar, and the workbench's own script and style. */
    void asset(Context ctx) throws IOException {
        String resource = ASSETS.get(ctx.pathParam("asset"));
        if (resource == null) throw Refusal.notFound();
        try (InputStream in = WorkbenchPages.class.getResourceAsStream(resource)) {
            if (in == null) throw Refusal.notFound();
            ctx.header("Cache-Control", "public, max-age=3600");
            ctx.contentType(resource.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8");
            ctx.result(in.readAllBytes());
        }
    }

    private Rounds.Version version(String value) {
        String[] parts = value.split("/");
        if (parts.length != 2) throw Refusal.notFound();
        return workbench.version(Ids.number(parts[0]), Ids.numberOr(parts[1], -1));
    }

    /** The titles' names in the reader's language, from the rule set's titles.json. */
    private static Map<String, String> titleNames(Map<String, byte[]> files, Words words) {
        Map<String, String> names = new LinkedHashMap<>();
        try {
            byte[] titles = files.get("titles.json");
            if (titles == null) return names;
            for (JsonNode title : JSON.readTree(titles).path("titles")) {
                String name = title.path(words.isVietnamese() ? "nameVi" : "nameEn").asText("");
                if (!name.isEmpty()) names.put(title.path("code").asText(), name);
            }
        } catch (IOException e) {
            // a draft's titles.json that does not parse: the codes are shown, and the check says why
        }
        return names;
    }

    /** A threshold's requirement in the reader's words, as a decision states it ("tối thiểu 12 tháng"). */
    private static String required(ThresholdEdit.Literal t, OutcomeWords names) {
        if (!dvk.engine.RuleCalls.isNumber(t.literal())) return t.requirement();
        java.math.BigDecimal value = new java.math.BigDecimal(t.literal().replace("_", "").replaceAll("[lLdDfF]$", ""));
        Number number = value.scale() <= 0 || value.stripTrailingZeros().scale() <= 0 ? (Number) value.longValue() : value;
        Comparison comparison = switch (t.method()) {
            case "shareAtLeast" -> new Comparison.ShareAtLeast(0, 0, java.math.BigDecimal.ZERO, number);
            case "withinQuota" -> new Comparison.WithinQuota("", 0, value.intValue());
            default -> new Comparison.AtLeast(0, number);
        };
        return names.required(new CriterionOutcome("", t.title() == null ? "" : t.title(), t.criterion(), true, "", t.requirement(),
                t.id(), "", comparison));
    }

    private String shortHead() {
        String head = workbench.head();
        return head == null ? "" : head.substring(0, 10);
    }

    /** A problem for the editor: where, how bad, what in the reader's language, and whether it is in the file being edited. */
    private static Map<String, Object> problem(RuleProblem p, String severity, String file, String set, Words words) {
        Map<String, Object> problem = new LinkedHashMap<>();
        String where = p.file() == null ? "" : p.file();
        boolean here = where.equals("rules/" + set + "/" + file) || where.endsWith("/" + set + "/" + file);
        problem.put("line", here ? p.line() : 0);
        problem.put("column", here ? p.column() : 0);
        problem.put("severity", severity);
        problem.put("message", (here ? "" : p.where() + ": ") + RuleProblemText.text(p, words));
        problem.put("here", here);
        return problem;
    }

    private static String problemLine(RuleProblem p, Words words) {
        return p.where() + ": " + RuleProblemText.text(p, words);
    }

    private static String fileName(String name) {
        try {
            return RuleRepository.name(name);
        } catch (IllegalArgumentException e) {
            throw Refusal.notFound();
        }
    }

    private static JsonNode manifest(Map<String, byte[]> files) {
        try {
            byte[] bytes = files.get("ruleset.json");
            return bytes == null ? JSON.createObjectNode() : JSON.readTree(bytes);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static String short19(String fingerprint) {
        return fingerprint.length() > 19 ? fingerprint.substring(0, 19) + "…" : fingerprint;
    }

    private void render(Context ctx, String template, String title, Object page) {
        var frame = Requests.frame(ctx, title, "workbench", null);
        ctx.html(templates.render(template, Requests.page(frame, page)));
    }

    /** The workbench's addresses. */
    static final class WorkbenchRoutes {
        static final String INDEX = "/workbench";

        private WorkbenchRoutes() {}

        static String ruleSet(String set) {
            return INDEX + "/" + set;
        }

        static String draft(String set) {
            return ruleSet(set) + "/draft";
        }

        static String history(String set) {
            return ruleSet(set) + "/history";
        }

        static String file(String set, String file) {
            return ruleSet(set) + "/files/" + file;
        }
    }
}
