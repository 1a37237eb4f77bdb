package dvk.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/**
 * The saved versions of the rules: a bare git repository (JGit; no git program needed) holding
 * {@code rules/<rule set>/} (DRL files, titles.json, ruleset.json) and {@code fixtures/} (the regression
 * fixtures under {@code regression/}, and the sample batches they read under {@code samples/}).
 * Each save is one commit on {@code main} with the person's note as its message and the person as
 * its author; the history of a rule set is the commits that changed its directory. Seeded, on the
 * workspace's first start, with the rules it was started with. Saves are one at a time; a save
 * made from an older version than the newest of its rule set is refused, so no one's change is
 * silently undone.
 */
public final class RuleRepository implements AutoCloseable {
    public static final String RULES = "rules/";
    public static final String FIXTURES = "fixtures/";
    private static final String BRANCH = Constants.R_HEADS + "main";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    /** Who saves: shown as the commit's author. */
    public record Author(String name, String login) {
        PersonIdent ident(Instant when) {
            return new PersonIdent(name, login + "@dvk", Date.from(when), TimeZone.getTimeZone(ZoneOffset.UTC));
        }
    }

    /** One saved version: its commit, the note, who saved it and when. */
    public record Version(String commit, String note, String author, String login, Instant when) {
        public String shortCommit() {
            return commit.substring(0, 10);
        }
    }

