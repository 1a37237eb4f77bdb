package dvk.engine;

/**
 * Where the executable model of a rule set comes from. AUTO, the default, loads the classes
 * compiled when dvk was built ({@link PrecompiledRules}) when the rule set is one of those,
 * unedited, and otherwise compiles its DRL now; EXECUTABLE_MODEL always compiles now. Either way
 * the rules run as Java bytecode that the sandbox has checked (MVEL never interprets rule text).
 */
public enum RuleBuildMode {
    AUTO,
    EXECUTABLE_MODEL
}
