package dvk.web;

import dvk.store.Role;
import dvk.store.User;
import io.javalin.security.RouteRole;

/**
 * Who may use a route, declared with the route (see {@link Routes}) and checked in one place
 * ({@link Guard}): anyone, anyone signed in, or a person with one of the listed roles. A route
 * declares at least one; a route without any is refused to everyone.
 */
enum Access implements RouteRole {
    /** Anyone, signed in or not: the sign-in page, the setup link, /health, the style sheet. */
    PUBLIC(null),
    /** Anyone signed in, whatever their roles: reading rounds and reports, one's own account. */
    SIGNED_IN(null),
    ADMIN(Role.ADMIN),
    SECRETARY(Role.SECRETARY),
    POLICY(Role.POLICY);

    private final Role role;

    Access(Role role) {
        this.role = role;
    }

    boolean allows(User user) {
        if (this == PUBLIC) return true;
        if (user == null) return false;
        return this == SIGNED_IN || user.has(role);
    }
}
