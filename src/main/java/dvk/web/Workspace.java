package dvk.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dvk.app.DraftRunner;
import dvk.engine.RuleLibrary;
import dvk.io.TemporaryFiles;
import dvk.store.Database;
import dvk.store.Store;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code dvk serve}: the committee's workspace, a Javalin server over the store. Every route is
 * declared here, once, with who may use it; {@link Guard} checks that before any handler runs.
 * Handlers read the request, call a service, and render a typed page or JSON.
 */
public final class Workspace {
    /**
     * How {@code dvk serve} was asked to run; {@code workbench} is the directory of the policy
     * workbench's rules repository ({@code rules.git}; a temporary one when null).
     */
    public record Settings(String host, int port, RuleLibrary rules, Duration ruleTimeout, long maxUploadBytes,
                           boolean secureCookies, int evaluationsAtOnce, PrintWriter out, PrintWriter requestLog, Path workbench) {
        public Settings(String host, int port, RuleLibrary rules, Duration ruleTimeout, long maxUploadBytes, boolean secureCookies,
                        int evaluationsAtOnce, PrintWriter out, PrintWriter requestLog) {
            this(host, port, rules, ruleTimeout, maxUploadBytes, secureCookies, evaluationsAtOnce, out, requestLog, null);
        }
    }

    /** How long a stop waits for the requests in flight to finish. */
    static final Duration DRAIN = Duration.ofSeconds(30);
    /**
     * The pages' url-encoded forms are a few short fields: a larger body is refused before anyone
     * reads it (files come as multipart, or to the API as the body, under {@code --max-upload}).
     */
    static final int FORM_LIMIT = 64 << 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Settings settings;
    private final Database database;
    private final Store store;
    private final Clock clock;
    private final Templates templates = new Templates();
    private final Guard guard;
    private final Responses responses;
    private final AuthPages auth;
    private final RoundPages rounds;
    private final AdminPages admin;
    private final AccountPages account;
    private final Api api;
    private final CouncilPages council;
    private final RegisterPages register;
    private final RegisterApi registerApi;
    private final WorkbenchPages workbench;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean draining;
    private Javalin app;

    public Workspace(Settings settings, Database database, Clock clock) {
        this.settings = settings;
        this.database = database;
        this.store = new Store(database);
        this.clock = clock;
        this.guard = new Guard(store, clock, settings.secureCookies());
        this.responses = new Responses(templates, guard);
        RulesInForce rulesInForce = new RulesInForce(settings.rules());
        rulesInForce.problems().forEach(p -> settings.out().println("dvk: the rules cannot be used: " + p));
        RoundService roundService = new RoundService(store, rulesInForce, clock, Math.max(1, settings.evaluationsAtOnce()),
                Duration.ofMinutes(2));
        LoginThrottle throttle = new LoginThrottle(clock);
        this.auth = new AuthPages(store, guard, templates, throttle, clock);
        CouncilService councilService = new CouncilService(store, roundService, clock);
        this.council = new CouncilPages(store, councilService, clock);
        this.register = new RegisterPages(store, new RegisterService(store, rulesInForce, clock), templates, settings.maxUploadBytes());
        this.rounds = new RoundPages(store, roundService, templates, clock, settings.maxUploadBytes(), council);
        this.registerApi = new RegisterApi(store, councilService, rounds);
        this.admin = new AdminPages(store, templates, clock);
        this.account = new AccountPages(store, templates, throttle, clock);
        this.api = new Api(store, roundService, rounds, rulesInForce, settings.ruleTimeout(), settings.maxUploadBytes());
        try {
            Path directory = settings.workbench() != null ? settings.workbench() : TemporaryFiles.createDirectory("workbench");
            this.workbench = new WorkbenchPages(Workbench.open(directory, rulesInForce, store,
                    new DraftRunner(DraftRunner.Limits.standard(settings.ruleTimeout()), 2), clock, settings.out()), templates);
        } catch (IOException e) {
            throw new UncheckedIOException("the rules' repository of the workbench cannot be opened: " + e.getMessage(), e);
        }
    }

