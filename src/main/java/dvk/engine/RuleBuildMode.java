package dvk.engine;

/**
 * How DRL is turned into a KieBase. CLASSIC uses the DRL compiler with MVEL constraints;
 * EXECUTABLE_MODEL generates and compiles Java for every rule. AUTO, the default, loads the
 * executable model compiled when dvk was built ({@link PrecompiledRules}) when the rule set is one
 * of those, unedited, and otherwise compiles CLASSIC, which of the two run-time builds is the
 * faster (README, "Build mode").
 */
public enum RuleBuildMode {
    AUTO,
    CLASSIC,
    EXECUTABLE_MODEL
}
