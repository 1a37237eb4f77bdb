package dvk.domain;

/** What a rule set says about itself in {@code ruleset.json}: a name for people and the years it applies to. */
public record RuleSetManifest(String name, YearRange years) {}