    /** Starts serving; on an empty database, prints the one-time link that creates the administrator. */
    public Workspace start() {
        app = Javalin.create(this::configure).start(settings.host(), settings.port());
        auth.offerSetupLink(baseUrl(), settings.out());
        // the last line of starting: whoever waits for it has the setup link already
        settings.out().println("dvk: the workspace is at " + baseUrl() + " (" + database.location().shown() + ")");
        settings.out().flush();
        return this;
    }

    public int port() {
        return app.port();
    }

    public String baseUrl() {
        String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
        return "http://" + ("0.0.0.0".equals(host) ? "127.0.0.1" : host) + ":" + port();
    }

    /**
     * Stops taking requests (new ones are answered 503), waits up to {@link #DRAIN} for those in
     * flight, then stops the server. An upload still running past that is cut off, and its
     * transaction, never committed, leaves nothing behind.
     */
    public void stop() {
        draining = true;
        long deadline = System.nanoTime() + DRAIN.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (app != null) app.stop();
    }

    private void configure(JavalinConfig config) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        // what Javalin reads whole: url-encoded forms (uploads are streamed, see LimitedInputStream)
        config.http.maxRequestSize = FORM_LIMIT;
        config.jetty.multipartConfig.maxFileSize(settings.maxUploadBytes(), SizeUnit.BYTES);
        config.jetty.multipartConfig.maxTotalRequestSize(settings.maxUploadBytes() + (1 << 20), SizeUnit.BYTES);
        config.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
        config.requestLogger.http(this::logRequest);
        config.contextResolver.ip = ClientAddress::of;

        var routes = config.routes;
        routes.before(this::admit);
        routes.beforeMatched(guard::check);

        routes.get("/health", this::health, Access.PUBLIC);
        routes.get("/static/web.css", this::style, Access.PUBLIC);
        routes.get("/static/card.css", this::cardStyle, Access.PUBLIC);
        routes.get("/setup", auth::setupForm, Access.PUBLIC);
        routes.post("/setup", auth::setup, Access.PUBLIC);
        routes.get("/login", auth::loginForm, Access.PUBLIC);
        routes.post("/login", auth::login, Access.PUBLIC);
        routes.post("/logout", auth::logout, Access.SIGNED_IN);

        routes.get("/", ctx -> ctx.redirect(Routes.ROUNDS, HttpStatus.SEE_OTHER), Access.SIGNED_IN);
        routes.get(Routes.ROUNDS, rounds::list, Access.SIGNED_IN);
        routes.get("/rounds/new", rounds::newForm, Access.SECRETARY);
        routes.post(Routes.ROUNDS, rounds::create, Access.SECRETARY);
        routes.get("/rounds/{round}", rounds::latest, Access.SIGNED_IN);
        routes.post("/rounds/{round}/versions", rounds::addVersion, Access.SECRETARY);
        routes.get("/rounds/{round}/versions/{version}", rounds::show, Access.SIGNED_IN);
        routes.get("/rounds/{round}/versions/{version}/nominations/{position}", rounds::card, Access.SIGNED_IN);
        routes.get("/rounds/{round}/versions/{version}/report.html", rounds::report, Access.SIGNED_IN);
        routes.get("/rounds/{round}/versions/{version}/decisions.xlsx", rounds::xlsx, Access.SIGNED_IN);
        routes.get("/rounds/{round}/versions/{version}/decisions.json", rounds::json, Access.SIGNED_IN);
        routes.get("/rounds/{round}/versions/{version}/input", rounds::input, Access.SIGNED_IN);
        routes.post("/rounds/{round}/versions/{version}/verdicts", council::verdict, Access.SECRETARY);
        routes.post("/rounds/{round}/versions/{version}/issue", council::issue, Access.SECRETARY);
        routes.post("/rounds/{round}/revoke", council::revoke, Access.SECRETARY);
        routes.get("/rounds/{round}/versions/{version}/papers/{paper}", council::paper, Access.SIGNED_IN);
        routes.get(Routes.REGISTER, register::search, Access.SIGNED_IN);
        routes.get(Routes.REGISTER + ".xlsx", register::export, Access.SIGNED_IN);
        routes.post(Routes.REGISTER + "/import", register::importXlsx, Access.SECRETARY);
        routes.get(Routes.STATISTICS, register::statistics, Access.SIGNED_IN);

