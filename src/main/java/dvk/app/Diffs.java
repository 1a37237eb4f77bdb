package dvk.app;

import dvk.domain.Batch;
import dvk.engine.Evaluation;
import dvk.engine.Evaluator;
import dvk.engine.RuleCompiler;
import dvk.engine.RuleFailure;
import dvk.engine.RuleLibrary;
import dvk.engine.RuleProblem;
import dvk.engine.RuleSet;
import dvk.engine.RulesException;
import dvk.engine.YearNotCoveredException;
import dvk.io.AtomicFile;
import dvk.io.BatchException;
import dvk.io.BatchReader;
import dvk.io.GitRevision;
import dvk.io.TemporaryFiles;
import dvk.regression.Impact;
import dvk.regression.ImpactAnalysis;
import dvk.report.ImpactHtmlWriter;
import dvk.report.Words;
import dvk.report.ImpactJsonWriter;
import dvk.report.ImpactTextWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Comparing two rule sets on one batch, the use case under {@code dvk diff} and the policy
 * workbench: who gains and loses which title, and which criterion moved them.
 */
public final class Diffs {
    /** How an impact is written. */
    public enum Format { TEXT, JSON, HTML }

    /** The rules before the change: a directory, or the changed rules' directory at a git revision. */
    public sealed interface Base {
        record Directory(Path path) implements Base {}

        /** {@code revision} of the directory {@code rules} (the changed rules' own directory). */
        record GitRevisionOf(String revision, Path rules, String shown) implements Base {}
    }

    /**
     * @param whatIf compare even when a rule set's years do not include the batch's year
     */
    public record Request(Path input, Base base, RuleLibrary changed, boolean whatIf, Duration ruleTimeout) {}

    public Outcome<Impact> compare(Request request) {
        Batch batch;
        try {
            batch = BatchReader.read(request.input());
        } catch (BatchException e) {
            return new Outcome.InputUnreadable<>(request.input().toString(), e.getMessage());
        }
        Path gitCopy = null;
        try {
            RuleLibrary baseLibrary;
            if (request.base() instanceof Base.GitRevisionOf git) {
                gitCopy = TemporaryFiles.createDirectory("base");
                Path exported = GitRevision.export(git.revision(), git.rules(), gitCopy);
                baseLibrary = RuleLibrary.open(exported, git.shown() + ":" + RuleLibrary.open(git.rules()).label());
            } else {
                baseLibrary = RuleLibrary.open(((Base.Directory) request.base()).path());
            }
            RuleCompiler compiler = new RuleCompiler();
            RuleSet baseRules = compiler.compile(select(baseLibrary, batch.year(), request.whatIf()));
            RuleSet changedRules = compiler.compile(select(request.changed(), batch.year(), request.whatIf()));
            Evaluation before = evaluator(baseRules, request).evaluate(batch);
            Evaluation after = evaluator(changedRules, request).evaluate(batch);
            return Outcome.done(ImpactAnalysis.compare(request.input().toString().replace('\\', '/'), before, after));
        } catch (GitRevision.GitException e) {
            return new Outcome.Unavailable<>("--base " + ((Base.GitRevisionOf) request.base()).shown(), e.getMessage());
        } catch (RulesException e) {
            return new Outcome.RulesUnusable<>(e.problems());
        } catch (RuleFailure | YearNotCoveredException e) {
            return new Outcome.RuleFailed<>(e.getMessage());
        } catch (IOException e) {
            // a temporary copy of the rules at a git revision that could not be made
            return new Outcome.Unavailable<>("--base", e.getMessage());
        } finally {
            deleteQuietly(gitCopy);
        }
    }

    /** Writes an impact in a format to a destination; the HTML page in Vietnamese. */
    public static void write(Impact impact, Format format, Destination destination) throws IOException {
        write(impact, format, Words.vietnamese(), destination);
    }

    /** Writes an impact in a format to a destination; the HTML page in the language of {@code words}. */
    public static void write(Impact impact, Format format, Words words, Destination destination) throws IOException {
        AtomicFile.Content content = stream -> {
            switch (format) {
                case TEXT -> ImpactTextWriter.write(impact, new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8)));
                case JSON -> ImpactJsonWriter.write(impact, stream);
                case HTML -> ImpactHtmlWriter.write(impact, words, stream);
            }
        };
        destination.write(content);
    }

    /** The rule set for the batch's year; in a what-if, a library of one rule set gives that set whatever the year. */
    private static RuleLibrary.Entry select(RuleLibrary library, int year, boolean whatIf) throws RulesException {
        if (whatIf && library.ruleSets().size() == 1) return library.ruleSets().get(0);
        try {
            return library.forYear(year);
        } catch (RulesException e) {
            if (whatIf || library.ruleSets().size() != 1) throw e;
            throw new RulesException(e.problems().stream().map(p -> new RuleProblem(p.file(), p.line(),
                    p.rule(), p.message() + " (--what-if compares it anyway)")).toList());
        }
    }

    private static Evaluator evaluator(RuleSet rules, Request request) {
        Evaluator evaluator = new Evaluator(rules).withRuleTimeout(request.ruleTimeout());
        return request.whatIf() ? evaluator.whatIf() : evaluator;
    }

    private static void deleteQuietly(Path directory) {
        if (directory == null) return;
        try {
            TemporaryFiles.delete(directory);
        } catch (IOException ignored) {
            // what is left is deleted when dvk exits, or swept by a later run
        }
    }
}