    /** A save refused: the rule set changed since the draft was opened, or nothing changed. */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }
    }

    private final Repository git;

    private RuleRepository(Repository git) {
        this.git = git;
    }

    /** Opens the bare repository at {@code directory}, made empty when missing. */
    public static RuleRepository open(Path directory) throws IOException {
        Repository repository = new FileRepositoryBuilder().setGitDir(directory.toFile()).setBare().build();
        if (!repository.getObjectDatabase().exists()) {
            repository.create(true);
            RefUpdate head = repository.updateRef(Constants.HEAD);
            head.link(BRANCH);
        }
        return new RuleRepository(repository);
    }

    public Path directory() {
        return git.getDirectory().toPath();
    }

    /** Whether no version is saved yet. */
    public synchronized boolean isEmpty() throws IOException {
        return git.resolve(BRANCH) == null;
    }

    /** The newest commit, or null when nothing is saved. */
    public synchronized String head() throws IOException {
        ObjectId id = git.resolve(BRANCH);
        return id == null ? null : id.name();
    }

    /**
     * The first version: each rule set's files (by name; a directory's own files only) and the files
     * of {@code fixtures} and its subdirectories. Refused unless the repository is empty.
     */
    public synchronized String seed(Map<String, Path> ruleSets, Path fixtures, String note, Author author, Instant when)
            throws IOException, Refused {
        if (!isEmpty()) throw new Refused("the repository of the rules has versions already");
        Map<String, byte[]> paths = new TreeMap<>();
        for (Map.Entry<String, Path> set : ruleSets.entrySet()) {
            name(set.getKey());
            filesOf(set.getValue()).forEach((file, bytes) -> paths.put(RULES + set.getKey() + "/" + file, bytes));
        }
        if (fixtures != null && Files.isDirectory(fixtures)) {
            try (Stream<Path> all = Files.walk(fixtures, 2)) {
                for (Path file : all.filter(Files::isRegularFile).sorted().toList()) {
                    String relative = fixtures.relativize(file).toString().replace('\\', '/');
                    if (java.util.Arrays.stream(relative.split("/")).allMatch(n -> NAME.matcher(n).matches())) {
                        paths.put(FIXTURES + relative, Files.readAllBytes(file));
                    }
                }
            }
        }
        return commit(paths, null, note, author, when);
    }

    /** The rule sets of a version, by name. */
    public synchronized List<String> ruleSets(String commit) throws IOException {
        List<String> names = new ArrayList<>();
        for (String path : paths(commit, RULES).keySet()) {
            String name = path.substring(RULES.length(), path.indexOf('/', RULES.length()));
            if (!names.contains(name)) names.add(name);
        }
        return names;
    }

    /** A rule set's files at a version, by file name; empty when the version has no such rule set. */
    public synchronized Map<String, byte[]> files(String commit, String ruleSet) throws IOException {
        String prefix = RULES + name(ruleSet) + "/";
        Map<String, byte[]> files = new TreeMap<>();
        paths(commit, prefix).forEach((path, bytes) -> files.put(path.substring(prefix.length()), bytes));
        return files;
    }

    /** The fixtures at a version, by their path under {@code fixtures/} ({@code regression/gia-lam-2024.json}). */
    public synchronized Map<String, byte[]> fixtures(String commit) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        paths(commit, FIXTURES).forEach((path, bytes) -> files.put(path.substring(FIXTURES.length()), bytes));
        return files;
    }

    /**
     * Saves a rule set's files as a new version: the rule set's directory becomes exactly
     * {@code files}, the rest of the repository stays. Refused when the rule set was saved again
     * after {@code base} (the version the draft was made from), or when nothing changes.
     */
    public synchronized String save(String ruleSet, Map<String, byte[]> files, String base, String note, Author author,
                                    Instant when) throws IOException, Refused {
        String prefix = RULES + name(ruleSet) + "/";
        if (note == null || note.isBlank()) throw new Refused("a version needs a note saying what changed and why");
        for (String file : files.keySet()) name(file);
        String head = head();
        if (head == null) throw new Refused("the repository of the rules is empty");
        Map<String, byte[]> now = paths(head, "");
        if (base != null && !base.equals(head) && !same(paths(base, prefix), subset(now, prefix))) {
            throw new Refused("rule set " + ruleSet + " was saved by someone else after this draft was opened (now "
                    + head.substring(0, 10) + "): open it again and redo the change");
        }
        Map<String, byte[]> paths = new TreeMap<>(now);
        paths.keySet().removeIf(p -> p.startsWith(prefix));
        files.forEach((file, bytes) -> paths.put(prefix + file, bytes));
        if (same(subset(paths, prefix), subset(now, prefix))) throw new Refused("nothing changed in rule set " + ruleSet);
        return commit(paths, ObjectId.fromString(head), note.strip(), author, when);
    }

    /** The versions that changed a rule set's directory, newest first (all versions when {@code ruleSet} is null). */
    public synchronized List<Version> history(String ruleSet) throws IOException {
        List<Version> versions = new ArrayList<>();
        ObjectId head = git.resolve(BRANCH);
        if (head == null) return versions;
        try (RevWalk walk = new RevWalk(git)) {
            walk.markStart(walk.parseCommit(head));
            walk.setRevFilter(RevFilter.ALL);
            for (RevCommit commit : walk) {
                if (ruleSet != null && !changes(commit, RULES + name(ruleSet) + "/")) continue;
                PersonIdent who = commit.getAuthorIdent();
                String email = who.getEmailAddress();
                versions.add(new Version(commit.getName(), commit.getFullMessage().strip(), who.getName(),
                        email.endsWith("@dvk") ? email.substring(0, email.length() - 4) : email, who.getWhenAsInstant()));
            }
        }
        return versions;
    }

    /** The version's change to a rule set (all of it when {@code ruleSet} is null), as a unified diff against its parent. */
    public synchronized String diff(String commit, String ruleSet) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RevWalk walk = new RevWalk(git); ObjectReader reader = git.newObjectReader();
             DiffFormatter format = new DiffFormatter(out)) {
            RevCommit c = walk.parseCommit(ObjectId.fromString(commit));
            format.setRepository(git);
            format.setContext(3);
            if (ruleSet != null) format.setPathFilter(PathFilter.create(RULES + name(ruleSet)));
            List<DiffEntry> entries;
            CanonicalTreeParser after = new CanonicalTreeParser(null, reader, c.getTree());
            if (c.getParentCount() == 0) {
                entries = format.scan(new EmptyTreeIterator(), after);
            } else {
                RevCommit parent = walk.parseCommit(c.getParent(0));
                entries = format.scan(new CanonicalTreeParser(null, reader, parent.getTree()), after);
            }
            format.format(entries);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** A unified diff of one file's two texts, as {@link #diff(String, String)} writes a version's ({@code a/PATH}, {@code b/PATH}). */
    public static String diff(String path, byte[] before, byte[] after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        org.eclipse.jgit.diff.RawText a = new org.eclipse.jgit.diff.RawText(before);
        org.eclipse.jgit.diff.RawText b = new org.eclipse.jgit.diff.RawText(after);
        org.eclipse.jgit.diff.EditList edits = org.eclipse.jgit.diff.DiffAlgorithm
                .getAlgorithm(org.eclipse.jgit.diff.DiffAlgorithm.SupportedAlgorithm.HISTOGRAM)
                .diff(org.eclipse.jgit.diff.RawTextComparator.DEFAULT, a, b);
        if (edits.isEmpty()) return "";
        try (DiffFormatter format = new DiffFormatter(out)) {
            out.write(("--- a/" + path + "\n+++ b/" + path + "\n").getBytes(StandardCharsets.UTF_8));
            format.format(edits, a, b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Whether {@code commit} names a version of this repository. */
    public synchronized boolean has(String commit) {
        if (commit == null || !commit.matches("[0-9a-f]{40}")) return false;
        try (RevWalk walk = new RevWalk(git)) {
            walk.parseCommit(ObjectId.fromString(commit));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        git.close();
    }

    /** A rule set's or a file's name: no directories, nothing a path could be made of. */
    public static String name(String name) {
        if (name == null || !NAME.matcher(name).matches() || name.contains("..")) {
            throw new IllegalArgumentException("not a rule set's or a rule file's name: " + name);
        }
        return name;
    }

    private boolean changes(RevCommit commit, String prefix) throws IOException {
        Map<String, byte[]> now = paths(commit.getName(), prefix);
        if (commit.getParentCount() == 0) return !now.isEmpty();
        return !same(now, paths(commit.getParent(0).getName(), prefix));
    }

    /** Every file under {@code prefix} at a version, by its path in the repository. */
    private Map<String, byte[]> paths(String commit, String prefix) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (RevWalk walk = new RevWalk(git); TreeWalk tree = new TreeWalk(git)) {
            RevCommit c = walk.parseCommit(ObjectId.fromString(commit));
            tree.addTree(c.getTree());
            tree.setRecursive(true);
            if (!prefix.isEmpty()) tree.setFilter(PathFilter.create(prefix.substring(0, prefix.length() - 1)));
            while (tree.next()) {
                String path = tree.getPathString();
                if (path.startsWith(prefix)) files.put(path, git.open(tree.getObjectId(0)).getBytes());
            }
        }
        return files;
    }

    private static Map<String, byte[]> subset(Map<String, byte[]> paths, String prefix) {
        Map<String, byte[]> subset = new TreeMap<>();
        paths.forEach((path, bytes) -> {
            if (path.startsWith(prefix)) subset.put(path, bytes);
        });
        return subset;
    }

    private static boolean same(Map<String, byte[]> a, Map<String, byte[]> b) {
        if (!a.keySet().equals(b.keySet())) return false;
        return a.entrySet().stream().allMatch(e -> java.util.Arrays.equals(e.getValue(), b.get(e.getKey())));
    }

    /** A commit of exactly these files on main, after {@code parent}. */
    private String commit(Map<String, byte[]> paths, ObjectId parent, String note, Author author, Instant when) throws IOException {
        try (ObjectInserter inserter = git.newObjectInserter()) {
            DirCache index = DirCache.newInCore();
            DirCacheBuilder builder = index.builder();
            for (Map.Entry<String, byte[]> file : paths.entrySet()) {
                DirCacheEntry entry = new DirCacheEntry(file.getKey());
                entry.setFileMode(FileMode.REGULAR_FILE);
                entry.setObjectId(inserter.insert(Constants.OBJ_BLOB, file.getValue()));
                builder.add(entry);
            }
            builder.finish();
            ObjectId tree = index.writeTree(inserter);
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(tree);
            if (parent != null) commit.setParentId(parent);
            PersonIdent ident = author.ident(when);
            commit.setAuthor(ident);
            commit.setCommitter(ident);
            commit.setMessage(note.endsWith("\n") ? note : note + "\n");
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            RefUpdate update = git.updateRef(BRANCH);
            update.setNewObjectId(id);
            update.setExpectedOldObjectId(parent == null ? ObjectId.zeroId() : parent);
            update.setRefLogMessage("dvk: " + note.lines().findFirst().orElse(""), false);
            RefUpdate.Result result = update.update();
            if (result != RefUpdate.Result.NEW && result != RefUpdate.Result.FAST_FORWARD) {
                throw new IOException("the rules' repository did not take the version: " + result);
            }
            return id.name();
        }
    }

    private static Map<String, byte[]> filesOf(Path directory) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> listing = Files.list(directory)) {
            for (Path file : listing.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                if (NAME.matcher(name).matches()) files.put(name, Files.readAllBytes(file));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return files;
    }
}