        routes.get("/users", admin::users, Access.ADMIN);
        routes.post("/users", admin::create, Access.ADMIN);
        routes.post("/users/{user}", admin::update, Access.ADMIN);
        routes.get("/audit", admin::audit, Access.ADMIN);

        routes.get("/account", account::show, Access.SIGNED_IN);
        routes.post("/account/password", account::changePassword, Access.SIGNED_IN);
        routes.post("/account/tokens", account::createToken, Access.SIGNED_IN);
        routes.post("/account/tokens/{token}/revoke", account::revokeToken, Access.SIGNED_IN);

        routes.get("/static/workbench/{asset}", workbench::asset, Access.PUBLIC);
        routes.get("/workbench", workbench::index, Access.SIGNED_IN);
        routes.post("/workbench/in-force", workbench::putInForce, Access.ADMIN);
        routes.get("/workbench/{set}", workbench::ruleSet, Access.SIGNED_IN);
        routes.get("/workbench/{set}/history", workbench::history, Access.SIGNED_IN);
        routes.post("/workbench/{set}/thresholds", workbench::threshold, Access.POLICY);
        routes.get("/workbench/{set}/draft", workbench::draft, Access.POLICY);
        routes.post("/workbench/{set}/draft/discard", workbench::discard, Access.POLICY);
        routes.post("/workbench/{set}/save", workbench::save, Access.POLICY);
        routes.get("/workbench/{set}/files/{file}", workbench::editor, Access.POLICY);
        routes.post("/workbench/{set}/files/{file}", workbench::keep, Access.POLICY);
        routes.post("/workbench/{set}/files/{file}/check", workbench::check, Access.POLICY);

        routes.get("/api/v1/openapi.json", api::openApi, Access.PUBLIC);
        routes.post("/api/v1/evaluations", api::evaluate, Access.SECRETARY, Access.POLICY);
        routes.get("/api/v1/rules", api::rules, Access.SIGNED_IN);
        routes.get("/api/v1/rounds", api::rounds, Access.SIGNED_IN);
        routes.post("/api/v1/rounds", api::createRound, Access.SECRETARY);
        routes.get("/api/v1/rounds/{round}", api::round, Access.SIGNED_IN);
        routes.post("/api/v1/rounds/{round}/versions", api::addVersion, Access.SECRETARY);
        routes.get("/api/v1/rounds/{round}/versions/{version}/decisions", api::decisions, Access.SIGNED_IN);
        routes.get("/api/v1/rounds/{round}/versions/{version}/decisions/{id}", api::decision, Access.SIGNED_IN);
        routes.get("/api/v1/rounds/{round}/versions/{version}/verdicts", registerApi::verdicts, Access.SIGNED_IN);
        routes.post("/api/v1/rounds/{round}/versions/{version}/verdicts", registerApi::verdict, Access.SECRETARY);
        routes.get("/api/v1/rounds/{round}/decision", registerApi::decision, Access.SIGNED_IN);
        routes.post("/api/v1/rounds/{round}/decision", registerApi::issue, Access.SECRETARY);
        routes.get("/api/v1/register", registerApi::search, Access.SIGNED_IN);
        routes.get("/api/v1/register/models/{code}", registerApi::model, Access.SIGNED_IN);

