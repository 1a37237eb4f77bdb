package dvk.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.jdbi.v3.core.Handle;

/** The policy workbench's unsaved drafts, one per person and rule set: the commit each was opened from, and its files. */
public final class RuleDrafts {
    private final Handle handle;

    RuleDrafts(Handle handle) {
        this.handle = handle;
    }

    /** A draft as kept: the rule set, the commit it was opened from, its files by name, and when it was opened. */
    public record Draft(String ruleSet, String base, Map<String, byte[]> files, Instant openedAt) {}

    /** Keeps a person's draft, replacing the one they had of that rule set. */
    public void keep(long userId, Draft draft, Instant now) {
        handle.createUpdate("delete from rule_drafts where user_id = :user and rule_set = :set")
                .bind("user", userId).bind("set", draft.ruleSet()).execute();
        handle.createUpdate("insert into rule_drafts (user_id, rule_set, base_commit, files, opened_at, changed_at)"
                        + " values (:user, :set, :base, :files, :opened, :now)")
                .bind("user", userId).bind("set", draft.ruleSet()).bind("base", draft.base()).bind("files", zip(draft.files()))
                .bind("opened", draft.openedAt()).bind("now", now).execute();
    }

    public Optional<Draft> find(long userId, String ruleSet) {
        return handle.createQuery("select rule_set, base_commit, files, opened_at from rule_drafts where user_id = :user and rule_set = :set")
                .bind("user", userId).bind("set", ruleSet)
                .map((rs, ctx) -> new Draft(rs.getString("rule_set"), rs.getString("base_commit"), unzip(rs.getBytes("files")),
                        rs.getTimestamp("opened_at").toInstant()))
                .findOne();
    }

    public void delete(long userId, String ruleSet) {
        handle.createUpdate("delete from rule_drafts where user_id = :user and rule_set = :set")
                .bind("user", userId).bind("set", ruleSet).execute();
    }

    private static byte[] zip(Map<String, byte[]> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> file : new TreeMap<>(files).entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static Map<String, byte[]> unzip(byte[] bytes) {
        Map<String, byte[]> files = new TreeMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                files.put(RuleRepository.name(entry.getName()), zip.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
