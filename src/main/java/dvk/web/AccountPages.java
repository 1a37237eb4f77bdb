package dvk.web;

import dvk.store.Actor;
import dvk.store.ApiTokens;
import dvk.store.Store;
import dvk.store.User;
import dvk.web.view.AccountPage;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One's own account: the password, and API tokens for the province's other systems. */
final class AccountPages {
    /** API tokens start with this, so that one found in a log or a file is recognised. */
    static final String TOKEN_PREFIX = "dvk_";

    private final Store store;
    private final Templates templates;
    private final LoginThrottle throttle;
    private final Clock clock;

    AccountPages(Store store, Templates templates, LoginThrottle throttle, Clock clock) {
        this.store = store;
        this.templates = templates;
        this.throttle = throttle;
        this.clock = clock;
    }

    void show(Context ctx) {
        String done = ctx.queryParam("done");
        show(ctx, "password".equals(done) ? "web.password.changed" : "revoked".equals(done) ? "web.token.revokedDone" : null, null);
    }

    private void show(Context ctx, String message, String newToken) {
        User user = Requests.signedIn(ctx).user();
        List<ApiTokens.Token> tokens = store.read(tx -> tx.apiTokens().of(user.id()));
        var frame = Requests.frame(ctx, Requests.words(ctx).text("web.nav.account"), "account", null);
        ctx.header("Cache-Control", "no-store");
        ctx.html(templates.render("account", Requests.page(frame, new AccountPage(user.login(), user.displayName(),
                user.roles().stream().map(Enum::name).sorted().toList(),
                tokens.stream().map(t -> new AccountPage.Token(t.id(), t.name(), t.shown(), t.createdAt(), t.lastUsedAt(), t.revoked())).toList(),
                newToken, message))));
    }

    void changePassword(Context ctx) {
        Principal principal = Requests.signedIn(ctx);
        User user = principal.user();
        String current = ctx.formParam("current");
        String password = ctx.formParam("password");
        // the current password is guessed here as on the sign-in page (with a session or an API token): counted the same way
        java.time.Duration wait = throttle.wait(user.login(), ctx.ip());
        if (!wait.isZero()) {
            ctx.header("Retry-After", String.valueOf(Math.max(1, wait.toSeconds())));
            ctx.status(429);
            show(ctx, "web.password.throttled", null);
            return;
        }
        String hash = store.read(tx -> tx.users().credentials(user.login())).orElseThrow().passwordHash();
        boolean right = Passwords.matches(current, hash);
        if (!right) throttle.failed(user.login(), ctx.ip());
        String refusal = right ? Passwords.refusal(password, ctx.formParam("repeated"), user.login()) : "web.password.wrong";
        if (refusal != null) {
            ctx.status(422);
            show(ctx, refusal, null);
            return;
        }
        String newHash = Passwords.hash(password);
        Instant now = clock.instant();
        store.transaction(tx -> {
            tx.users().setPasswordHash(user.id(), newHash);
            // every session of this person ends, this one too: they sign in again with the new password
            tx.sessions().deleteForUser(user.id());
            tx.audit().record(Actor.of(user, ctx.ip()), now, "user.password", "user:" + user.id(), null, null);
            return null;
        });
        ctx.redirect("/login?next=/account", HttpStatus.SEE_OTHER);
    }

    void createToken(Context ctx) {
        User user = Requests.signedIn(ctx).user();
        String name = ctx.formParam("name") == null ? "" : ctx.formParam("name").strip();
        if (name.isEmpty() || name.length() > 200) throw Refusal.badRequest("web.token.nameRule");
        String token = TOKEN_PREFIX + Secrets.token();
        Instant now = clock.instant();
        store.transaction(tx -> {
            ApiTokens.Token created = tx.apiTokens().create(user.id(), name, Secrets.hash(token), token.substring(0, 8), now);
            tx.audit().record(Actor.of(user, ctx.ip()), now, "token.create", "token:" + created.id(), null,
                    new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(Map.of("name", name, "user", user.login())));
            return created;
        });
        // shown once, on this answer only: the database keeps its hash
        show(ctx, "web.token.created", token);
    }

    void revokeToken(Context ctx) {
        User user = Requests.signedIn(ctx).user();
        long id = Ids.number(ctx.pathParam("token"));
        Instant now = clock.instant();
        boolean revoked = store.transaction(tx -> {
            boolean done = tx.apiTokens().revoke(id, user.id(), now);
            if (done) tx.audit().record(Actor.of(user, ctx.ip()), now, "token.revoke", "token:" + id, null, null);
            return done;
        });
        if (!revoked) throw Refusal.notFound();
        ctx.redirect("/account?done=revoked", HttpStatus.SEE_OTHER);
    }
}
