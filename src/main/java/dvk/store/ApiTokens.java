package dvk.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Tokens with which other systems call the API as a user; only their SHA-256 is kept. */
public final class ApiTokens {
    private final Handle handle;

    ApiTokens(Handle handle) {
        this.handle = handle;
    }

    /** A token as its owner sees it listed: never the token itself. */
    public record Token(long id, long userId, String name, String shown, Instant createdAt, Instant lastUsedAt,
                        Instant revokedAt) {
        public boolean revoked() {
            return revokedAt != null;
        }
    }

    public Token create(long userId, String name, String tokenHash, String shown, Instant now) {
        long id = handle.createUpdate("insert into api_tokens (user_id, name, token_hash, shown, created_at)"
                        + " values (:user, :name, :hash, :shown, :now)")
                .bind("user", userId).bind("name", name.strip()).bind("hash", tokenHash).bind("shown", shown).bind("now", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        return byId(id).orElseThrow();
    }

    public Optional<Token> byId(long id) {
        return handle.createQuery("select * from api_tokens where id = :id").bind("id", id).map((rs, ctx) -> token(rs)).findOne();
    }

    public List<Token> of(long userId) {
        return handle.createQuery("select * from api_tokens where user_id = :user order by created_at desc, id desc")
                .bind("user", userId).map((rs, ctx) -> token(rs)).list();
    }

    /** The active user a token that has not been revoked belongs to; notes when it was used. */
    public Optional<User> user(String tokenHash, Instant now) {
        Optional<Long> userId = handle.createQuery("select t.user_id from api_tokens t join users u on u.id = t.user_id"
                        + " where t.token_hash = :hash and t.revoked_at is null and u.active = true")
                .bind("hash", tokenHash).mapTo(Long.class).findOne();
        userId.ifPresent(id -> handle.createUpdate("update api_tokens set last_used_at = :now where token_hash = :hash")
                .bind("now", now).bind("hash", tokenHash).execute());
        return userId.flatMap(id -> new Users(handle).byId(id));
    }

    public boolean revoke(long id, long userId, Instant now) {
        return handle.createUpdate("update api_tokens set revoked_at = :now where id = :id and user_id = :user and revoked_at is null")
                .bind("now", now).bind("id", id).bind("user", userId).execute() == 1;
    }

    private static Token token(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Token(rs.getLong("id"), rs.getLong("user_id"), rs.getString("name"), rs.getString("shown"),
                Rows.instant(rs, "created_at"), Rows.instant(rs, "last_used_at"), Rows.instant(rs, "revoked_at"));
    }
}
