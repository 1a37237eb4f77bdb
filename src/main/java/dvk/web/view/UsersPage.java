package dvk.web.view;

import java.time.Instant;
import java.util.List;

/** The accounts, for the administrator: each with its roles, and the form of a new one. */
public record UsersPage(List<Item> users, List<String> roles, String message) {

    public record Item(long id, String login, String displayName, List<String> roles, boolean active, Instant createdAt) {
        public boolean has(String role) {
            return roles.contains(role);
        }
    }
}
