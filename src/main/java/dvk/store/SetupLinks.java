package dvk.store;

import java.time.Instant;
import org.jdbi.v3.core.Handle;

/** The one-time link that creates the first administrator; one at a time, only while nobody has an account. */
public final class SetupLinks {
    private final Handle handle;

    SetupLinks(Handle handle) {
        this.handle = handle;
    }

    /** A new link replaces any earlier one. */
    public void replace(String tokenHash, Instant now, Instant expiresAt) {
        handle.createUpdate("delete from setup_links").execute();
        handle.createUpdate("insert into setup_links (token_hash, created_at, expires_at) values (:hash, :now, :expires)")
                .bind("hash", tokenHash).bind("now", now).bind("expires", expiresAt).execute();
    }

    public boolean valid(String tokenHash, Instant now) {
        return handle.createQuery("select count(*) from setup_links where token_hash = :hash and expires_at > :now")
                .bind("hash", tokenHash).bind("now", now).mapTo(Long.class).one() > 0;
    }

    /**
     * Uses the link up: true when it was valid. One statement that deletes the link only if it is
     * this one and still valid: of two requests at once, the second waits for the first and deletes
     * nothing (a check and then a delete let both through, and both made an administrator).
     */
    public boolean consume(String tokenHash, Instant now) {
        return handle.createUpdate("delete from setup_links where token_hash = :hash and expires_at > :now")
                .bind("hash", tokenHash).bind("now", now).execute() == 1;
    }
}
