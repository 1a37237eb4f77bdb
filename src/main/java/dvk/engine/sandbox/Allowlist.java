package dvk.engine.sandbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The members compiled rule code may use, read from {@code allowlist.txt} beside this class: one
 * list for every piece of generated code, one more for the set-up code the executable model writes
 * where no rule text goes. The domain model and the rule kit are allowed whole: dvk's own code,
 * plain records and the helpers rules are written with.
 */
final class Allowlist {
    /** Where a method's code comes from, and so what it may use. */
    enum Tier { RULE_CODE, MODEL_SET_UP }

    private static final String RESOURCE = "allowlist.txt";
    private static final List<String> DVK_PACKAGES = List.of("dvk/domain/", "dvk/engine/rulekit/");
    private static final Allowlist STANDARD = read();

    private final Set<String> ruleCode;
    private final Set<String> setUp;

    private Allowlist(Set<String> ruleCode, Set<String> setUp) {
        this.ruleCode = Set.copyOf(ruleCode);
        this.setUp = Set.copyOf(setUp);
    }

    static Allowlist standard() {
        return STANDARD;
    }

    boolean allows(MemberRef ref, Tier tier) {
        if (DVK_PACKAGES.stream().anyMatch(p -> ref.owner().startsWith(p) && ref.owner().indexOf('/', p.length()) < 0)) {
            // fields of dvk's own types are read through their accessors; a write would change shared state
            return ref.use() != MemberRef.Use.WRITE;
        }
        if (ref.use() == MemberRef.Use.WRITE) return false;
        return listed(ruleCode, ref) || (tier == Tier.MODEL_SET_UP && listed(setUp, ref));
    }

    private static boolean listed(Set<String> entries, MemberRef ref) {
        return entries.contains(ref.key()) || entries.contains(ref.keyWithParameters());
    }

    private static Allowlist read() {
        Set<String> ruleCode = new HashSet<>();
        Set<String> setUp = new HashSet<>();
        Set<String> section = null;
        try (InputStream in = Allowlist.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("dvk is missing its sandbox allowlist " + RESOURCE);
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String entry = line.strip();
                if (entry.isEmpty() || entry.startsWith("#")) continue;
                if (entry.equals("[rule code]")) section = ruleCode;
                else if (entry.equals("[model set-up]")) section = setUp;
                else if (section == null) throw new IllegalStateException(RESOURCE + ": an entry before any section: " + entry);
                else section.add(entry);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Allowlist(ruleCode, setUp);
    }
}
