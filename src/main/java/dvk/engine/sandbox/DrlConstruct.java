package dvk.engine.sandbox;

import java.util.Map;

/**
 * DRL constructs whose generated code calls a member the allowlist leaves out: the finding says
 * which construct in words a rule author knows, at the line where it is written.
 */
record DrlConstruct(String word, String explanation) {
    private static final String D = "org.drools.modelcompiler.dsl.pattern.D.";
    private static final DrlConstruct REGEX = new DrlConstruct("matches",
            "the matches operator is not allowed: a regular expression can run for ever on a long name");
    private static final Map<String, DrlConstruct> BY_MEMBER = Map.ofEntries(
            Map.entry("java.util.regex.Pattern.compile", REGEX),
            Map.entry("java.util.regex.Pattern.matcher", REGEX),
            Map.entry("java.util.regex.Matcher.matches", REGEX),
            Map.entry("org.drools.model.operators.MatchesOperator.INSTANCE", REGEX),
            Map.entry(D + "globalOf", new DrlConstruct("global", "globals are not allowed: a rule reads only the facts dvk inserts")),
            Map.entry(D + "executeScript", new DrlConstruct("dialect",
                    "an MVEL consequence is not allowed: it would be interpreted at run time; write the consequence in Java")),
            Map.entry(D + "typeMetaData", new DrlConstruct("declare", "declared types are not allowed: rule files work with the domain model")),
            Map.entry(D + "window", new DrlConstruct("window", "windows are not allowed")),
            Map.entry(D + "entryPoint", new DrlConstruct("entry-point", "entry points are not allowed: dvk inserts every fact into the default one")),
            Map.entry(D + "query", new DrlConstruct("query", "queries are not allowed")),
            Map.entry(D + "unitData", new DrlConstruct("unit", "rule units are not allowed")));

    static DrlConstruct behind(MemberRef ref) {
        return BY_MEMBER.get(ref.key());
    }
}
