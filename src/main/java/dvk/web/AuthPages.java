package dvk.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dvk.store.Actor;
import dvk.store.Role;
import dvk.store.Store;
import dvk.store.User;
import dvk.store.Users;
import dvk.web.view.LoginPage;
import dvk.web.view.SetupPage;
import io.javalin.http.Context;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Signing in and out, and the one-time link that creates the first administrator. */
final class AuthPages {
    /** How long the setup link printed on the first start works. */
    static final Duration SETUP_LINK_LIFETIME = Duration.ofHours(1);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Store store;
    private final Guard guard;
    private final Templates templates;
    private final LoginThrottle throttle;
    private final Clock clock;

    AuthPages(Store store, Guard guard, Templates templates, LoginThrottle throttle, Clock clock) {
        this.store = store;
        this.guard = guard;
        this.templates = templates;
        this.throttle = throttle;
        this.clock = clock;
    }

    /**
     * On a start with nobody's account yet: a new one-time link, printed once. Its token is random,
     * kept only as a hash, replaces any earlier link, and works for {@link #SETUP_LINK_LIFETIME}.
     * Nothing is printed once an account exists: there is no default password.
     */
    void offerSetupLink(String baseUrl, PrintWriter out) {
        String token = Secrets.token();
        Instant now = clock.instant();
        boolean offered = store.transaction(tx -> {
            if (tx.users().count() > 0) return false;
            tx.setupLinks().replace(Secrets.hash(token), now, now.plus(SETUP_LINK_LIFETIME));
            return true;
        });
        if (offered) {
            out.println("dvk: nobody has an account yet. Open this link within " + SETUP_LINK_LIFETIME.toMinutes()
                    + " minutes to create the administrator (it is shown once; restart dvk serve for a new one):");
            out.println("dvk:   " + baseUrl + "/setup?token=" + token);
            out.flush();
        }
    }

    void setupForm(Context ctx) {
        String token = ctx.queryParam("token");
        boolean valid = token != null && store.read(tx -> tx.users().count() == 0 && tx.setupLinks().valid(Secrets.hash(token), clock.instant()));
        ctx.status(valid ? 200 : 404);
        render(ctx, "setup", "web.setup.title", new SetupPage(valid ? token : "", valid, "", "", null));
    }

    void setup(Context ctx) {
        String token = orEmpty(ctx.formParam("token"));
        String login = Users.normalLogin(ctx.formParam("login"));
        String displayName = orEmpty(ctx.formParam("displayName")).strip();
        String password = ctx.formParam("password");
        String refusal = loginRefusal(login, displayName);
        if (refusal == null) refusal = Passwords.refusal(password, ctx.formParam("repeated"), login);
        if (refusal != null) {
            ctx.status(422);
            render(ctx, "setup", "web.setup.title", new SetupPage(token, true, login, displayName, refusal));
            return;
        }
        String hash = Passwords.hash(password);
        Instant now = clock.instant();
        Optional<User> admin = store.transaction(tx -> {
            if (tx.users().count() > 0 || !tx.setupLinks().consume(Secrets.hash(token), now)) return Optional.<User>empty();
            User created = tx.users().create(login, displayName, hash, Set.of(Role.ADMIN), now);
            tx.audit().record(Actor.setup(ctx.ip()), now, "user.create", "user:" + created.id(), null, describe(created));
            return Optional.of(created);
        });
        if (admin.isEmpty()) {
            ctx.status(404);
            render(ctx, "setup", "web.setup.title", new SetupPage("", false, "", "", null));
            return;
        }
        guard.signIn(ctx, admin.get(), hash);
        ctx.redirect("/users", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    void loginForm(Context ctx) {
        if (Requests.principal(ctx) != null) {
            ctx.redirect(safeNext(ctx.queryParam("next")), io.javalin.http.HttpStatus.SEE_OTHER);
            return;
        }
        render(ctx, "login", "web.login.title", new LoginPage(safeNext(ctx.queryParam("next")), "", null));
    }

    void login(Context ctx) {
        String login = Users.normalLogin(ctx.formParam("login"));
        String password = orEmpty(ctx.formParam("password"));
        String next = safeNext(ctx.formParam("next"));
        Duration wait = throttle.wait(login, ctx.ip());
        if (!wait.isZero()) {
            ctx.header("Retry-After", String.valueOf(Math.max(1, wait.toSeconds())));
            ctx.status(429);
            render(ctx, "login", "web.login.title", new LoginPage(next, shortened(login, 64), "web.login.throttled"));
            return;
        }
        Optional<Users.Credentials> credentials = store.read(tx -> tx.users().credentials(login));
        boolean matches;
        if (credentials.isPresent()) {
            matches = Passwords.matches(password, credentials.get().passwordHash()) && credentials.get().user().active();
        } else {
            Passwords.spendTheTimeOfACheck(password);
            matches = false;
        }
        // the session is opened only if the password checked is still the account's (not reset meanwhile)
        if (matches && !guard.signIn(ctx, credentials.get().user(), credentials.get().passwordHash())) matches = false;
        if (!matches) {
            throttle.failed(login, ctx.ip());
            store.transaction(tx -> {
                String tried = login.isEmpty() ? "?" : shortened(login, 60);
                tx.audit().record(new Actor(credentials.map(c -> c.user().id()).orElse(null), tried, ctx.ip()), clock.instant(),
                        "session.refused", "login:" + tried, null, null);
                return null;
            });
            ctx.status(401);
            render(ctx, "login", "web.login.title", new LoginPage(next, shortened(login, 64), "web.login.failed"));
            return;
        }
        throttle.succeeded(login);
        User user = credentials.get().user();
        store.transaction(tx -> {
            tx.audit().record(Actor.of(user, ctx.ip()), clock.instant(), "session.open", "user:" + user.id(), null, null);
            return null;
        });
        ctx.redirect(next, io.javalin.http.HttpStatus.SEE_OTHER);
    }

    void logout(Context ctx) {
        guard.signOut(ctx);
        ctx.redirect("/login", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    /** Where to go after signing in: a path of this site only, never another site's address. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
                || next.chars().anyMatch(c -> c < 0x20)) {
            return "/rounds";
        }
        return next;
    }

    /** Why a new login or name is refused, as a key of the words; null when both may be used. */
    static String loginRefusal(String login, String displayName) {
        if (!login.matches("[a-z0-9][a-z0-9._-]{1,63}")) return "web.user.loginRule";
        if (displayName.isEmpty() || displayName.length() > 200) return "web.user.nameRule";
        return null;
    }

    static String describe(User user) {
        try {
            return JSON.writeValueAsString(Map.of("login", user.login(), "displayName", user.displayName(),
                    "roles", user.roles().stream().map(Enum::name).sorted().toList(), "active", user.active()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void render(Context ctx, String template, String titleKey, Object page) {
        var words = Requests.words(ctx);
        ctx.html(templates.render(template, Requests.page(Requests.frame(ctx, words.text(titleKey), "", guard.formToken(ctx)), page)));
    }

    /** At most {@code length} characters, for the audit log's columns: a login typed can be anything. */
    static String shortened(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
