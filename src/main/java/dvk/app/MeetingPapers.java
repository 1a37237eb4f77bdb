package dvk.app;

import dvk.domain.Decision;
import dvk.domain.TitleDefinition;
import dvk.engine.Evaluation;
import dvk.engine.EvaluationCollector;
import dvk.engine.Evaluator;
import dvk.engine.RuleCompiler;
import dvk.engine.RuleFailure;
import dvk.engine.RuleLibrary;
import dvk.engine.RuleSet;
import dvk.engine.RulesException;
import dvk.engine.YearNotCoveredException;
import dvk.io.AtomicFile;
import dvk.io.BatchException;
import dvk.io.BatchReader;
import dvk.io.BatchStream;
import dvk.io.OutputTarget;
import dvk.report.Words;
import dvk.report.papers.Paper;
import dvk.report.papers.Papers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The papers of the committee's meeting, the use case under {@code dvk papers}: evaluate a batch as
 * {@code evaluate} does, then write the proposal (tờ trình), the draft decisions and the award list
 * into a directory. A batch with rejected records still gets its papers (the proposal counts them);
 * the caller says so. Every paper is made in memory before any is written, and each is written
 * atomically: a run that fails before writing leaves the directory as it was.
 */
public final class MeetingPapers {

    /** The papers written: the files, in the order of {@link Paper}, and what the evaluation counted. */
    public record Written(List<Path> files, Tally<Decision> tally, RuleSet rules) {}

    /**
     * Why papers may not be written into {@code directory}, or null when they may: it must be a
     * directory that can be written, or not exist yet under one that can (it is created then).
     */
    public static String refusal(Path directory) {
        Path absolute = directory.toAbsolutePath();
        if (Files.exists(absolute)) {
            if (!Files.isDirectory(absolute)) return "is not a directory; papers go into a directory, one file each";
            if (!Files.isWritable(absolute)) return "cannot be written: the directory is read-only";
            return null;
        }
        Path existing = absolute.getParent();
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) existing = existing.getParent();
        if (existing == null) return null;
        if (!Files.isDirectory(existing)) return "cannot be created: " + existing + " is not a directory";
        if (!Files.isWritable(existing)) return "cannot be created: the directory " + existing + " is read-only";
        return null;
    }

    public Outcome<Written> write(PapersRequest request, EvaluationObserver observer) {
        BatchStream opened;
        try {
            opened = BatchReader.open(request.input());
        } catch (BatchException e) {
            return new Outcome.InputUnreadable<>(request.input().toString(), e.getMessage());
        }
        try (BatchStream batch = opened) {
            observer.phaseEnded("open " + request.input() + " (year " + batch.year() + ")");
            RuleSet rules;
            try {
                rules = new RuleCompiler().compile(request.rules().forYear(batch.year()));
            } catch (RulesException e) {
                return new Outcome.RulesUnusable<>(e.problems());
            }
            observer.phaseEnded("build rules (" + rules.build() + ", " + rules.ruleCount() + " rules of " + rules.source() + ")");
            Evaluator evaluator = new Evaluator(rules).withRuleTimeout(request.ruleTimeout());
            EvaluationCollector collector = new EvaluationCollector();
            Tally<Decision> tally;
            try (EvaluationObserver.Progress progress = observer.progress(batch.size())) {
                tally = new Tally<>(collector, batch, progress, rules.awardedTitles().stream().map(TitleDefinition::code).toList());
                evaluator.stream(batch.year(), batch::next, tally);
            }
            observer.phaseEnded("read and evaluate " + tally.records() + " records");
            Evaluation evaluation = collector.evaluation(batch.year(), rules);
            Papers papers = Papers.of(evaluation, Words.of(request.language()));
            Map<Path, byte[]> made = new LinkedHashMap<>();
            for (Paper paper : Paper.values()) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                paper.write(papers, bytes);
                made.put(request.directory().resolve(paper.fileName(batch.year())), bytes.toByteArray());
            }
            List<Path> inputs = inputs(request);
            for (Path file : made.keySet()) {
                try {
                    OutputTarget.check(file, inputs);
                } catch (OutputTarget.Refused e) {
                    throw new IOException(file + " " + e.getMessage(), e);
                }
            }
            observer.phaseEnded("make the papers");
            for (Map.Entry<Path, byte[]> paper : made.entrySet()) {
                AtomicFile.write(paper.getKey(), out -> out.write(paper.getValue()));
            }
            observer.phaseEnded("write the papers");
            return Outcome.done(new Written(List.copyOf(made.keySet()), tally, rules));
        } catch (BatchException e) {
            // the records before the problem were evaluated, but a batch is decided whole or not at all
            return new Outcome.InputBroken<>(request.input().toString(), e.getMessage(), opened.recordsRead());
        } catch (RuleFailure | YearNotCoveredException e) {
            return new Outcome.RuleFailed<>(e.getMessage());
        } catch (IOException e) {
            return new Outcome.OutputFailed<>(e);
        } catch (UncheckedIOException e) {
            return new Outcome.OutputFailed<>(e.getCause());
        }
    }

    /** What the run reads, which no paper may replace: the batch and the rule sets' directories. */
    private static List<Path> inputs(PapersRequest request) {
        List<Path> inputs = new ArrayList<>();
        inputs.add(request.input());
        for (RuleLibrary.Entry set : request.rules().ruleSets()) {
            inputs.add(set.directory());
        }
        return inputs;
    }
}
