package dvk.engine;

import java.util.ArrayList;
import java.util.List;

/** Each declared rule's text, from its {@code rule} line to its {@code end}, split at {@code then}. */
final class RuleBodies {
    /** {@code code} keeps strings, {@code bare} blanks them; both without comments. */
    record Body(String file, String rule, int line, String code, String bare) {
        /** The conditions ({@code when} part), strings blanked. */
        String conditions() {
            int then = bare.indexOf("\nthen");
            return then < 0 ? bare : bare.substring(0, then);
        }
    }

    private RuleBodies() {}

    static List<Body> of(RuleSources sources) {
        List<Body> bodies = new ArrayList<>();
        for (RuleSources.DrlFile drl : sources.drlFiles()) {
            DrlText text = DrlText.of(drl.text());
            for (RuleSources.Declaration d : drl.rules()) {
                int end = text.endOfRule(d.line());
                bodies.add(new Body(drl.name(), d.rule(), d.line(),
                        DrlText.lines(text.code(), d.line(), end), DrlText.lines(text.bare(), d.line(), end)));
            }
        }
        return bodies;
    }
}
