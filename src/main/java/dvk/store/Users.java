package dvk.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/** Accounts and their roles. */
public final class Users {
    private final Handle handle;

    Users(Handle handle) {
        this.handle = handle;
    }

    /** An account with its password hash, for signing in. */
    public record Credentials(User user, String passwordHash) {}

    public static String normalLogin(String login) {
        return login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
    }

    public long count() {
        return handle.createQuery("select count(*) from users").mapTo(Long.class).one();
    }

    public User create(String login, String displayName, String passwordHash, Set<Role> roles, Instant now) {
        long id = handle.createUpdate("insert into users (login, display_name, password_hash, active, created_at)"
                        + " values (:login, :name, :hash, true, :now)")
                .bind("login", normalLogin(login)).bind("name", displayName.strip()).bind("hash", passwordHash)
                .bind("now", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        setRoles(id, roles);
        return byId(id).orElseThrow();
    }

    public boolean loginTaken(String login) {
        return handle.createQuery("select count(*) from users where login = :login")
                .bind("login", normalLogin(login)).mapTo(Long.class).one() > 0;
    }

    public Optional<Credentials> credentials(String login) {
        return handle.createQuery("select id, login, display_name, active, created_at, password_hash from users where login = :login")
                .bind("login", normalLogin(login))
                .map((rs, ctx) -> new Credentials(user(rs, roles(rs.getLong("id"))), rs.getString("password_hash")))
                .findOne();
    }

    public Optional<User> byId(long id) {
        return handle.createQuery("select id, login, display_name, active, created_at from users where id = :id")
                .bind("id", id).map((rs, ctx) -> user(rs, roles(rs.getLong("id")))).findOne();
    }

    /** Everyone, by login. */
    public List<User> all() {
        Map<Long, Set<Role>> roles = new LinkedHashMap<>();
        handle.createQuery("select user_id, role from user_roles")
                .map((rs, ctx) -> Map.entry(rs.getLong("user_id"), Role.valueOf(rs.getString("role"))))
                .forEach(held -> roles.computeIfAbsent(held.getKey(), k -> EnumSet.noneOf(Role.class)).add(held.getValue()));
        return handle.createQuery("select id, login, display_name, active, created_at from users order by login")
                .map((rs, ctx) -> user(rs, roles.getOrDefault(rs.getLong("id"), Set.of()))).list();
    }

    public void setRoles(long userId, Set<Role> roles) {
        handle.createUpdate("delete from user_roles where user_id = :id").bind("id", userId).execute();
        for (Role role : roles) {
            handle.createUpdate("insert into user_roles (user_id, role) values (:id, :role)")
                    .bind("id", userId).bind("role", role.name()).execute();
        }
    }

    public void setActive(long userId, boolean active) {
        handle.createUpdate("update users set active = :active where id = :id").bind("active", active).bind("id", userId).execute();
    }

    public void setDisplayName(long userId, String displayName) {
        handle.createUpdate("update users set display_name = :name where id = :id")
                .bind("name", displayName.strip()).bind("id", userId).execute();
    }

    public void setPasswordHash(long userId, String hash) {
        handle.createUpdate("update users set password_hash = :hash where id = :id").bind("hash", hash).bind("id", userId).execute();
    }

    /**
     * Locks the administrators' accounts until the transaction ends, before changing anyone's
     * roles or state: two administrators taking each other's role at once would each see the other
     * still there and leave none; with the lock the second waits, counts again, and is refused.
     */
    public void lockAdministrators() {
        handle.createQuery("select u.id from users u where exists (select 1 from user_roles r where r.user_id = u.id and r.role = 'ADMIN')"
                + " order by u.id for update").mapTo(Long.class).list();
    }

    /**
     * The password hash of an active account, its row locked until the transaction ends: a session
     * opened in the same transaction is either opened before a new password or a deactivation (which
     * then ends it) or waits for it and sees the new state.
     */
    public Optional<String> lockedPasswordHash(long userId) {
        return handle.createQuery("select password_hash from users where id = :id and active = true for update")
                .bind("id", userId).mapTo(String.class).findOne();
    }

    /** Active administrators: the last one may not be taken away. */
    public long activeAdmins() {
        return handle.createQuery("select count(*) from users u join user_roles r on r.user_id = u.id"
                + " where u.active = true and r.role = 'ADMIN'").mapTo(Long.class).one();
    }

    private Set<Role> roles(long userId) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        handle.createQuery("select role from user_roles where user_id = :id").bind("id", userId)
                .mapTo(String.class).forEach(r -> roles.add(Role.valueOf(r)));
        return roles;
    }

    static User user(ResultSet rs, Set<Role> roles) throws SQLException {
        return new User(rs.getLong("id"), rs.getString("login"), rs.getString("display_name"), roles,
                rs.getBoolean("active"), Rows.instant(rs, "created_at"));
    }
}
