package dvk.web;

import dvk.report.Words;
import dvk.web.view.Frame;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** What handlers read of a request beside its parameters: who, in which language, and the frame of its page. */
final class Requests {
    static final String LANG_COOKIE = "dvk_lang";
    private static final String PRINCIPAL = "dvk.principal";
    private static final String LANG = "dvk.lang";

    private Requests() {}

    /** {@code ?lang=en} or {@code ?lang=vi} chooses the language and a cookie remembers it; Vietnamese by default. */
    static void chooseLanguage(Context ctx, boolean secure) {
        String asked = ctx.queryParam("lang");
        String lang;
        if ("en".equals(asked) || "vi".equals(asked)) {
            lang = asked;
            ctx.cookie(new Cookie(LANG_COOKIE, lang, "/", 365 * 24 * 3600, secure, true, null, SameSite.STRICT));
        } else {
            lang = "en".equals(ctx.cookie(LANG_COOKIE)) ? "en" : "vi";
        }
        ctx.attribute(LANG, lang);
    }

    static Words words(Context ctx) {
        return Words.of(ctx.attribute(LANG));
    }

    static void principal(Context ctx, Principal principal) {
        ctx.attribute(PRINCIPAL, principal);
    }

    /** The person signed in; null on a public page visited without signing in. */
    static Principal principal(Context ctx) {
        return ctx.attribute(PRINCIPAL);
    }

    /** The person signed in, on a route the guard let through only for them. */
    static Principal signedIn(Context ctx) {
        Principal principal = principal(ctx);
        if (principal == null) throw new IllegalStateException("route without a signed-in person: " + ctx.path());
        return principal;
    }

    static boolean api(Context ctx) {
        return ctx.path().startsWith("/api/");
    }

    /** The frame of a page; {@code formToken} is what its forms carry (the session's, or the pre-sign-in cookie's). */
    static Frame frame(Context ctx, String title, String section, String formToken) {
        Principal p = principal(ctx);
        Words words = words(ctx);
        String path = here(ctx.path());
        return new Frame(words, title, section, p == null ? null : p.user().displayName(), p == null ? null : p.user().login(),
                p != null && p.user().has(dvk.store.Role.ADMIN), p != null && p.user().has(dvk.store.Role.SECRETARY),
                p != null && p.csrf() != null ? p.csrf() : formToken,
                path + "?lang=vi", path + "?lang=en");
    }

    /**
     * The page's own path, for links back to it: one leading slash, whatever was asked. A request for
     * {@code //evil.example/x} gets a page (not found) whose links stay on this site, not
     * {@code //evil.example/x?lang=en}, which a browser reads as another site's address.
     */
    static String here(String path) {
        return "/" + path.replaceFirst("^[/\\\\]+", "");
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static Map<String, Object> page(Frame frame, Object page) {
        return Map.of("frame", frame, "page", page);
    }
}
