package dvk.web;

import dvk.engine.RuleLibrary;
import dvk.engine.RulesException;
import dvk.store.Database;
import dvk.store.Role;
import dvk.store.Store;
import dvk.store.User;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A workspace on a database of its own, on a free port, with people to sign in as. */
final class TestWorkspace implements AutoCloseable {
    static final String PASSWORD = "a long password 1";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    final Database database;
    final Store store;
    final Workspace workspace;
    final StringWriter out = new StringWriter();
    final StringWriter log = new StringWriter();
    final String base;

    TestWorkspace(Database database, long maxUploadBytes, boolean secureCookies) {
        this(database, rules(), maxUploadBytes, secureCookies);
    }

    TestWorkspace(Database database, RuleLibrary rules, long maxUploadBytes, boolean secureCookies) {
        this.database = database;
        this.store = new Store(database);
        Workspace.Settings settings = new Workspace.Settings("127.0.0.1", 0, rules, Duration.ofSeconds(10), maxUploadBytes,
                secureCookies, 2, new PrintWriter(out, true), new PrintWriter(log, true));
        this.workspace = new Workspace(settings, database, Clock.systemUTC()).start();
        this.base = workspace.baseUrl();
    }

    TestWorkspace(Database database) {
        this(database, 8L << 20, false);
    }

    static RuleLibrary rules() {
        try {
            return RuleLibrary.open(Path.of("rules"));
        } catch (RulesException e) {
            throw new AssertionError(e);
        }
    }

    /** A person with these roles and {@link #PASSWORD}, made in the database. */
    User person(String login, Role... roles) {
        String hash = Passwords.hash(PASSWORD);
        return store.transaction(tx -> tx.users().create(login, "Người " + login, hash, Set.of(roles), Instant.now()));
    }

    Browser browser() {
        return new Browser(base);
    }

    /** Signed in as someone new with these roles. */
    Browser signedIn(String login, Role... roles) throws Exception {
        person(login, roles);
        return browser().signIn(login, PASSWORD);
    }

    @Override
    public void close() {
        workspace.stop();
        database.close();
    }

    /** A person's browser: cookies, and the form token of the last page that had one. */
    static final class Browser {
        final String base;
        final CookieManager cookies = new CookieManager();
        final HttpClient http;
        String csrf;

        Browser(String base) {
            this.base = base;
            this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        }

        Browser signIn(String login, String password) throws Exception {
            HttpResponse<String> answer = post("/login", form("_csrf", formToken("/login"), "login", login, "password", password, "next", "/rounds"));
            if (answer.statusCode() != 303) throw new AssertionError("sign-in of " + login + ": " + answer.statusCode() + " " + answer.body());
            formToken("/account");
            return this;
        }

        /** The form token of a page, remembered for the next posts. */
        String formToken(String page) throws Exception {
            HttpResponse<String> answer = get(page);
            Matcher m = CSRF.matcher(answer.body());
            if (!m.find()) throw new AssertionError("no form on " + page + ": " + answer.statusCode());
            csrf = m.group(1);
            return csrf;
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<byte[]> getBytes(String path) throws Exception {
            return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        }

        HttpResponse<String> post(String path, String urlEncoded) throws Exception {
            return http.send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(urlEncoded)).build(), HttpResponse.BodyHandlers.ofString());
        }

        /** A form with the page's token; {@code fields} alternate names and values. */
        HttpResponse<String> submit(String path, String... fields) throws Exception {
            String[] all = Arrays.copyOf(fields, fields.length + 2);
            all[fields.length] = "_csrf";
            all[fields.length + 1] = csrf;
            return post(path, form(all));
        }

        /** A multipart form with a file, as the upload forms send it. */
        HttpResponse<String> upload(String path, Map<String, String> fields, String fileName, byte[] file) throws Exception {
            String boundary = "----dvk" + System.nanoTime();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            Map<String, String> all = new LinkedHashMap<>(fields);
            all.putIfAbsent("_csrf", csrf);
            for (Map.Entry<String, String> f : all.entrySet()) {
                if (f.getValue() == null) continue;
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n" + f.getValue()
                        + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(file);
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return http.send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpCookie cookie(String name) {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).findFirst().orElse(null);
        }

        HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path)).timeout(Duration.ofMinutes(2));
        }
    }

    static String form(String... fields) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < fields.length; i += 2) {
            if (body.length() > 0) body.append('&');
            body.append(Requests.encode(fields[i])).append('=').append(Requests.encode(fields[i + 1] == null ? "" : fields[i + 1]));
        }
        return body.toString();
    }

    static HttpResponse<String> api(String base, String method, String path, String token, String contentType, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(2));
        if (token != null) request.header("Authorization", "Bearer " + token);
        if (contentType != null) request.header("Content-Type", contentType);
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
