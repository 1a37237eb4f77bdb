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
}
