package dvk.web;

import static org.assertj.core.api.Assertions.assertThat;

import dvk.store.Database;
import dvk.store.Role;
import dvk.store.TestDatabases;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The workspace as a hostile person tries it: each test is an attack that once worked (or did
 * harm), and what the workspace does now. One workspace on an H2 file for the class.
 */
class WorkspaceAttackTest {
    private static TestWorkspace server;

    @BeforeAll
    static void start() {
        server = new TestWorkspace(TestDatabases.migrated(Database.Kind.H2), 2L << 20, false);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A clock the test moves. */
    private static final class MovingClock extends Clock {
        Instant now = Instant.parse("2026-11-30T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void whatAGuesserTypesAsALoginIsNotKeptWholeNorForever() {
        MovingClock clock = new MovingClock();
        LoginThrottle throttle = new LoginThrottle(clock);
        String huge = "a".repeat(1 << 20);
        for (int i = 0; i < LoginThrottle.PER_ACCOUNT; i++) throttle.failed(huge + i, "10.0.0." + i);
        assertThat(throttle.wait("a".repeat(LoginThrottle.LOGIN_KEPT + 7), "10.0.0.99"))
                .as("a login longer than any account's is counted by its start").isPositive();
        assertThat(throttle.size()).isEqualTo(1 + LoginThrottle.PER_ACCOUNT);

        clock.now = clock.now.plus(LoginThrottle.WINDOW).plusSeconds(61);
        throttle.failed("someone", "10.0.1.1");
        assertThat(throttle.size()).as("the failures that left the window are forgotten with their keys").isEqualTo(2);
        assertThat(throttle.wait("someone", "10.0.1.1")).isZero();
    }

    @Test
    void aHugeFormIsRefusedBeforeItIsRead() throws Exception {
        TestWorkspace.Browser stranger = server.browser();
        String token = stranger.formToken("/login");
        HttpResponse<String> huge = stranger.post("/login", TestWorkspace.form("_csrf", token, "login", "x".repeat(Workspace.FORM_LIMIT),
                "password", "whatever it is"));
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(huge.body()).contains("Biểu mẫu quá lớn: tối đa 64 KB.").doesNotContain("xxxxxxxxxx");

        HttpResponse<String> long_ = stranger.post("/login", TestWorkspace.form("_csrf", token, "login", "y".repeat(5000),
                "password", "whatever it is"));
        assertThat(long_.statusCode()).isEqualTo(401);
        assertThat(long_.body()).as("the login typed is shown back, cut").doesNotContain("y".repeat(65));

        HttpResponse<String> multipart = stranger.upload("/login", Map.of("login", "x", "password", "whatever it is"), "big.bin",
                new byte[Workspace.FORM_LIMIT]);
        assertThat(multipart.statusCode()).as("before signing in, a multipart body is no way around the limit").isEqualTo(413);

        server.person("formfiller", Role.VIEWER);
        TestWorkspace.Browser person = server.browser().signIn("formfiller", TestWorkspace.PASSWORD);
        assertThat(person.submit("/account/tokens", "name", "n".repeat(Workspace.FORM_LIMIT)).statusCode()).isEqualTo(413);
        assertThat(person.submit("/account/tokens", "name", "portal").statusCode()).isEqualTo(200);
    }

    @Test
    void twoAdministratorsCreatingTheSameLoginAtOnceMakeOneAccountAndNothingLeaksToTheLog() throws Exception {
        TestWorkspace.Browser admin = server.signedIn("racer", Role.ADMIN);
        admin.formToken("/users");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            java.util.List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                int n = i;
                answers.add(pool.submit(() -> admin.submit("/users", "login", "twin", "displayName", "Twin " + n,
                        "password", "twin password " + n, "roles", "VIEWER").statusCode()));
            }
            java.util.List<Integer> statuses = new java.util.ArrayList<>();
            for (var answer : answers) statuses.add(answer.get());
            assertThat(statuses).containsOnly(303, 422).containsOnlyOnce(303);
        } finally {
            pool.shutdown();
        }
        assertThat(server.store.read(tx -> tx.users().all()).stream().filter(u -> u.login().equals("twin"))).hasSize(1);

        String hash = Passwords.hash("a secret worth a hash");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> server.store.transaction(tx ->
                        tx.users().create("twin", "Twin again", hash, java.util.Set.of(Role.VIEWER), Instant.now())))
                .as("a failed statement names its SQL, never what was bound to it")
                .hasMessageContaining("insert into users").hasMessageNotContaining(hash).hasMessageNotContaining("$argon2");
        assertThat(server.out.toString()).doesNotContain("$argon2");
    }

    @Test
    void aPageAskedAsAnotherSitesAddressLinksOnlyToThisSite() throws Exception {
        HttpResponse<String> page = server.browser().get("//evil.example/x");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).doesNotContain("href=\"//evil.example").contains("href=\"/evil.example/x?lang=en\"");
        assertThat(Requests.here("/\\\\evil.example")).isEqualTo("/evil.example");
        assertThat(Requests.here("/rounds/1")).isEqualTo("/rounds/1");
    }

    @Test
    void aPageAskedWithATokenThatIsRefusedAnswers401NotARedirectToItself() throws Exception {
        for (String path : new String[] {"/rounds", "/login"}) {
            HttpResponse<String> answer = TestWorkspace.api(server.base, "GET", path, "dvk_revoked-or-made-up", null, null);
            assertThat(answer.statusCode()).as(path).isEqualTo(401);
            assertThat(answer.headers().firstValue("Location")).as(path).isEmpty();
        }
    }

    @Test
    void aVersionOrPositionPastAnIntOrWrittenWithASignNamesNothing() throws Exception {
        TestWorkspace.Browser secretary = server.signedIn("numbers", Role.SECRETARY);
        String token = token(secretary);
        HttpResponse<String> created = TestWorkspace.api(server.base, "POST", "/api/v1/rounds?year=2024&name=S%E1%BB%91&filename=s.json",
                token, null, Files.readAllBytes(WorkspaceTest.SAMPLE_JSON));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String round = created.headers().firstValue("Location").orElseThrow().replace("/api/v1", "");
        assertThat(secretary.get(round + "/versions/1/nominations/0").statusCode()).isEqualTo(200);
        for (String alias : new String[] {"/versions/4294967297", "/versions/1/nominations/4294967296", "/versions/+1", "/versions/%D9%A1",
                "/versions/1/nominations/-1"}) {
            assertThat(secretary.get(round + alias).statusCode()).as(alias).isEqualTo(404);
        }
        assertThat(secretary.get(round.replace("/rounds/", "/rounds/+")).statusCode()).isEqualTo(404);

        TestWorkspace.Browser admin = server.signedIn("pager", Role.ADMIN);
        for (String page : new String[] {"2147483647", "21474837", "-3", "x"}) {
            assertThat(admin.get("/audit?page=" + page).statusCode()).as(page).isEqualTo(200);
        }
    }

    @Test
    void controlCharactersInARoundsNameNoteOrFileAreDropped() throws Exception {
        TestWorkspace.Browser secretary = server.signedIn("controls", Role.SECRETARY);
        String token = token(secretary);
        HttpResponse<String> created = TestWorkspace.api(server.base, "POST",
                "/api/v1/rounds?year=2024&name=Gia%00L%C3%A2m%0D%0A%E2%80%AE2024&filename=..%2F..%2Fa%00b%0A.json&note=ghi%00ch%C3%BA%1B",
                token, null, Files.readAllBytes(WorkspaceTest.SAMPLE_JSON));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        var round = new com.fasterxml.jackson.databind.ObjectMapper().readTree(created.body());
        assertThat(round.path("name").asText()).isEqualTo("GiaLâm2024");
        assertThat(round.path("versions").get(0).path("file").asText()).isEqualTo("ab.json");
        assertThat(round.path("versions").get(0).path("note").asText()).isEqualTo("ghichú");

        secretary.formToken("/rounds/new");
        HttpResponse<String> nul = secretary.upload("/rounds", Map.of("name", "Tên", "year", "2024"), "a\u0000b.json",
                Files.readAllBytes(WorkspaceTest.SAMPLE_JSON));
        assertThat(nul.statusCode()).as("a form Jetty cannot read is the sender's mistake").isEqualTo(400);
        assertThat(nul.headers().firstValue("Connection")).as("the connection ends, and says so").contains("close");
        HttpResponse<String> longName = secretary.upload("/rounds", Map.of("name", "x".repeat(1 << 20), "year", "2024"), "a.json",
                Files.readAllBytes(WorkspaceTest.SAMPLE_JSON));
        assertThat(longName.statusCode()).isBetween(400, 413);
        assertThat(server.out.toString()).doesNotContain("internal error");
    }

    @Test
    void theCurrentPasswordIsGuessedNoFasterThanAtSignIn() throws Exception {
        TestWorkspace.Browser person = server.signedIn("guessed", Role.VIEWER);
        for (int i = 0; i < LoginThrottle.PER_ACCOUNT; i++) {
            HttpResponse<String> wrong = person.submit("/account/password", "current", "guess number " + i, "password", "new password 12",
                    "repeated", "new password 12");
            assertThat(wrong.statusCode()).isEqualTo(422);
        }
        HttpResponse<String> right = person.submit("/account/password", "current", TestWorkspace.PASSWORD, "password", "new password 12",
                "repeated", "new password 12");
        assertThat(right.statusCode()).isEqualTo(429);
        assertThat(right.body()).contains("Nhập sai mật khẩu hiện tại quá nhiều lần.");
        assertThat(right.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void healthSaysOnlyThatItIsUp() throws Exception {
        HttpResponse<String> health = server.browser().get("/health");
        assertThat(health.body()).isEqualTo("{\"status\":\"ok\",\"database\":\"ok\"}");
    }

    @Test
    void twoAdministratorsTakingEachOthersRoleAtOnceLeaveOne() throws Exception {
        TestWorkspace.Browser first = server.signedIn("chief1", Role.ADMIN);
        TestWorkspace.Browser second = server.signedIn("chief2", Role.ADMIN);
        first.formToken("/users");
        second.formToken("/users");
        long one = server.store.read(tx -> tx.users().credentials("chief1")).orElseThrow().user().id();
        long two = server.store.read(tx -> tx.users().credentials("chief2")).orElseThrow().user().id();
        // only these two are administrators: the others this class made lose the role
        for (var user : server.store.read(tx -> tx.users().all())) {
            if (user.id() != one && user.id() != two && user.has(Role.ADMIN)) {
                assertThat(first.submit("/users/" + user.id(), "roles", "VIEWER", "active", "true").statusCode()).isEqualTo(303);
            }
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int attempt = 0; attempt < 15; attempt++) {
                java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
                var a = pool.submit(() -> {
                    together.await();
                    return first.submit("/users/" + two, "roles", "VIEWER", "active", "true").statusCode();
                });
                var b = pool.submit(() -> {
                    together.await();
                    return second.submit("/users/" + one, "roles", "VIEWER", "active", "true").statusCode();
                });
                int answerA = a.get();
                int answerB = b.get();
                long admins = server.store.read(tx -> tx.users().activeAdmins());
                assertThat(admins).as("attempt %d: %d and %d", attempt, answerA, answerB).isEqualTo(1);
                TestWorkspace.Browser still = answerA == 303 ? first : second;
                long other = answerA == 303 ? two : one;
                assertThat(still.submit("/users/" + other, "roles", "ADMIN", "active", "true").statusCode()).isEqualTo(303);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void whoKeepsSigningInWithTheOldPasswordWhileAnAdministratorResetsItKeepsNoSession() throws Exception {
        // a workspace of its own: the thieves' failures after the reset count against their address
        try (TestWorkspace own = new TestWorkspace(TestDatabases.migrated(Database.Kind.H2))) {
            TestWorkspace.Browser admin = own.signedIn("resetter", Role.ADMIN);
            admin.formToken("/users");
            long victim = own.person("stolen", Role.SECRETARY).id();
            java.util.concurrent.atomic.AtomicBoolean going = new java.util.concurrent.atomic.AtomicBoolean(true);
            java.util.List<TestWorkspace.Browser> signedIn = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            java.util.List<Thread> thieves = new java.util.ArrayList<>();
            for (int t = 0; t < 3; t++) {
                Thread thief = new Thread(() -> {
                    while (going.get()) {
                        try {
                            TestWorkspace.Browser browser = own.browser();
                            HttpResponse<String> answer = browser.post("/login", TestWorkspace.form("_csrf", browser.formToken("/login"),
                                    "login", "stolen", "password", TestWorkspace.PASSWORD));
                            if (answer.statusCode() == 303) signedIn.add(browser);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                });
                thief.start();
                thieves.add(thief);
            }
            Thread.sleep(600);
            assertThat(admin.submit("/users/" + victim, "roles", "SECRETARY", "active", "true", "password", "the new password")
                    .statusCode()).isEqualTo(303);
            going.set(false);
            for (Thread thief : thieves) thief.join();
            assertThat(signedIn).as("the thieves signed in before the reset").isNotEmpty();
            for (TestWorkspace.Browser browser : signedIn) {
                assertThat(browser.get("/rounds").statusCode()).as("a session opened with the old password").isEqualTo(303);
            }
        }
    }

    @Test
    void passwordsAreHashedAndCheckedOnlyAFewAtOnce() throws Exception {
        java.util.concurrent.CountDownLatch taken = new java.util.concurrent.CountDownLatch(Passwords.AT_ONCE);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(Passwords.AT_ONCE + 1);
        try {
            for (int i = 0; i < Passwords.AT_ONCE; i++) {
                pool.submit(() -> Passwords.inTurn(() -> {
                    taken.countDown();
                    try {
                        return release.await(30, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            taken.await();
            // every turn is taken (as by 150 sign-ins sent at once, each asking for 19 MiB): the next check waits
            var check = pool.submit(() -> Passwords.matches("a long password 1", Passwords.hash("a long password 1")));
            Thread.sleep(500);
            assertThat(check).isNotDone();
            release.countDown();
            assertThat(check.get()).isTrue();
        } finally {
            release.countDown();
            pool.shutdown();
        }
    }

    @Test
    void behindAProxyOnThisMachineEachClientIsCountedByItsOwnAddress() throws Exception {
        TestWorkspace.Browser browser = server.browser();
        String token = browser.formToken("/login");
        java.util.function.BiFunction<String, String, Integer> signIn = (forwardedFor, login) -> {
            try {
                return browser.http.send(browser.request("/login").header("Content-Type", "application/x-www-form-urlencoded")
                        .header("X-Forwarded-For", forwardedFor)
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(TestWorkspace.form("_csrf", token, "login", login,
                                "password", "a wrong password"))).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        for (int i = 0; i < LoginThrottle.PER_ADDRESS; i++) {
            assertThat(signIn.apply("203.0.113.9, 10.20.30.40", "sprayed" + i)).isEqualTo(401);
        }
        assertThat(signIn.apply("10.20.30.40", "sprayed-again")).as("that client's address is throttled").isEqualTo(429);
        assertThat(signIn.apply("10.20.30.41", "someone-else")).as("not everyone behind the proxy").isEqualTo(401);
        assertThat(signIn.apply("not an address", "someone-else")).isEqualTo(401);
        assertThat(server.log.toString()).contains("10.20.30.40 - POST /login 429").contains("127.0.0.1 - POST /login 401")
                .doesNotContain("203.0.113.9");
    }

    private static String token(TestWorkspace.Browser browser) throws Exception {
        browser.formToken("/account");
        HttpResponse<String> answer = browser.submit("/account/tokens", "name", "attack");
        var m = java.util.regex.Pattern.compile("data-testid=\"new-token\">([^<]+)<").matcher(answer.body());
        assertThat(m.find()).as("the new token is shown").isTrue();
        return m.group(1);
    }
}
