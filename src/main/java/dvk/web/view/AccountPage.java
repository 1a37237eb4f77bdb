package dvk.web.view;

import java.time.Instant;
import java.util.List;

/** One's own account: the password, and API tokens ({@code newToken} is shown once, right after it is made). */
public record AccountPage(String login, String displayName, List<String> roles, List<Token> tokens, String newToken,
                          String message) {

    public record Token(long id, String name, String shown, Instant createdAt, Instant lastUsedAt, boolean revoked) {}
}
