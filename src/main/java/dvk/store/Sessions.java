package dvk.store;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Browser sessions, kept in the database so that a restart signs nobody out. */
public final class Sessions {
    private final Handle handle;

    Sessions(Handle handle) {
        this.handle = handle;
    }

    /** An open session: its user, the token its forms carry, and when it was last seen and ends. */
    public record Session(String tokenHash, User user, String csrfToken, Instant createdAt, Instant seenAt, Instant expiresAt) {}

    public void create(String tokenHash, long userId, String csrfToken, Instant now, Instant expiresAt) {
        handle.createUpdate("insert into sessions (token_hash, user_id, csrf_token, created_at, seen_at, expires_at)"
                        + " values (:hash, :user, :csrf, :now, :now, :expires)")
                .bind("hash", tokenHash).bind("user", userId).bind("csrf", csrfToken).bind("now", now)
                .bind("expires", expiresAt).execute();
    }

    /** The session of an active user that has not ended by {@code now}. */
    public Optional<Session> find(String tokenHash, Instant now) {
        record Row(long userId, String csrfToken, Instant createdAt, Instant seenAt, Instant expiresAt) {}
        return handle.createQuery("select s.user_id, s.csrf_token, s.created_at, s.seen_at, s.expires_at"
                        + " from sessions s join users u on u.id = s.user_id"
                        + " where s.token_hash = :hash and s.expires_at > :now and u.active = true")
                .bind("hash", tokenHash).bind("now", now)
                .map((rs, ctx) -> new Row(rs.getLong("user_id"), rs.getString("csrf_token"), Rows.instant(rs, "created_at"), Rows.instant(rs, "seen_at"),
                        Rows.instant(rs, "expires_at")))
                .findOne()
                .flatMap(row -> new Users(handle).byId(row.userId())
                        .map(user -> new Session(tokenHash, user, row.csrfToken(), row.createdAt(), row.seenAt(), row.expiresAt())));
    }

    public void touch(String tokenHash, Instant now, Instant expiresAt) {
        handle.createUpdate("update sessions set seen_at = :now, expires_at = :expires where token_hash = :hash")
                .bind("now", now).bind("expires", expiresAt).bind("hash", tokenHash).execute();
    }

    public void delete(String tokenHash) {
        handle.createUpdate("delete from sessions where token_hash = :hash").bind("hash", tokenHash).execute();
    }

    /** Signs a person out everywhere (deactivated, password changed). */
    public int deleteForUser(long userId) {
        return handle.createUpdate("delete from sessions where user_id = :user").bind("user", userId).execute();
    }

    public int deleteExpired(Instant now) {
        return handle.createUpdate("delete from sessions where expires_at <= :now").bind("now", now).execute();
    }
}
