package dvk.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dvk.report.Words;
import dvk.web.view.ProblemPage;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/** Refusals answered: a page in the reader's language, or for the API {@code application/problem+json} (RFC 9457). */
final class Responses {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Templates templates;
    private final Guard guard;

    Responses(Templates templates, Guard guard) {
        this.templates = templates;
        this.guard = guard;
    }

    void refuse(Context ctx, Refusal refusal) {
        discardBody(ctx);
        if (Requests.api(ctx)) {
            problem(ctx, refusal);
            return;
        }
        // a browser is sent to sign in; a program that sent a token the guard refused is told so (else /login refuses it again, and again)
        if (refusal.status == 401 && ctx.method() == io.javalin.http.HandlerType.GET && ctx.header("Authorization") == null) {
            String wanted = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
            ctx.redirect("/login?next=" + Requests.encode(wanted), HttpStatus.SEE_OTHER);
            return;
        }
        Words words = Requests.words(ctx);
        ctx.status(refusal.status);
        String back = refusal.status == 401 ? "/login" : ctx.header("Referer") != null && sameSite(ctx) ? ctx.header("Referer") : "/rounds";
        ProblemPage page = new ProblemPage(refusal.status, words.text(refusal.key, refusal.arguments), refusal.details, back);
        ctx.html(templates.render("problem", Requests.page(Requests.frame(ctx, page.title(), "", guard.formToken(ctx)), page)));
    }

    /** What a refused request may still send is read and dropped, so that the sender hears the answer. */
    private static final long DISCARDED_AT_MOST = 256L << 20;

    /**
     * Reads and drops what is left of a refused request's body (up to {@link #DISCARDED_AT_MOST}):
     * a client still sending when the server answers (a 413 on the declared length, a 403 before the
     * upload is read) and closes sees the connection reset, not the answer that says why. The
     * connection is closed after the answer. A request without a body is left alone.
     */
    private static void discardBody(Context ctx) {
        boolean hasBody = ctx.contentLength() > 0 || ctx.header("Transfer-Encoding") != null;
        if (!hasBody) return;
        ctx.header("Connection", "close");
        try (java.io.InputStream body = ctx.req().getInputStream()) {
            byte[] buffer = new byte[64 * 1024];
            long read = 0;
            for (int n; read < DISCARDED_AT_MOST && (n = body.read(buffer)) > 0; ) read += n;
        } catch (java.io.IOException | IllegalStateException e) {
            // the body was read already, or the client went away: nothing left to drop
        }
    }

    /** Only a page of this site is offered as the way back. */
    private static boolean sameSite(Context ctx) {
        String referer = ctx.header("Referer");
        String host = ctx.header("Host");
        return host != null && (referer.startsWith("http://" + host + "/") || referer.startsWith("https://" + host + "/"));
    }

    static void problem(Context ctx, Refusal refusal) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", HttpStatus.forStatus(refusal.status).getMessage());
        problem.put("status", refusal.status);
        problem.put("code", refusal.code);
        problem.put("detail", Words.english().text(refusal.key, refusal.arguments));
        if (!refusal.details.isEmpty()) problem.put("errors", refusal.details);
        problem.put("instance", ctx.path());
        if (refusal.status == 401) ctx.header("WWW-Authenticate", "Bearer realm=\"dvk\"");
        ctx.status(refusal.status);
        ctx.contentType("application/problem+json");
        try {
            ctx.result(JSON.writeValueAsBytes(problem));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
