package dvk.engine;

/** A batch's year is outside the years its rule set declares: those rules are not the policy for it. */
public class YearNotCoveredException extends RuntimeException {
    public YearNotCoveredException(RuleSet rules, int year) {
        super(rules.source() + " applies to " + rules.years() + " (" + rules.manifest().name()
                + "); the batch's year is " + year);
    }
}
