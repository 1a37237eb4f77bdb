package dvk.store;

import java.time.Instant;
import java.util.Set;

/** A person with an account. {@code login} is lower case. */
public record User(long id, String login, String displayName, Set<Role> roles, boolean active, Instant createdAt) {
    public User {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
