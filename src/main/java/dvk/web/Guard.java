package dvk.web;

import dvk.store.Sessions;
import dvk.store.Store;
import dvk.store.User;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HandlerType;
import io.javalin.http.SameSite;
import io.javalin.security.RouteRole;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The one place where requests are let through or refused, before any handler runs: who is asking
 * (a session cookie, or an API token), whether the route's declared access admits them, and whether
 * a form that changes something carries the token of the page it came from.
 */
final class Guard {
    static final String SESSION_COOKIE = "dvk_session";
    /** Before signing in there is no session: forms carry this cookie's value instead (double submit). */
    static final String FORM_COOKIE = "dvk_form";
    static final String CSRF_FIELD = "_csrf";
    static final String CSRF_HEADER = "X-CSRF-Token";
    /** A session ends after this long unused, and in any case this long after signing in. */
    static final Duration IDLE = Duration.ofHours(4);
    static final Duration LONGEST = Duration.ofHours(12);
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final Store store;
    private final Clock clock;
    private final boolean secureCookies;

    Guard(Store store, Clock clock, boolean secureCookies) {
        this.store = store;
        this.clock = clock;
        this.secureCookies = secureCookies;
    }

    /** Runs before every matched route. */
    void check(Context ctx) {
        Set<RouteRole> access = ctx.routeRoles();
        Principal principal = authenticate(ctx);
        if (principal != null) Requests.principal(ctx, principal);
        if (access.isEmpty()) throw new Refusal(403, "forbidden", "web.error.forbidden");
        if (access.contains(Access.PUBLIC)) {
            if (changes(ctx)) {
                // before signing in nothing is sent but a small form: a larger body (a multipart one, spooled to disk) is not read
                long length = ctx.contentLength();
                if (length > Workspace.FORM_LIMIT || length < 0) {
                    throw new Refusal(413, "too-large", "web.error.formTooLarge", Workspace.FORM_LIMIT >> 10);
                }
                checkFormToken(ctx, principal);
            }
            return;
        }
        if (principal == null) throw new Refusal(401, "unauthorized", "web.error.signIn");
        User user = principal.user();
        if (access.stream().noneMatch(a -> ((Access) a).allows(user))) {
            throw new Refusal(403, "forbidden", "web.error.forbidden");
        }
        if (changes(ctx) && !principal.viaToken()) checkFormToken(ctx, principal);
    }

    private Principal authenticate(Context ctx) {
        String authorization = ctx.header("Authorization");
        Instant now = clock.instant();
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw new Refusal(401, "unauthorized", "web.error.badToken");
            }
            String hash = Secrets.hash(authorization.substring(7).strip());
            Optional<User> user = store.transaction(tx -> tx.apiTokens().user(hash, now));
            return new Principal(user.orElseThrow(() -> new Refusal(401, "unauthorized", "web.error.badToken")), null, null);
        }
        String cookie = ctx.cookie(SESSION_COOKIE);
        if (cookie == null || cookie.isBlank()) return null;
        String hash = Secrets.hash(cookie);
        Optional<Sessions.Session> found = store.read(tx -> tx.sessions().find(hash, now));
        if (found.isEmpty()) return null;
        Sessions.Session session = found.get();
        if (session.seenAt().plus(TOUCH_EVERY).isBefore(now)) {
            Instant ends = earlier(now.plus(IDLE), session.createdAt().plus(LONGEST));
            store.transaction(tx -> {
                tx.sessions().touch(hash, now, ends);
                return null;
            });
        }
        return new Principal(session.user(), hash, session.csrfToken());
    }

    /**
     * Opens a session for a person who has just signed in with the password whose hash was
     * {@code checkedHash}; any session the browser had ends. False, and no session, when the account
     * was given another password or deactivated since the check: a session opened from the old
     * password while an administrator resets it would outlive the reset.
     */
    boolean signIn(Context ctx, User user, String checkedHash) {
        String token = Secrets.token();
        String csrf = Secrets.token();
        Instant now = clock.instant();
        String previous = ctx.cookie(SESSION_COOKIE);
        boolean opened = store.transaction(tx -> {
            if (!tx.users().lockedPasswordHash(user.id()).filter(checkedHash::equals).isPresent()) return false;
            if (previous != null) tx.sessions().delete(Secrets.hash(previous));
            tx.sessions().deleteExpired(now);
            tx.sessions().create(Secrets.hash(token), user.id(), csrf, now, earlier(now.plus(IDLE), now.plus(LONGEST)));
            return true;
        });
        if (!opened) return false;
        ctx.cookie(cookie(ctx, SESSION_COOKIE, token, -1));
        Requests.principal(ctx, new Principal(user, Secrets.hash(token), csrf));
        return true;
    }

    void signOut(Context ctx) {
        Principal principal = Requests.principal(ctx);
        if (principal != null && principal.sessionHash() != null) {
            store.transaction(tx -> {
                tx.sessions().delete(principal.sessionHash());
                return null;
            });
        }
        ctx.cookie(cookie(ctx, SESSION_COOKIE, "", 0));
    }

    /** The form token of a page shown before signing in, from its cookie (made when missing). */
    String formToken(Context ctx) {
        String token = ctx.attribute("dvk.formToken");
        if (token != null) return token;
        token = ctx.cookie(FORM_COOKIE);
        if (token == null || token.length() < 40) {
            token = Secrets.token();
            ctx.cookie(cookie(ctx, FORM_COOKIE, token, -1));
        }
        ctx.attribute("dvk.formToken", token);
        return token;
    }

    private void checkFormToken(Context ctx, Principal principal) {
        String sent = ctx.header(CSRF_HEADER);
        if (sent == null) sent = ctx.formParam(CSRF_FIELD);
        String expected = principal != null && principal.csrf() != null ? principal.csrf() : ctx.cookie(FORM_COOKIE);
        if (!Secrets.same(sent, expected)) throw new Refusal(403, "csrf", "web.error.csrf");
    }

    private static boolean changes(Context ctx) {
        HandlerType method = ctx.method();
        return method != HandlerType.GET && method != HandlerType.HEAD && method != HandlerType.OPTIONS;
    }

    /** HttpOnly, SameSite=Strict, and Secure when served over TLS (or told that a proxy in front does TLS). */
    Cookie cookie(Context ctx, String name, String value, int maxAge) {
        return new Cookie(name, value, "/", maxAge, secure(ctx), true, null, SameSite.STRICT);
    }

    boolean secure(Context ctx) {
        return secureCookies || "https".equals(ctx.scheme());
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
