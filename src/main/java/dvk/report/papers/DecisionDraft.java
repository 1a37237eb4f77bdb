package dvk.report.papers;

import java.util.List;

/**
 * One draft decision: the titles one body issues, each with its awardees, and the legal bases
 * from the citations of the rules that awarded them.
 */
public record DecisionDraft(IssuingBody body, List<TitleAwards> titles, List<String> bases) {
    public DecisionDraft {
        titles = List.copyOf(titles);
        bases = List.copyOf(bases);
    }
}
