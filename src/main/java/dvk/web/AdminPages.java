package dvk.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dvk.store.Actor;
import dvk.store.AuditLog;
import dvk.store.Role;
import dvk.store.Store;
import dvk.store.User;
import dvk.store.Users;
import dvk.web.view.AuditPage;
import dvk.web.view.UsersPage;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The administrator's pages: accounts and their roles, and the audit log. */
final class AdminPages {
    private static final int AUDIT_PAGE = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Store store;
    private final Templates templates;
    private final Clock clock;

    AdminPages(Store store, Templates templates, Clock clock) {
        this.store = store;
        this.templates = templates;
        this.clock = clock;
    }

    void users(Context ctx) {
        showUsers(ctx, messageOf(ctx));
    }

    private void showUsers(Context ctx, String message) {
        List<User> users = store.read(tx -> tx.users().all());
        List<UsersPage.Item> items = users.stream().map(u -> new UsersPage.Item(u.id(), u.login(), u.displayName(),
                u.roles().stream().map(Enum::name).sorted().toList(), u.active(), u.createdAt())).toList();
        var frame = Requests.frame(ctx, Requests.words(ctx).text("web.users.title"), "users", null);
        ctx.html(templates.render("users", Requests.page(frame,
                new UsersPage(items, Arrays.stream(Role.values()).map(Enum::name).toList(), message))));
    }

    void create(Context ctx) {
        String login = Users.normalLogin(ctx.formParam("login"));
        String displayName = ctx.formParam("displayName") == null ? "" : ctx.formParam("displayName").strip();
        String password = ctx.formParam("password");
        Set<Role> roles = roles(ctx);
        String refusal = AuthPages.loginRefusal(login, displayName);
        if (refusal == null) refusal = Passwords.refusal(password, password, login);
        if (refusal == null && store.read(tx -> tx.users().loginTaken(login))) refusal = "web.user.loginTaken";
        if (refusal != null) {
            ctx.status(422);
            showUsers(ctx, Requests.words(ctx).text(refusal));
            return;
        }
        String hash = Passwords.hash(password);
        Actor actor = Actor.of(Requests.signedIn(ctx).user(), ctx.ip());
        Instant now = clock.instant();
        try {
            store.transaction(tx -> {
                User created = tx.users().create(login, displayName, hash, roles, now);
                tx.audit().record(actor, now, "user.create", "user:" + created.id(), null, AuthPages.describe(created));
                return created;
            });
        } catch (RuntimeException e) {
            // the same login created at the same moment by another request: the database's unique login refused this one
            if (!store.read(tx -> tx.users().loginTaken(login))) throw e;
            ctx.status(422);
            showUsers(ctx, Requests.words(ctx).text("web.user.loginTaken"));
            return;
        }
        ctx.redirect("/users?done=created", HttpStatus.SEE_OTHER);
    }

    /** Roles, active or not, and a new password, in one form; the last active administrator stays one. */
    void update(Context ctx) {
        long id = Ids.number(ctx.pathParam("user"));
        Set<Role> roles = roles(ctx);
        boolean active = "true".equals(ctx.formParam("active"));
        String password = ctx.formParam("password");
        boolean newPassword = password != null && !password.isEmpty();
        if (newPassword) {
            String refusal = Passwords.refusal(password, password, null);
            if (refusal != null) {
                ctx.status(422);
                showUsers(ctx, Requests.words(ctx).text(refusal));
                return;
            }
        }
        String hash = newPassword ? Passwords.hash(password) : null;
        Actor actor = Actor.of(Requests.signedIn(ctx).user(), ctx.ip());
        Instant now = clock.instant();
        String outcome = store.transaction(tx -> {
            tx.users().lockAdministrators();
            User before = tx.users().byId(id).orElseThrow(Refusal::notFound);
            tx.users().setRoles(id, roles);
            tx.users().setActive(id, active);
            if (hash != null) tx.users().setPasswordHash(id, hash);
            if (tx.users().activeAdmins() == 0) {
                throw new Refusal(409, "last-admin", "web.users.lastAdmin");
            }
            if (!active || hash != null) tx.sessions().deleteForUser(id);
            User after = tx.users().byId(id).orElseThrow();
            tx.audit().record(actor, now, "user.update", "user:" + id, AuthPages.describe(before),
                    hash == null ? AuthPages.describe(after) : withPasswordReset(after));
            return "saved";
        });
        ctx.redirect("/users?done=" + outcome, HttpStatus.SEE_OTHER);
    }

    private static String withPasswordReset(User after) throws JsonProcessingException {
        var node = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(AuthPages.describe(after));
        node.put("password", "reset");
        return JSON.writeValueAsString(node);
    }

    void audit(Context ctx) {
        int page = Math.min(1_000_000, Math.max(0, Ids.numberOr(ctx.queryParam("page"), 0)));
        List<AuditLog.Entry> entries = store.read(tx -> tx.audit().newest(page * AUDIT_PAGE, AUDIT_PAGE + 1));
        boolean more = entries.size() > AUDIT_PAGE;
        List<AuditPage.Entry> shown = entries.stream().limit(AUDIT_PAGE).map(e -> new AuditPage.Entry(e.at(), e.actor(),
                e.action(), e.subject(), e.before(), e.after(), e.ip())).toList();
        var frame = Requests.frame(ctx, Requests.words(ctx).text("web.audit.title"), "audit", null);
        ctx.html(templates.render("audit", Requests.page(frame, new AuditPage(shown,
                page > 0 ? "/audit?page=" + (page - 1) : null, more ? "/audit?page=" + (page + 1) : null))));
    }

    private static Set<Role> roles(Context ctx) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : ctx.formParams("roles")) {
            try {
                roles.add(Role.valueOf(role));
            } catch (IllegalArgumentException e) {
                throw Refusal.badRequest("web.error.badRequest");
            }
        }
        return roles;
    }

    private static String messageOf(Context ctx) {
        String done = ctx.queryParam("done");
        if ("created".equals(done)) return Requests.words(ctx).text("web.users.created");
        if ("saved".equals(done)) return Requests.words(ctx).text("web.users.saved");
        return null;
    }
}
