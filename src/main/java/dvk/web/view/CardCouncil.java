package dvk.web.view;

import java.util.List;

/**
 * A nomination card's part from the register and the council: its model code and whether the
 * register knows it; the prior recognitions given to the rules, each with its source; the typed
 * claims the register contradicts or lacks; and each title with the council's verdict on it.
 */
public record CardCouncil(int position, String modelCode, boolean registered, List<Prior> priors, List<String> flags, List<TitleVerdict> titles,
                          boolean canDecide, boolean issued, String action) {

    /** {@code source}: register, typed, or both. */
    public record Prior(int year, String level, String title, String source, String decisionNumber) {}

    /** A title of the rules: recommended or not, and the council's override, if any. */
    public record TitleVerdict(String code, String name, boolean recommended, String verdict, String reason, String by) {
        public boolean granted() {
            return "GRANT".equals(verdict);
        }

        public boolean withheld() {
            return "WITHHOLD".equals(verdict);
        }

        /** Whether the final list holds it. */
        public boolean finallyHeld() {
            return verdict == null ? recommended : granted();
        }
    }
}
