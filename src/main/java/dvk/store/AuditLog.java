package dvk.store;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** Every change, written in the transaction that makes it: who, when, what, before and after. */
public final class AuditLog {
    private final Handle handle;

    AuditLog(Handle handle) {
        this.handle = handle;
    }

    /** One change; {@code before} and {@code after} are JSON, null when there was nothing before or is nothing after. */
    public record Entry(long id, Instant at, String actor, String action, String subject, String before, String after,
                        String ip) {}

    public void record(Actor actor, Instant at, String action, String subject, String before, String after) {
        handle.createUpdate("insert into audit_log (happened_at, actor_id, actor, action, subject, before_state, after_state, ip)"
                        + " values (:at, :actorId, :actor, :action, :subject, :before, :after, :ip)")
                .bind("at", at).bind("actorId", actor.userId()).bind("actor", actor.name()).bind("action", action)
                .bind("subject", subject).bind("before", before).bind("after", after).bind("ip", actor.ip())
                .execute();
    }

    /** The newest entries first, {@code limit} of them from {@code offset}. */
    public List<Entry> newest(int offset, int limit) {
        return handle.createQuery("select * from audit_log order by id desc limit :limit offset :offset")
                .bind("limit", limit).bind("offset", offset).map((rs, ctx) -> entry(rs)).list();
    }

    /** The entries about one subject ({@code round:3}), oldest first. */
    public List<Entry> about(String subject) {
        return handle.createQuery("select * from audit_log where subject = :subject order by id")
                .bind("subject", subject).map((rs, ctx) -> entry(rs)).list();
    }

    public long count() {
        return handle.createQuery("select count(*) from audit_log").mapTo(Long.class).one();
    }

    private static Entry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Entry(rs.getLong("id"), Rows.instant(rs, "happened_at"), rs.getString("actor"), rs.getString("action"),
                rs.getString("subject"), rs.getString("before_state"), rs.getString("after_state"), rs.getString("ip"));
    }
}
