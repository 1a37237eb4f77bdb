package dvk.engine.sandbox;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The shapes of class the executable model generates from a rule file. Any other class (a
 * {@code declare}d type, an anonymous or inner class written in a consequence) is refused: rule
 * files work with the domain model, and a class of their own could be called back from anywhere.
 */
enum GeneratedKind {
    /** A constraint, binding or consequence: an enum with one INSTANCE implementing a Drools function type. */
    LAMBDA,
    /** The model: its rule list and, as static methods, the DRL functions. */
    MODEL,
    /** The methods that build each rule (rule_…), with lambdas that stayed inline (a salience expression). */
    RULE_METHODS,
    /** What Drools knows of each domain class's properties. */
    METADATA,
    /** The kmodule: knowledge base and session settings. */
    PROJECT,
    UNKNOWN;

    static final String RULE_PACKAGE = "dvk/rules";
    private static final Pattern RULE_METHODS_NAME = Pattern.compile("Rules[0-9A-F]+RuleMethods\\d+");
    private static final String PROJECT_PREFIX = "org/drools/project/model/ProjectModel_";

    static GeneratedKind of(ScannedClass c) {
        boolean object = "java/lang/Object".equals(c.superName());
        List<String> interfaces = c.interfaces();
        if (c.name().startsWith(PROJECT_PREFIX)) {
            return object && interfaces.equals(List.of("org/drools/modelcompiler/CanonicalKieModuleModel")) ? PROJECT : UNKNOWN;
        }
        String simple = c.simpleName();
        if ("java/lang/Enum".equals(c.superName()) && simple.startsWith("Lambda") && !interfaces.isEmpty()
                && interfaces.stream().allMatch(i -> i.startsWith("org/drools/model/functions/"))) {
            return LAMBDA;
        }
        if (object && interfaces.equals(List.of("org/drools/model/Model")) && simple.startsWith("Rules")) return MODEL;
        if (object && interfaces.isEmpty() && RULE_METHODS_NAME.matcher(simple).matches()) return RULE_METHODS;
        if (object && simple.startsWith("DomainClassesMetadata")
                && (interfaces.isEmpty() || interfaces.equals(List.of("org/drools/model/DomainClassMetadata")))) {
            return METADATA;
        }
        return UNKNOWN;
    }

    /**
     * {@code dvk/rules/X} or {@code dvk/rules/P3A/X}, where the executable model puts lambdas; the
     * shape of a class says what it is, its package whether the rule file declared the right one.
     */
    static boolean inRulePackage(String name) {
        if (!name.startsWith(RULE_PACKAGE + "/")) return false;
        String rest = name.substring(RULE_PACKAGE.length() + 1);
        int slash = rest.indexOf('/');
        return slash < 0 || (rest.lastIndexOf('/') == slash && rest.substring(0, slash).matches("P[0-9A-F]{2}"));
    }

    /** The code of which methods is rule code (their text comes from the DRL), and of which set-up. */
    Allowlist.Tier tierOf(ScannedClass.ScannedMethod m) {
        return switch (this) {
            case PROJECT, METADATA -> Allowlist.Tier.MODEL_SET_UP;
            // static methods of the model are the DRL's functions
            case MODEL -> m.isStatic() && !m.name().equals("<clinit>") ? Allowlist.Tier.RULE_CODE : Allowlist.Tier.MODEL_SET_UP;
            case RULE_METHODS -> m.name().equals("$deserializeLambda$") || m.name().equals("<init>")
                    ? Allowlist.Tier.MODEL_SET_UP : Allowlist.Tier.RULE_CODE;
            case LAMBDA -> switch (m.name()) {
                case "<clinit>", "<init>", "values", "valueOf", "getExpressionHash", "predicateInformation" -> Allowlist.Tier.MODEL_SET_UP;
                default -> Allowlist.Tier.RULE_CODE;
            };
            case UNKNOWN -> Allowlist.Tier.RULE_CODE;
        };
    }
}
