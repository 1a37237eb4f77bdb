package dvk.web.view;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The council's part of a round's page: the decision in force (or the form that issues the round),
 * the overrides of the rules, apart, each with its reason, the nominations whose typed prior
 * recognitions the register does not back, the decisions made on the round, and the papers.
 */
public record CouncilView(Decision issued, boolean issuedHere, boolean latest, boolean canDecide, String issueAction,
                          String revokeAction, List<Override> overrides, List<Flagged> flagged, List<Decision> history,
                          List<Paper> papers, LocalDate today) {

    /** A decision made on the round: one that issues it, or one that revokes. */
    public record Decision(String kind, String number, LocalDate date, String signer, int version, int titles, String reason,
                           String madeBy, Instant madeAt) {
        public boolean issues() {
            return "ISSUE".equals(kind);
        }
    }

    /** A title granted or withheld against the rules' recommendation. */
    public record Override(String cardUrl, String id, String name, String title, String titleName, boolean granted, String reason,
                           String by, Instant at) {}

    /** A nomination with typed claims the register contradicts or lacks. */
    public record Flagged(String cardUrl, String id, String name, String modelCode, List<String> flags) {}

    public record Paper(String url, String fileName) {}
}
