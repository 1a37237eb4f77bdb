package dvk.web;

import static org.assertj.core.api.Assertions.assertThat;

import dvk.store.Database;
import dvk.store.Role;
import dvk.store.TestDatabases;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The first administrator: made through the link printed on the first start, once; no default password. */
class SetupLinkTest {
    private static final Pattern LINK = Pattern.compile("(/setup\\?token=[A-Za-z0-9_-]+)");

    @Test
    void theLinkCreatesTheAdministratorOnceAndIsNotPrintedAgain() throws Exception {
        Database.Location location = TestDatabases.empty(Database.Kind.H2);
        String link;
        try (TestWorkspace first = new TestWorkspace(Database.openMigrated(location))) {
            Matcher m = LINK.matcher(first.out.toString());
            assertThat(m.find()).as(first.out.toString()).isTrue();
            link = m.group(1);
            TestWorkspace.Browser stranger = first.browser();
            assertThat(stranger.get("/setup?token=guessed").statusCode()).isEqualTo(404);
            assertThat(stranger.get("/setup").statusCode()).isEqualTo(404);
            assertThat(stranger.get("/login").statusCode()).isEqualTo(200);

            TestWorkspace.Browser owner = first.browser();
            owner.formToken(link);
            String token = link.substring(link.indexOf('=') + 1);
            HttpResponse<String> weak = owner.submit("/setup", "token", token, "login", "admin", "displayName", "Quản trị",
                    "password", "short", "repeated", "short");
            assertThat(weak.statusCode()).isEqualTo(422);
            HttpResponse<String> made = owner.submit("/setup", "token", token, "login", "admin", "displayName", "Quản trị",
                    "password", "the admin's password", "repeated", "the admin's password");
            assertThat(made.statusCode()).isEqualTo(303);
            assertThat(owner.get("/users").statusCode()).as("signed in as the administrator").isEqualTo(200);
            var admin = first.store.read(tx -> tx.users().credentials("admin")).orElseThrow().user();
            assertThat(admin.roles()).containsExactly(Role.ADMIN);
            java.util.List<dvk.store.AuditLog.Entry> made_ = first.store.read(tx -> tx.audit().about("user:" + admin.id()));
            assertThat(made_).singleElement()
                    .satisfies(e -> assertThat(e.actor()).isEqualTo("setup"));

            TestWorkspace.Browser late = first.browser();
            assertThat(late.get(link).statusCode()).as("the link is used up").isEqualTo(404);
            late.formToken("/login");
            assertThat(late.submit("/setup", "token", token, "login", "second", "displayName", "X", "password", "another password",
                    "repeated", "another password").statusCode()).isEqualTo(404);
        }
        try (TestWorkspace again = new TestWorkspace(Database.openMigrated(location))) {
            assertThat(again.out.toString()).as("no link once an account exists").doesNotContain("/setup");
        }
    }

    @Test
    void theLinkMakesOneAdministratorWhenSentSeveralTimesAtOnceAndAWrongTokenDoesNotUseItUp() throws Exception {
        try (TestWorkspace first = new TestWorkspace(Database.openMigrated(TestDatabases.empty(Database.Kind.H2)))) {
            Matcher m = LINK.matcher(first.out.toString());
            assertThat(m.find()).isTrue();
            String token = m.group(1).substring(m.group(1).indexOf('=') + 1);

            TestWorkspace.Browser guesser = first.browser();
            guesser.formToken("/login");
            assertThat(guesser.submit("/setup", "token", "guessed", "login", "guesser", "displayName", "X",
                    "password", "a guesser's password", "repeated", "a guesser's password").statusCode()).isEqualTo(404);
            assertThat(first.browser().get("/setup?token=" + token).statusCode()).as("a wrong token leaves the link").isEqualTo(200);

            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
            try {
                java.util.List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    TestWorkspace.Browser browser = first.browser();
                    browser.formToken("/login");
                    String login = "admin" + i;
                    answers.add(pool.submit(() -> browser.submit("/setup", "token", token, "login", login, "displayName", "Quản trị",
                            "password", "the admin's password", "repeated", "the admin's password").statusCode()));
                }
                java.util.List<Integer> statuses = new java.util.ArrayList<>();
                for (var answer : answers) statuses.add(answer.get());
                assertThat(statuses).containsOnlyOnce(303).containsOnly(303, 404);
            } finally {
                pool.shutdown();
            }
            long accounts = first.store.read(tx -> tx.users().count());
            assertThat(accounts).isEqualTo(1);
        }
    }
}
