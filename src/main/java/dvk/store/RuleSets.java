package dvk.store;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The rule sets that decided rounds, by fingerprint, with the files the fingerprint was computed from. */
public final class RuleSets {
    private final Handle handle;

    RuleSets(Handle handle) {
        this.handle = handle;
    }

    /** A rule set as stored; {@code files} is a zip of its DRL files, titles.json and ruleset.json (null when not read). */
    public record StoredRuleSet(String fingerprint, String source, String name, int yearsFrom, Integer yearsTo, int ruleCount,
                                String titlesJson, byte[] files) {}

    /** Keeps a rule set unless one with its fingerprint is kept already; concurrent callers may both call this. */
    public void remember(StoredRuleSet rules, Instant now) {
        handle.createUpdate("insert into rule_sets (fingerprint, source, name, years_from, years_to, rule_count, titles, files, stored_at)"
                        + " values (:fingerprint, :source, :name, :from, :to, :count, :titles, :files, :now)"
                        + " on conflict do nothing")
                .bind("fingerprint", rules.fingerprint()).bind("source", rules.source()).bind("name", rules.name())
                .bind("from", rules.yearsFrom()).bind("to", rules.yearsTo()).bind("count", rules.ruleCount())
                .bind("titles", rules.titlesJson()).bind("files", rules.files()).bind("now", now)
                .execute();
    }

    public boolean known(String fingerprint) {
        return handle.createQuery("select count(*) from rule_sets where fingerprint = :fp").bind("fp", fingerprint)
                .mapTo(Long.class).one() > 0;
    }

    /** The rule set without its files. */
    public Optional<StoredRuleSet> find(String fingerprint) {
        return handle.createQuery("select fingerprint, source, name, years_from, years_to, rule_count, titles"
                        + " from rule_sets where fingerprint = :fp")
                .bind("fp", fingerprint)
                .map((rs, ctx) -> new StoredRuleSet(rs.getString("fingerprint"), rs.getString("source"), rs.getString("name"),
                        rs.getInt("years_from"), Rows.integer(rs, "years_to"), rs.getInt("rule_count"), rs.getString("titles"), null))
                .findOne();
    }

    public Optional<byte[]> files(String fingerprint) {
        return handle.createQuery("select files from rule_sets where fingerprint = :fp").bind("fp", fingerprint)
                .map((rs, ctx) -> rs.getBytes("files")).findOne();
    }
}
