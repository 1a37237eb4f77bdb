package dvk.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dvk.app.DraftReport;
import dvk.app.DraftRequest;
import dvk.app.DraftRunner;
import dvk.app.RuleSetDescriptions;
import dvk.engine.RuleCatalog;
import dvk.engine.RuleCompiler;
import dvk.engine.RuleLibrary;
import dvk.engine.RuleSet;
import dvk.engine.RulesException;
import dvk.io.TemporaryFiles;
import dvk.store.Actor;
import dvk.store.Rounds;
import dvk.store.RuleDrafts;
import dvk.store.RuleRepository;
import dvk.store.RulesPutInForce;
import dvk.store.Store;
import dvk.store.User;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The policy workbench beneath its pages: the rules' repository (saved versions), each person's
 * drafts, drafts checked and evaluated in a child process ({@link DraftRunner}), saving, and putting
 * a saved version in force. A draft never reaches this process's compiler; a saved version put in
 * force is compiled here, under the engine's sandbox, as the rules given to {@code dvk serve} are.
 */
final class Workbench {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Checks and impacts kept, by what they were computed from. */
    private static final int KEPT_REPORTS = 32;

    private final RuleRepository repository;
    private final DraftRunner runner;
    private final Store store;
    private final RulesInForce rules;
    private final Clock clock;
    private final Path directory;
    private final Map<String, RuleEditSession> drafts = new ConcurrentHashMap<>();
    private final Map<String, DraftReport> reports = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, DraftReport> eldest) {
            return size() > KEPT_REPORTS;
        }
    });
    /** What a save reminded of, by the commit it made: shown once on the history page it leads to. */
    private final Map<String, List<String>> reminders = new ConcurrentHashMap<>();

    private Workbench(RuleRepository repository, DraftRunner runner, Store store, RulesInForce rules, Clock clock, Path directory) {
        this.repository = repository;
        this.runner = runner;
        this.store = store;
        this.rules = rules;
        this.clock = clock;
        this.directory = directory;
    }

    /**
     * Opens the rules' repository under {@code directory} ({@code rules.git}), seeding it on the
     * first start with the rule sets the workspace was started with and the fixtures beside them;
     * tells {@code rules} which commit each of its rule sets is, and puts in force again what an
     * administrator put in force.
     */
    static Workbench open(Path directory, RulesInForce rules, Store store, DraftRunner runner, Clock clock, PrintWriter out)
            throws IOException {
        Files.createDirectories(directory);
        RuleRepository repository = RuleRepository.open(directory.resolve("rules.git"));
        RuleLibrary library = rules.library();
        if (repository.isEmpty()) {
            Map<String, Path> sets = new LinkedHashMap<>();
            for (RuleLibrary.Entry entry : library.ruleSets()) sets.put(entry.directory().getFileName().toString(), entry.directory());
            try {
                repository.seed(sets, fixtures(library), "The rules dvk serve started with (" + library.label() + ")",
                        new RuleRepository.Author("dvk", "dvk"), clock.instant());
            } catch (RuleRepository.Refused e) {
                throw new IllegalStateException(e);
            }
            out.println("dvk: the rules' repository is " + repository.directory() + ", seeded with " + library.label());
        }
        Workbench workbench = new Workbench(repository, runner, store, rules, clock, directory);
        workbench.matchCommits();
        workbench.restorePut(out);
        return workbench;
    }

    /** The fixtures beside a library of rule sets: {@code fixtures/} next to {@code rules/}. */
    static Path fixtures(RuleLibrary library) {
        if (library.isBundled() || library.ruleSets().isEmpty()) return null;
        Path set = library.ruleSets().get(0).directory().toAbsolutePath().normalize();
        for (Path candidate : List.of(set.getParent().resolveSibling("fixtures"), set.resolveSibling("fixtures"))) {
            if (Files.isDirectory(candidate.resolve("regression"))) return candidate;
        }
        return null;
    }

    RuleRepository repository() {
        return repository;
    }

    DraftRunner runner() {
        return runner;
    }

    /** The rule sets of the newest version. */
    List<String> ruleSets() {
        try {
            String head = repository.head();
            return head == null ? List.of() : repository.ruleSets(head);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String head() {
        try {
            return repository.head();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A rule set's files at the newest version; not found when it has none. */
    Map<String, byte[]> saved(String ruleSet) {
        try {
            Map<String, byte[]> files = repository.files(head(), name(ruleSet));
            if (files.isEmpty()) throw Refusal.notFound();
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The person's draft of a rule set, or null when they have none open (kept in the database across restarts). */
    RuleEditSession draftOf(User user, String ruleSet) {
        String set = name(ruleSet);
        String key = user.id() + "/" + set;
        RuleEditSession open = drafts.get(key);
        if (open != null) return open;
        Optional<RuleDrafts.Draft> kept = store.read(tx -> tx.ruleDrafts().find(user.id(), set));
        if (kept.isEmpty()) return null;
        try {
            Map<String, byte[]> original = repository.files(kept.get().base(), set);
            return drafts.computeIfAbsent(key, k -> new RuleEditSession(set, kept.get().base(), original, kept.get().files(),
                    kept.get().openedAt()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The person's draft of a rule set, opened from the newest version when they have none. */
    RuleEditSession draft(User user, String ruleSet) {
        RuleEditSession open = draftOf(user, ruleSet);
        if (open != null) return open;
        String set = name(ruleSet);
        return drafts.computeIfAbsent(user.id() + "/" + set, key -> new RuleEditSession(set, head(), saved(set), clock.instant()));
    }

    /** Keeps a draft just changed in the database. */
    void kept(User user, RuleEditSession draft) {
        Instant now = clock.instant();
        RuleDrafts.Draft kept = new RuleDrafts.Draft(draft.ruleSet, draft.base, draft.files(), draft.opened);
        store.transaction(tx -> {
            tx.ruleDrafts().keep(user.id(), kept, now);
            return null;
        });
    }

    void discard(User user, String ruleSet) {
        String set = name(ruleSet);
        drafts.remove(user.id() + "/" + set);
        store.transaction(tx -> {
            tx.ruleDrafts().delete(user.id(), set);
            return null;
        });
    }

    /**
     * The catalog of a rule set's files: read here when they are those of a rule set this process
     * compiled (the rules it started with, a version put in force), else from the child's check.
     */
    List<RuleCatalog.Entry> catalog(String ruleSet, Map<String, byte[]> files, String language) throws DraftRunner.Failed {
        String fingerprint = RuleEditSession.fingerprint(files);
        for (RuleSetDescriptions.Checked set : rules.all()) {
            if (set.compiles() && set.rules().fingerprint().equals(fingerprint)) {
                try {
                    return RuleCatalog.read(set.entry(), set.rules()).rules();
                } catch (RulesException e) {
                    break; // the files changed on disk: the child reads these
                }
            }
        }
        return check(ruleSet, files, language).catalog();
    }

    /** The draft checked in a child process: compiled, linted, its catalog; every rule set of the newest version beside it. */
    DraftReport check(String ruleSet, Map<String, byte[]> files, String language) throws DraftRunner.Failed {
        return check(ruleSet, files, language, () -> false);
    }

    /** As {@link #check(String, Map, String)}, given up when {@code superseded} says newer text came. */
    DraftReport check(String ruleSet, Map<String, byte[]> files, String language, java.util.function.BooleanSupplier superseded)
            throws DraftRunner.Failed {
        String key = "check " + ruleSet + " " + RuleEditSession.fingerprint(files) + " " + head();
        DraftReport kept = reports.get(key);
        if (kept != null) return kept;
        Path job = null;
        try {
            job = TemporaryFiles.createDirectory("draft");
            writeLibrary(job, ruleSet, files);
            DraftReport report = runner.run(job, new DraftRequest(DraftRequest.CHECK, ruleSet, language, null, null, null,
                    runner.limits().ruleTimeout().toMillis()), superseded);
            reports.put(key, report);
            return report;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(job);
        }
    }

    /** The draft's impact on a stored round's version, the fixtures' run and coverage, computed in a child process. */
    DraftReport impact(RuleEditSession draft, Rounds.Version version, String shown, String language) throws DraftRunner.Failed {
        Map<String, byte[]> files = draft.files();
        String key = "impact " + draft.ruleSet + " " + RuleEditSession.fingerprint(files) + " " + head() + " " + version.id() + " " + language;
        DraftReport kept = reports.get(key);
        if (kept != null) return kept;
        Path job = null;
        try {
            job = TemporaryFiles.createDirectory("draft");
            writeLibrary(job, draft.ruleSet, files);
            byte[] stored = store.read(tx -> tx.ruleSets().files(version.ruleSet())).orElseThrow(Refusal::notFound);
            unzip(stored, Files.createDirectories(job.resolve(DraftRequest.BASE)));
            String input = "input" + RoundService.extension(version.fileName());
            Files.write(job.resolve(input), store.read(tx -> tx.rounds().input(version.id())).orElseThrow(Refusal::notFound));
            for (Map.Entry<String, byte[]> fixture : repository.fixtures(head()).entrySet()) {
                Path file = job.resolve(DraftRequest.FIXTURES).resolve(fixture.getKey()).normalize();
                if (!file.startsWith(job.resolve(DraftRequest.FIXTURES))) continue;
                Files.createDirectories(file.getParent());
                Files.write(file, fixture.getValue());
            }
            DraftReport report = runner.run(job, new DraftRequest(DraftRequest.IMPACT, draft.ruleSet, language, input, shown,
                    version.ruleSource(), runner.limits().ruleTimeout().toMillis()));
            reports.put(key, report);
            reports.putIfAbsent("check " + draft.ruleSet + " " + RuleEditSession.fingerprint(files) + " " + head(), report);
            return report;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(job);
        }
    }

    /** What a save did: the commit, and the reminders of other rule sets that hold a changed criterion. */
    record Saved(String commit, List<String> reminders) {}

    /**
     * Saves the draft as a new version: checked in a child process first (a version that does not
     * compile is not saved), then committed with the note, the person as author, and an audit entry.
     */
    Saved save(RuleEditSession draft, String note, User user, String ip, String language) throws DraftRunner.Failed {
        if (note == null || note.isBlank()) throw Refusal.badRequest("workbench.save.noNote");
        if (note.length() > 2000) throw Refusal.badRequest("workbench.save.longNote");
        if (!draft.changed()) throw new Refusal(409, "unchanged", "workbench.save.unchanged");
        Map<String, byte[]> files = draft.files();
        DraftReport checked = check(draft.ruleSet, files, language);
        if (!checked.compiles()) {
            throw new Refusal(422, "rules-unusable", "workbench.save.errors",
                    checked.errors().stream().map(Object::toString).limit(20).toList());
        }
        Instant now = clock.instant();
        String commit;
        try {
            commit = repository.save(draft.ruleSet, files, draft.base, note, new RuleRepository.Author(user.displayName(), user.login()), now);
        } catch (RuleRepository.Refused e) {
            throw new Refusal(409, "conflict", "workbench.save.refused", List.of(e.getMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> reminders = reminders(draft, checked, language);
        Actor actor = Actor.of(user, ip);
        store.transaction(tx -> {
            tx.audit().record(actor, now, "rules.save", "rules:" + draft.ruleSet, draft.base,
                    JSON.writeValueAsString(Map.of("commit", commit, "note", note.strip(), "fingerprint", RuleEditSession.fingerprint(files))));
            return null;
        });
        if (!reminders.isEmpty()) this.reminders.put(commit, reminders);
        return new Saved(commit, reminders);
    }

    /** The reminders a save left for its history page, once. */
    List<String> remindersOf(String commit) {
        return commit == null ? List.of() : Optional.ofNullable(reminders.remove(commit)).orElse(List.of());
    }

    /**
     * "rules/2026 still requires >= 3": for each criterion whose requirement the draft changed, the
     * other rule sets that hold it with theirs, from the check's cross-rule-set notes.
     */
    private List<String> reminders(RuleEditSession draft, DraftReport checked, String language) {
        Map<String, String> before = new LinkedHashMap<>();
        try {
            for (RuleCatalog.Entry e : catalog(draft.ruleSet, draft.original(), language)) before.put(e.id(), e.requirement());
        } catch (DraftRunner.Failed e) {
            before = null; // every difference is a reminder, then
        }
        String label = "rules/" + draft.ruleSet;
        List<String> lines = new ArrayList<>();
        dvk.report.Words words = dvk.report.Words.of(language);
        for (DraftReport.Difference d : checked.differences()) {
            String now = d.requirements().get(label);
            if (now == null) continue;
            if (before != null && now.equals(before.get(d.ruleId()))) continue;
            d.requirements().forEach((other, requirement) -> {
                if (!other.equals(label)) {
                    lines.add(words.text("workbench.reminder", other, requirement, d.ruleId(), label, now));
                }
            });
        }
        return lines;
    }

    /**
     * Puts a saved version of a rule set in force for the years {@code from} to {@code to}: compiled
     * here (under the engine's sandbox), refused when it does not compile or its ruleset.json does not
     * cover those years; recorded with an audit entry.
     */
    RulesPutInForce.Entry putInForce(String ruleSet, String commit, int from, int to, User user, String ip) {
        if (!repository.has(commit)) throw Refusal.notFound();
        if (from > to || from < 2000 || to > 2100) throw Refusal.badRequest("workbench.inForce.years");
        RulesInForce.InForce compiled = compile(ruleSet, commit);
        if (!compiled.rules().years().includes(from) || !compiled.rules().years().includes(to)) {
            throw new Refusal(422, "years-not-covered", "workbench.inForce.notCovered", ruleSet, commit.substring(0, 10),
                    compiled.rules().years().toString(), from, to);
        }
        Instant now = clock.instant();
        Actor actor = Actor.of(user, ip);
        long id = store.transaction(tx -> {
            long made = tx.rulesInForce().put(ruleSet, commit, compiled.rules().fingerprint(), from, to, user.id(), now);
            tx.audit().record(actor, now, "rules.inForce", "rules:" + ruleSet, null, JSON.writeValueAsString(Map.of(
                    "commit", commit, "fingerprint", compiled.rules().fingerprint(), "from", from, "to", to)));
            return made;
        });
        rules.put(from, to, compiled);
        return store.read(tx -> tx.rulesInForce().all()).stream().filter(e -> e.id() == id).findFirst().orElseThrow();
    }

    /** The stored rounds with a version, newest first. */
    List<Rounds.Round> rounds() {
        return store.read(tx -> tx.rounds().list()).stream().filter(r -> r.latest() != null).toList();
    }

    Rounds.Version version(long roundId, int number) {
        return store.read(tx -> tx.rounds().version(roundId, number)).orElseThrow(Refusal::notFound);
    }

    List<RulesPutInForce.Decided> decidedWith(String commit) {
        return store.read(tx -> tx.rulesInForce().decidedWith(commit));
    }

    List<RulesPutInForce.Entry> inForce() {
        return store.read(tx -> tx.rulesInForce().all());
    }

    /** A saved version's rule set, exported under the workbench's directory and compiled. */
    private RulesInForce.InForce compile(String ruleSet, String commit) {
        try {
            Map<String, byte[]> files = repository.files(commit, name(ruleSet));
            if (files.isEmpty()) throw Refusal.notFound();
            // one directory per version of a rule set, written aside and renamed into place whole
            Path inForce = Files.createDirectories(directory.resolve("in-force"));
            Path exported = inForce.resolve(commit + "-" + ruleSet).resolve(ruleSet);
            if (!Files.isDirectory(exported)) {
                Path part = Files.createTempDirectory(inForce, commit + "-" + ruleSet + ".part");
                Path into = Files.createDirectories(part.resolve(ruleSet));
                for (Map.Entry<String, byte[]> file : files.entrySet()) Files.write(into.resolve(file.getKey()), file.getValue());
                try {
                    Files.move(part, exported.getParent(), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    deleteQuietly(part); // another request exported it first
                    if (!Files.isDirectory(exported)) throw e;
                }
            }
            RuleSet compiled = new RuleCompiler().compile(exported, "rules/" + ruleSet + "@" + commit.substring(0, 10));
            return new RulesInForce.InForce(compiled, exported, commit);
        } catch (RulesException e) {
            throw new Refusal(422, "rules-unusable", "workbench.inForce.errors", e.problems().stream().map(Object::toString).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each rule set the workspace started with is the newest saved version whose files are its files. */
    private void matchCommits() throws IOException {
        for (RuleLibrary.Entry entry : rules.library().ruleSets()) {
            String set = entry.directory().getFileName().toString();
            Map<String, byte[]> files = new java.util.TreeMap<>();
            try (var listing = Files.list(entry.directory())) {
                for (Path file : listing.filter(Files::isRegularFile).toList()) files.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
            String fingerprint = RuleEditSession.fingerprint(files);
            for (RuleRepository.Version version : repository.history(set)) {
                if (RuleEditSession.fingerprint(repository.files(version.commit(), set)).equals(fingerprint)) {
                    rules.commitOf(entry.label(), version.commit());
                    break;
                }
            }
        }
    }

    /** What administrators put in force before this start, oldest first, so that the newest wins. */
    private void restorePut(PrintWriter out) {
        List<RulesPutInForce.Entry> all = new ArrayList<>(inForce());
        Collections.reverse(all);
        for (RulesPutInForce.Entry entry : all) {
            try {
                rules.put(entry.yearsFrom(), entry.yearsTo(), compile(entry.ruleSet(), entry.commit()));
            } catch (RuntimeException e) {
                out.println("dvk: the rules put in force for " + entry.yearsFrom() + "–" + entry.yearsTo() + " (" + entry.ruleSet() + " "
                        + entry.commit() + ") cannot be used: " + e.getMessage());
            }
        }
    }

    private void writeLibrary(Path job, String edited, Map<String, byte[]> draft) throws IOException {
        String head = head();
        for (String set : repository.ruleSets(head)) {
            Path dir = Files.createDirectories(job.resolve(DraftRequest.LIBRARY).resolve(set));
            Map<String, byte[]> files = set.equals(edited) ? draft : repository.files(head, set);
            for (Map.Entry<String, byte[]> file : files.entrySet()) Files.write(dir.resolve(RuleRepository.name(file.getKey())), file.getValue());
        }
        if (!repository.ruleSets(head).contains(edited)) {
            Path dir = Files.createDirectories(job.resolve(DraftRequest.LIBRARY).resolve(edited));
            for (Map.Entry<String, byte[]> file : draft.entrySet()) Files.write(dir.resolve(RuleRepository.name(file.getKey())), file.getValue());
        }
    }

    private static void unzip(byte[] zip, Path into) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                String name = Path.of(entry.getName()).getFileName().toString();
                Files.write(into.resolve(RuleRepository.name(name)), in.readAllBytes());
            }
        }
    }

    /** A rule set's name from a request: not found unless it is one. */
    static String name(String ruleSet) {
        try {
            return RuleRepository.name(ruleSet);
        } catch (IllegalArgumentException e) {
            throw Refusal.notFound();
        }
    }

    private static void deleteQuietly(Path directory) {
        if (directory == null) return;
        try {
            TemporaryFiles.delete(directory);
        } catch (IOException ignored) {
            // swept when dvk exits, or by a later run
        }
    }
}
