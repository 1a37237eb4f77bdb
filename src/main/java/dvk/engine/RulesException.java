package dvk.engine;

import java.util.List;
import java.util.stream.Collectors;

/** The rules could not be used: they do not compile, or their data beside them is wrong. */
public class RulesException extends Exception {
    private final List<RuleProblem> problems;

    public RulesException(List<RuleProblem> problems) {
        super(problems.stream().map(RuleProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public RulesException(RuleProblem problem) {
        this(List.of(problem));
    }

    /** The same problems with their files named under {@code directory}. */
    public RulesException under(String directory) {
        return new RulesException(problems.stream().map(p -> p.under(directory)).toList());
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
