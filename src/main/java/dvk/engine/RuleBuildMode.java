package dvk.engine;

/**
 * How DRL is turned into a KieBase. CLASSIC uses the DRL compiler with MVEL constraints;
 * EXECUTABLE_MODEL generates and compiles Java for every rule. Measured on our rules (README,
 * "Build mode"): CLASSIC starts faster, which is what a command-line tool pays on every run.
 */
public enum RuleBuildMode {
    CLASSIC,
    EXECUTABLE_MODEL
}
