package dvk.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dvk.app.Evaluations;
import dvk.app.RuleSetDescriptions;
import dvk.engine.Evaluation;
import dvk.engine.RuleFailure;
import dvk.engine.RuleLibrary;
import dvk.engine.RuleProblem;
import dvk.engine.RuleSet;
import dvk.engine.RulesException;
import dvk.engine.YearNotCoveredException;
import dvk.io.BatchException;
import dvk.io.TemporaryFiles;
import dvk.store.Actor;
import dvk.store.RoundContent;
import dvk.store.Rounds;
import dvk.store.RuleSets;
import dvk.store.Store;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A round's uploads: each file evaluated with the rule set in force for the round's year (through
 * {@link Evaluations}, under the engine's sandbox and deadline) and stored whole as the round's next
 * version, with an audit entry, in one transaction. Also the evaluation behind a stored version, for
 * the report and the workbook: kept in memory for recent versions, else evaluated again from the
 * stored file and the stored rule set, and checked against the stored decisions.
 */
final class RoundService {
    /** The formats a batch comes in, by the file's extension. */
    static final List<String> EXTENSIONS = List.of(".xlsx", ".csv", ".json");
    /**
     * Records of evaluations kept in memory for the report and the workbook: a Hà Nội-sized round
     * (an evaluation of 12,000 records holds a few hundred MB), or several district rounds.
     */
    private static final int CACHED_RECORDS = 15_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Store store;
    private final RulesInForce rules;
    private final Clock clock;
    private final Evaluations evaluations = new Evaluations();
    /** Evaluations at once: each takes the cores and a few hundred MB for a large batch, so the rest wait their turn. */
    private final Semaphore evaluating;
    private final Duration queueTimeout;
    private final EvaluationCache recent = new EvaluationCache(CACHED_RECORDS);
    private final Map<String, RuleSets.StoredRuleSet> storedRuleSets = new ConcurrentHashMap<>();
    private final Map<String, RuleSet> compiledFromStore = new ConcurrentHashMap<>();

    private final RegisterFeed register;

    RoundService(Store store, RulesInForce rules, Clock clock, int evaluationsAtOnce, Duration queueTimeout) {
        this.store = store;
        this.register = new RegisterFeed(store);
        this.rules = rules;
        this.clock = clock;
        this.evaluating = new Semaphore(evaluationsAtOnce, true);
        this.queueTimeout = queueTimeout;
    }

    /** A new round with its first version ({@code roundId} null), or the next version of a round. */
    record Upload(Long roundId, int year, String roundName, String fileName, Path file, String note) {
        Upload {
            // the note is free text from a form or a query: one line, kept to what its column holds
            note = plain(note);
            if (note != null && note.length() > 2000) note = note.substring(0, 2000);
            roundName = plain(roundName);
        }
    }

    /** Control characters (NUL, line breaks, ESC) and bidirectional overrides: no name or note needs them. */
    private static final java.util.regex.Pattern CONTROLS = java.util.regex.Pattern.compile("[\\p{Cc}\\u202A-\\u202E\\u2066-\\u2069]");

    /**
     * Text typed as one line (a round's name, a note, a file's name) without control characters: a
     * NUL is refused by PostgreSQL, a line break or an override would disguise what is shown.
     */
    static String plain(String text) {
        return text == null ? null : CONTROLS.matcher(text).replaceAll("");
    }

    /** The file's name as shown: no directories, no control characters, at most 200 characters. */
    static String fileName(String submitted) {
        String name = submitted == null ? "" : plain(submitted).replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    /** The extension a batch's file must have; a refusal naming the three when it has none of them. */
    static String extension(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().filter(lower::endsWith).findFirst()
                .orElseThrow(() -> new Refusal(415, "unsupported-format", "web.upload.format", fileName));
    }

    /**
     * Evaluates and stores an upload. How long each step took goes to {@code timing} as a
     * {@code Server-Timing} header's value (evaluate, the rows, storing), for whoever measures.
     */
    Rounds.Version upload(Upload upload, Actor actor, java.util.function.Consumer<String> timing) {
        long started = System.nanoTime();
        RulesInForce.InForce inForce;
        try {
            inForce = rules.forYear(upload.year());
        } catch (RulesException e) {
            throw new Refusal(422, "rules-unusable", "web.upload.rules", problems(e.problems()), upload.year());
        }
        // the register's titles merged into the priors of nominations that carry a model code, before the rules see them
        List<dvk.app.RegisterPriors.Merged> merged = new java.util.ArrayList<>();
        Evaluation evaluation = evaluate(upload.file(), inForce.rules(), batch -> {
            dvk.app.RegisterPriors.Result result = register.merge(batch);
            merged.addAll(result.merged());
            return result.batch();
        });
        long evaluated = System.nanoTime();
        if (evaluation.year() != upload.year()) {
            throw new Refusal(422, "year-mismatch", "web.upload.yearMismatch", evaluation.year(), upload.year());
        }
        try {
            byte[] input = Files.readAllBytes(upload.file());
            Rounds.NewVersion content = RoundContent.of(evaluation, upload.fileName(), input, upload.note());
            long written = System.nanoTime();
            RuleSets.StoredRuleSet ruleSet = storedRuleSet(inForce);
            Instant now = clock.instant();
            Rounds.Version version = store.transaction(tx -> {
                tx.ruleSets().remember(ruleSet, now);
                long roundId;
                if (upload.roundId() == null) {
                    roundId = tx.rounds().create(upload.year(), upload.roundName(), actor.userId(), now);
                    tx.audit().record(actor, now, "round.create", "round:" + roundId, null,
                            JSON.writeValueAsString(Map.of("year", upload.year(), "name", upload.roundName().strip())));
                } else {
                    roundId = upload.roundId();
                    tx.council().lock(roundId);
                    if (tx.council().roundIssued(roundId)) throw CouncilService.issuedRefusal();
                }
                Rounds.Version added = tx.rounds().addVersion(roundId, content, actor.userId(), now);
                tx.versionPriors().add(added.id(), RegisterFeed.stored(merged));
                if (inForce.commit() != null) tx.rulesInForce().decided(added.id(), inForce.commit());
                tx.audit().record(actor, now, "round.upload", "round:" + roundId, null, JSON.writeValueAsString(described(added)));
                return added;
            });
            remember(version.id(), evaluation);
            timing.accept("evaluate;dur=" + (evaluated - started) / 1_000_000 + ", rows;dur=" + (written - evaluated) / 1_000_000
                    + ", store;dur=" + (System.nanoTime() - written) / 1_000_000);
            return version;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> described(Rounds.Version v) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("version", v.number());
        after.put("file", v.fileName());
        after.put("sha256", v.fileSha256());
        after.put("year", v.year());
        after.put("rules", v.ruleSet());
        after.put("records", v.records());
        after.put("decided", v.decided());
        after.put("rejected", v.rejected());
        if (v.note() != null) after.put("note", v.note());
        return after;
    }

    /** Evaluates under the gate: a refusal saying what is wrong when the file or a rule is. */
    private Evaluation evaluate(Path file, RuleSet ruleSet, java.util.function.UnaryOperator<dvk.domain.Batch> before) {
        acquire();
        try {
            return evaluations.collect(file, ruleSet, before);
        } catch (BatchException e) {
            throw new Refusal(422, "batch-broken", "web.upload.broken", List.of(e.getMessage()));
        } catch (RuleFailure | YearNotCoveredException e) {
            throw new Refusal(422, "rule-failed", "web.upload.ruleFailed", List.of(e.getMessage()));
        } finally {
            evaluating.release();
        }
    }

    /** Runs work that evaluates under the same gate as uploads. */
    <T> T gated(java.util.function.Supplier<T> work) {
        acquire();
        try {
            return work.get();
        } finally {
            evaluating.release();
        }
    }

    private void acquire() {
        try {
            if (!evaluating.tryAcquire(queueTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new Refusal(503, "busy", "web.error.busy");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refusal(503, "busy", "web.error.busy");
        }
    }

    private RuleSets.StoredRuleSet storedRuleSet(RulesInForce.InForce inForce) throws IOException {
        String fingerprint = inForce.rules().fingerprint();
        RuleSets.StoredRuleSet stored = storedRuleSets.get(fingerprint);
        if (stored == null) {
            stored = RoundContent.ruleSet(inForce.rules(), inForce.directory());
            storedRuleSets.put(fingerprint, stored);
        }
        return stored;
    }

    /** The evaluation behind a stored version, exactly as it was. */
    Evaluation evaluation(Rounds.Version version) {
        Evaluation kept = recent.get(version.id());
        if (kept != null) return kept;
        RuleSet ruleSet = rules.byFingerprint(version.ruleSet()).orElseGet(() -> compiledFromStore(version.ruleSet()));
        byte[] input = store.read(tx -> tx.rounds().input(version.id())).orElseThrow(Refusal::notFound);
        Path directory = null;
        try {
            directory = TemporaryFiles.createDirectory("round");
            Path file = directory.resolve("input" + extension(version.fileName()));
            Files.write(file, input);
            // the register's titles as they were merged when the version was stored, not as the register is now
            var priors = RegisterFeed.replayed(store.read(tx -> tx.versionPriors().of(version.id())));
            Evaluation evaluation = evaluate(file, ruleSet, batch -> dvk.app.RegisterPriors.replay(batch, priors));
            if (!RoundContent.sha256(RoundContent.document(evaluation)).equals(version.decisionsSha256())) {
                throw new IllegalStateException("evaluating version " + version.number() + " of round " + version.roundId()
                        + " again did not give its stored decisions");
            }
            remember(version.id(), evaluation);
            return evaluation;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(directory);
        }
    }

    private void remember(long versionId, Evaluation evaluation) {
        recent.put(versionId, evaluation);
    }

    /** A rule set no longer in force, compiled from the files stored with it. */
    private RuleSet compiledFromStore(String fingerprint) {
        return compiledFromStore.computeIfAbsent(fingerprint, fp -> {
            RuleSets.StoredRuleSet stored = store.read(tx -> tx.ruleSets().find(fp)).orElseThrow(Refusal::notFound);
            byte[] files = store.read(tx -> tx.ruleSets().files(fp)).orElseThrow(Refusal::notFound);
            try {
                Path directory = TemporaryFiles.createDirectory("rules");
                try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(files))) {
                    for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                        String name = Path.of(entry.getName()).getFileName().toString();
                        Files.write(directory.resolve(name), zip.readAllBytes());
                    }
                }
                RuleLibrary library = RuleLibrary.open(directory, stored.source());
                RuleSetDescriptions.Checked set = new RuleSetDescriptions().check(library).get(0);
                if (!set.compiles()) throw new RulesException(set.errors());
                if (!set.rules().fingerprint().equals(fp)) throw new IllegalStateException("stored rule set " + fp + " has another fingerprint now");
                return set.rules();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (RulesException e) {
                throw new IllegalStateException("the stored rule set " + fp + " does not compile: " + e.getMessage(), e);
            }
        });
    }

    private static List<String> problems(List<RuleProblem> problems) {
        return problems.stream().map(RuleProblem::toString).toList();
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
