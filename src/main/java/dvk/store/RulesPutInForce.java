package dvk.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Which saved version of a rule set decides uploads of which years: each entry a commit of the
 * rules' repository put in force for a range of years by an administrator, the newest entry that
 * covers a year winning. Also the commit each round's version was decided with.
 */
public final class RulesPutInForce {
    private final Handle handle;

    RulesPutInForce(Handle handle) {
        this.handle = handle;
    }

    /** One entry: the rule set's name, its version (commit and fingerprint), the years, who and when. */
    public record Entry(long id, String ruleSet, String commit, String fingerprint, int yearsFrom, int yearsTo, String putBy,
                        Instant putAt) {
        public boolean covers(int year) {
            return yearsFrom <= year && year <= yearsTo;
        }
    }

    public long put(String ruleSet, String commit, String fingerprint, int from, int to, long userId, Instant now) {
        return handle.createUpdate("insert into rules_in_force (rule_set, rule_commit, fingerprint, years_from, years_to, put_by, put_at)"
                        + " values (:set, :commit, :fp, :from, :to, :by, :now)")
                .bind("set", ruleSet).bind("commit", commit).bind("fp", fingerprint).bind("from", from).bind("to", to)
                .bind("by", userId).bind("now", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** Every entry, newest first. */
    public List<Entry> all() {
        return handle.createQuery("select f.id, f.rule_set, f.rule_commit, f.fingerprint, f.years_from, f.years_to, u.display_name, f.put_at"
                        + " from rules_in_force f join users u on u.id = f.put_by order by f.id desc")
                .map((rs, ctx) -> new Entry(rs.getLong("id"), rs.getString("rule_set"), rs.getString("rule_commit"),
                        rs.getString("fingerprint"), rs.getInt("years_from"), rs.getInt("years_to"), rs.getString("display_name"),
                        rs.getTimestamp("put_at").toInstant()))
                .list();
    }

    /** The entry in force for a year: the newest covering it. */
    public Optional<Entry> forYear(int year) {
        return all().stream().filter(e -> e.covers(year)).findFirst();
    }

    /** A round's version decided with a commit of the rules. */
    public record Decided(long roundId, String round, int version) {}

    /** The rounds' versions decided with a commit of the rules, oldest first. */
    public List<Decided> decidedWith(String commit) {
        return handle.createQuery("select v.round_id, r.name, v.version from round_version_rules d"
                        + " join round_versions v on v.id = d.version_id join rounds r on r.id = v.round_id"
                        + " where d.rule_commit = :commit order by v.id")
                .bind("commit", commit)
                .map((rs, ctx) -> new Decided(rs.getLong("round_id"), rs.getString("name"), rs.getInt("version")))
                .list();
    }

    /** Records the commit of the rules that decided a round's version. */
    public void decided(long versionId, String commit) {
        handle.createUpdate("insert into round_version_rules (version_id, rule_commit) values (:id, :commit)")
                .bind("commit", commit).bind("id", versionId).execute();
    }

    /** The commit of the rules that decided a round's version, when it was a saved version. */
    public Optional<String> commitOf(long versionId) {
        return handle.createQuery("select rule_commit from round_version_rules where version_id = :id").bind("id", versionId)
                .mapTo(String.class).findOne();
    }
}
