package dvk.app;

import dvk.domain.Decision;
import dvk.domain.TitleDefinition;
import dvk.engine.DecisionListener;
import dvk.engine.Evaluation;
import dvk.engine.EvaluationCollector;
import dvk.engine.Evaluator;
import dvk.engine.RuleCompiler;
import dvk.engine.RuleFailure;
import dvk.engine.RuleSet;
import dvk.engine.RulesException;
import dvk.engine.YearNotCoveredException;
import dvk.io.BatchException;
import dvk.io.BatchReader;
import dvk.io.BatchStream;
import dvk.report.CsvDecisionOutput;
import dvk.report.DecisionHtmlWriter;
import dvk.report.DecisionXlsxWriter;
import dvk.report.JsonDecisionOutput;
import dvk.report.Words;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Evaluating a batch, the use case under {@code dvk evaluate} and the workspace's upload: open the
 * batch, build the rule set of its year, evaluate every record, and write the decisions in a format
 * to a destination. JSON and CSV are rendered as records are decided and spilled to disk, so a
 * batch of any size streams; XLSX and HTML need the whole evaluation, for committee-sized batches.
 */
public final class Evaluations {

    public Outcome<EvaluationResult> evaluate(EvaluationRequest request, Destination destination, EvaluationObserver observer) {
        BatchStream opened;
        try {
            opened = BatchReader.open(request.input());
        } catch (BatchException e) {
            return new Outcome.InputUnreadable<>(request.input().toString(), e.getMessage(), e.phrase());
        }
        try (BatchStream batch = opened) {
            observer.phaseEnded("open " + request.input() + " (year " + batch.year() + ")");
            RuleSet rules;
            try {
                rules = new RuleCompiler(request.buildMode()).compile(request.rules().forYear(batch.year()));
            } catch (RulesException e) {
                return new Outcome.RulesUnusable<>(e.problems());
            }
            observer.phaseEnded("build rules (" + rules.build() + ", " + rules.ruleCount() + " rules of " + rules.source() + ")");
            Evaluator evaluator = (request.threads() > 0 ? new Evaluator(rules, request.threads()) : new Evaluator(rules))
                    .withRuleTimeout(request.ruleTimeout());
            Words words = request.words();
            Tally<?> tally = switch (request.format()) {
                case JSON -> streamed(batch, evaluator, new JsonDecisionOutput(batch.year(), rules, words),
                        (output, out) -> {
                            output.warnings(batch.warnings());
                            output.writeTo(out);
                        }, destination, observer);
                case CSV -> streamed(batch, evaluator, new CsvDecisionOutput(rules.awardedTitles(), words),
                        CsvDecisionOutput::writeTo, destination, observer);
                case XLSX -> collected(batch, evaluator, (evaluation, out) -> DecisionXlsxWriter.write(evaluation, words, out),
                        destination, observer);
                case HTML -> collected(batch, evaluator,
                        (evaluation, out) -> DecisionHtmlWriter.write(evaluation, words, request.cards(), out),
                        destination, observer);
            };
            observer.phaseEnded("write the output (" + request.format().name().toLowerCase(java.util.Locale.ROOT) + ")");
            return Outcome.done(new EvaluationResult(tally, rules, batch.warnings(), tally.provisional()));
        } catch (BatchException e) {
            // the records before the problem were evaluated, but a batch is decided whole or not at all
            return new Outcome.InputBroken<>(request.input().toString(), e.getMessage(), opened.recordsRead(), e.phrase());
        } catch (RuleFailure | YearNotCoveredException e) {
            return new Outcome.RuleFailed<>(e.getMessage());
        } catch (IOException e) {
            return new Outcome.OutputFailed<>(e);
        } catch (UncheckedIOException e) {
            return new Outcome.OutputFailed<>(e.getCause());
        }
    }

    /** The whole evaluation of a batch held in memory (a workspace's round, a test); failures as exceptions. */
    public Evaluation collect(java.nio.file.Path input, RuleSet rules) throws BatchException {
        return new Evaluator(rules).evaluate(BatchReader.read(input));
    }

    /**
     * The same, with the batch changed before it is evaluated: the workspace merges the award
     * register's titles into the nominations' prior recognitions there ({@link RegisterPriors}).
     */
    public Evaluation collect(java.nio.file.Path input, RuleSet rules, java.util.function.UnaryOperator<dvk.domain.Batch> before)
            throws BatchException {
        return new Evaluator(rules).evaluate(before.apply(BatchReader.read(input)));
    }

    /** A streamed output: fed each decision as it is made, then written whole to the destination. */
    @FunctionalInterface
    private interface StreamedOutput<O> {
        void writeTo(O output, OutputStream out) throws IOException;
    }

    /** An output made from the whole evaluation at once. */
    @FunctionalInterface
    private interface WholeOutput {
        void write(Evaluation evaluation, OutputStream out) throws IOException;
    }

    private static <R, O extends DecisionListener<R> & AutoCloseable> Tally<R> streamed(BatchStream batch,
            Evaluator evaluator, O sink, StreamedOutput<O> output, Destination destination, EvaluationObserver observer)
            throws BatchException, IOException {
        try (O out = sink; EvaluationObserver.Progress progress = observer.progress(batch.size())) {
            Tally<R> tally = new Tally<>(out, batch, progress, codes(evaluator));
            evaluator.stream(batch.year(), batch::next, tally);
            progress.close();
            observer.phaseEnded("read and evaluate " + tally.records() + " records");
            destination.write(stream -> output.writeTo(out, stream));
            return tally;
        } catch (IOException | BatchException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    private static Tally<Decision> collected(BatchStream batch, Evaluator evaluator, WholeOutput output,
                                             Destination destination, EvaluationObserver observer)
            throws BatchException, IOException {
        EvaluationCollector collector = new EvaluationCollector();
        Tally<Decision> tally;
        try (EvaluationObserver.Progress progress = observer.progress(batch.size())) {
            tally = new Tally<>(collector, batch, progress, codes(evaluator));
            evaluator.stream(batch.year(), batch::next, tally);
        }
        observer.phaseEnded("read and evaluate " + tally.records() + " records");
        Evaluation evaluation = collector.evaluation(batch.year(), evaluator.rules(), batch.warnings());
        destination.write(stream -> output.write(evaluation, stream));
        return tally;
    }

    private static List<String> codes(Evaluator evaluator) {
        return evaluator.rules().awardedTitles().stream().map(TitleDefinition::code).toList();
    }
}
