package dvk.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The council's decision on a round: its verdicts on a version (each an override of the rules'
 * recommendation, with its reason), and the decisions issued on the round and those revoking them.
 */
public final class Council {
    /** A title granted that the rules did not recommend, or withheld that they did. */
    public enum Verdict {
        GRANT, WITHHOLD
    }

    /** An override made without a reason: refused here, whatever the caller checked. */
    public static final class ReasonRequired extends IllegalArgumentException {
        ReasonRequired() {
            super("an override of the rules needs a reason");
        }
    }

    /** One override of a version's recommendation. */
    public record Override(int position, String nominationId, String name, String title, Verdict verdict, String reason,
                           String decidedBy, Instant decidedAt) {}

    /** A decision made on a round: one that issues it, or one that revokes an issued one. */
    public record RoundDecision(long id, long roundId, long versionId, int versionNumber, String kind, String number,
                                LocalDate date, String signer, Long revokes, String reason, int titles, String madeBy,
                                Instant madeAt) {
        public boolean issues() {
            return "ISSUE".equals(kind);
        }
    }

    /** The decision in force on a round. */
    public record Issued(long roundId, long versionId, RoundDecision decision) {}

    private final Handle handle;

    Council(Handle handle) {
        this.handle = handle;
    }

    public static final int REASON_LENGTH = 4000;

    /**
     * Records an override, replacing any earlier one for that nomination and title; a blank reason
     * is refused ({@link ReasonRequired}).
     */
    public void override(long versionId, int position, String title, Verdict verdict, String reason, long userId, Instant now) {
        if (reason == null || reason.isBlank()) throw new ReasonRequired();
        String kept = reason.strip();
        if (kept.length() > REASON_LENGTH) kept = kept.substring(0, REASON_LENGTH);
        asRecommended(versionId, position, title);
        handle.createUpdate("insert into council_verdicts (version_id, position, title, verdict, reason, decided_by, decided_at)"
                        + " values (:version, :position, :title, :verdict, :reason, :user, :now)")
                .bind("version", versionId).bind("position", position).bind("title", title).bind("verdict", verdict.name())
                .bind("reason", kept).bind("user", userId).bind("now", now).execute();
    }

    /** Takes back an override: the title stands as the rules recommend. Whether there was one. */
    public boolean asRecommended(long versionId, int position, String title) {
        return handle.createUpdate("delete from council_verdicts where version_id = :version and position = :position and title = :title")
                .bind("version", versionId).bind("position", position).bind("title", title).execute() > 0;
    }

    /** A version's overrides, in the order of the input, then by title. */
    public List<Override> overrides(long versionId) {
        return handle.createQuery("select c.position, d.nomination_id, d.name, c.title, c.verdict, c.reason, u.login, c.decided_at"
                        + " from council_verdicts c join decisions d on d.version_id = c.version_id and d.position = c.position"
                        + " join users u on u.id = c.decided_by where c.version_id = :version order by c.position, c.title")
                .bind("version", versionId)
                .map((rs, ctx) -> new Override(rs.getInt("position"), rs.getString("nomination_id"), rs.getString("name"),
                        rs.getString("title"), Verdict.valueOf(rs.getString("verdict")), rs.getString("reason"),
                        rs.getString("login"), Rows.instant(rs, "decided_at")))
                .list();
    }

    /**
     * Holds the round's row until the transaction ends: two secretaries issuing (or revoking) one
     * round at once take turns, and the second sees what the first did.
     */
    public void lock(long roundId) {
        handle.createQuery("select id from rounds where id = :id for update").bind("id", roundId).mapTo(Long.class).one();
    }

    /** The decision in force on a round, if it is issued. */
    public Optional<Issued> issued(long roundId) {
        return handle.createQuery("select decision_id, version_id from issued_rounds where round_id = :round").bind("round", roundId)
                .map((rs, ctx) -> new long[] {rs.getLong("decision_id"), rs.getLong("version_id")}).findOne()
                .map(ids -> new Issued(roundId, ids[1], decision(ids[0]).orElseThrow()));
    }

    /** Whether the version's round is issued on it or on any other version. */
    public boolean roundIssued(long roundId) {
        return handle.createQuery("select count(*) from issued_rounds where round_id = :round").bind("round", roundId)
                .mapTo(Long.class).one() > 0;
    }

    private static final String DECISION = "select r.*, v.version as version_number, u.login from round_decisions r"
            + " join round_versions v on v.id = r.version_id join users u on u.id = r.made_by";

    public Optional<RoundDecision> decision(long id) {
        return handle.createQuery(DECISION + " where r.id = :id").bind("id", id).map((rs, ctx) -> decision(rs)).findOne();
    }

    /** Every decision made on a round, oldest first. */
    public List<RoundDecision> decisions(long roundId) {
        return handle.createQuery(DECISION + " where r.round_id = :round order by r.id").bind("round", roundId)
                .map((rs, ctx) -> decision(rs)).list();
    }

    /**
     * Records the decision that issues a round on a version and marks the round issued. The round
     * must be locked ({@link #lock}); a round issued already is refused by the primary key of
     * {@code issued_rounds} even if it was not.
     */
    public RoundDecision issue(long roundId, long versionId, String number, LocalDate date, String signer, int titles,
                               long userId, Instant now) {
        long id = insert(roundId, versionId, "ISSUE", number, date, signer, null, null, titles, userId, now);
        handle.createUpdate("insert into issued_rounds (round_id, decision_id, version_id) values (:round, :decision, :version)")
                .bind("round", roundId).bind("decision", id).bind("version", versionId).execute();
        return decision(id).orElseThrow();
    }

    /** Records a decision revoking the one in force; the round is no longer issued. */
    public RoundDecision revoke(Issued issued, String number, LocalDate date, String signer, String reason, long userId, Instant now) {
        if (reason == null || reason.isBlank()) throw new ReasonRequired();
        long id = insert(issued.roundId(), issued.versionId(), "REVOKE", number, date, signer, issued.decision().id(), reason.strip(),
                issued.decision().titles(), userId, now);
        handle.createUpdate("delete from issued_rounds where round_id = :round").bind("round", issued.roundId()).execute();
        return decision(id).orElseThrow();
    }

    private long insert(long roundId, long versionId, String kind, String number, LocalDate date, String signer, Long revokes,
                        String reason, int titles, long userId, Instant now) {
        return handle.createUpdate("insert into round_decisions (round_id, version_id, kind, number, decided_on, signer, revokes,"
                        + " reason, titles, made_by, made_at) values (:round, :version, :kind, :number, :date, :signer, :revokes,"
                        + " :reason, :titles, :user, :now)")
                .bind("round", roundId).bind("version", versionId).bind("kind", kind).bind("number", number.strip())
                .bind("date", date).bind("signer", signer.strip()).bind("revokes", revokes).bind("reason", reason)
                .bind("titles", titles).bind("user", userId).bind("now", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    private static RoundDecision decision(ResultSet rs) throws SQLException {
        long revokes = rs.getLong("revokes");
        Long revoked = rs.wasNull() ? null : revokes;
        return new RoundDecision(rs.getLong("id"), rs.getLong("round_id"), rs.getLong("version_id"), rs.getInt("version_number"),
                rs.getString("kind"), rs.getString("number"), rs.getDate("decided_on").toLocalDate(), rs.getString("signer"),
                revoked, rs.getString("reason"), rs.getInt("titles"), rs.getString("login"), Rows.instant(rs, "made_at"));
    }
}