        routes.exception(Refusal.class, (e, ctx) -> responses.refuse(ctx, e));
        routes.exception(Exception.class, this::failed);
        routes.error(404, ctx -> {
            // a refusal already answered in full; Javalin's own "not found" is answered as any other
            String type = ctx.res().getContentType();
            if (type == null || !(type.startsWith("text/html") || type.startsWith("application/problem+json"))) {
                responses.refuse(ctx, Refusal.notFound());
            }
        });
        routes.error(405, ctx -> responses.refuse(ctx, new Refusal(405, "method-not-allowed", "web.error.notFound")));
    }

    /** Every request: refused while stopping; the language chosen; the headers that keep pages to this site. */
    private void admit(Context ctx) {
        if (draining) {
            ctx.header("Connection", "close");
            throw new Refusal(503, "stopping", "web.error.stopping");
        }
        inFlight.incrementAndGet();
        ctx.attribute("dvk.counted", Boolean.TRUE);
        Requests.chooseLanguage(ctx, guard.secure(ctx));
        ctx.header("Content-Security-Policy", "default-src 'self'; form-action 'self'; frame-ancestors 'self'; base-uri 'none'");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Cache-Control", "private, no-cache");
        long length = ctx.contentLength();
        if (length > settings.maxUploadBytes() + (1 << 20)) throw LimitedInputStream.tooLarge(settings.maxUploadBytes());
        if (length > FORM_LIMIT && !Requests.api(ctx) && urlEncoded(ctx)) {
            throw new Refusal(413, "too-large", "web.error.formTooLarge", FORM_LIMIT >> 10);
        }
    }

    private static boolean urlEncoded(Context ctx) {
        String type = ctx.contentType();
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    /** One line per request: when, from where, who, what, the answer and how long it took. Never the query: it may hold a token. */
    private void logRequest(Context ctx, Float milliseconds) {
        if (Boolean.TRUE.equals(ctx.attribute("dvk.counted"))) inFlight.decrementAndGet();
        Principal principal = Requests.principal(ctx);
        settings.requestLog().println(Instant.now(clock) + " " + ctx.ip() + " " + (principal == null ? "-" : principal.user().login())
                + " " + ctx.method() + " " + ctx.path() + " " + ctx.statusCode() + " " + Math.round(milliseconds) + " ms");
        settings.requestLog().flush();
    }

    private void failed(Exception e, Context ctx) {
        Throwable cause = e;
        while (cause != null) {
            String message = String.valueOf(cause.getMessage());
            if (message.contains("exceeds") && (message.contains("max") || message.contains("size"))) {
                responses.refuse(ctx, LimitedInputStream.tooLarge(settings.maxUploadBytes()));
                return;
            }
            if (cause instanceof Refusal refusal) {
                responses.refuse(ctx, refusal);
                return;
            }
            if (cause instanceof org.eclipse.jetty.http.HttpException http && http.getCode() >= 400 && http.getCode() < 500) {
                // a request Jetty could not read (a multipart form with a NUL in a file's name, a field over its limit): the sender's
                // mistake; the rest of its body cannot be read, so the connection ends with the answer, and says so
                ctx.header("Connection", "close");
                responses.refuse(ctx, Refusal.badRequest("web.error.badRequest"));
                return;
            }
            cause = cause.getCause();
        }
        settings.out().println("dvk: internal error on " + ctx.method() + " " + ctx.path() + ": " + e);
        e.printStackTrace(settings.out());
        settings.out().flush();
        responses.refuse(ctx, new Refusal(500, "internal", "web.error.internal"));
    }

    private void health(Context ctx) throws IOException {
        boolean up = database.answers();
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("status", up ? "ok" : "down");
        health.put("database", up ? "ok" : "down");
        Api.json(ctx, up ? 200 : 503, health);
    }

    /** The report's card style (its colours and the card), for the card page, which draws the report's card. */
    private void cardStyle(Context ctx) {
        ctx.header("Cache-Control", "public, max-age=3600");
        ctx.contentType("text/css; charset=utf-8");
        ctx.result(dvk.report.Assets.text("card.css"));
    }

    private void style(Context ctx) throws IOException {
        try (InputStream css = Workspace.class.getResourceAsStream("/dvk/web/web.css")) {
            ctx.header("Cache-Control", "public, max-age=3600");
            ctx.contentType("text/css; charset=utf-8");
            ctx.result(css.readAllBytes());
        }
    }
}
