package dvk.engine.sandbox;

import dvk.engine.sandbox.ScannedClass.ScannedMethod;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which rule each piece of generated code came from. The executable model builds each rule in a
 * method {@code rule_…} that names it ({@code D.rule("dvk.rules", "city-model: score")}) and picks
 * up the classes of its constraints and consequence ({@code LambdaPredicate….INSTANCE}); DRL
 * functions are the model's static methods.
 */
final class Origins {
    private final Map<String, String> ruleOfClass;
    private final Map<String, String> ruleOfMethod;
    private final Map<String, GeneratedKind> kinds;

    private Origins(Map<String, String> ruleOfClass, Map<String, String> ruleOfMethod, Map<String, GeneratedKind> kinds) {
        this.ruleOfClass = ruleOfClass;
        this.ruleOfMethod = ruleOfMethod;
        this.kinds = kinds;
    }

    static Origins of(Map<String, ScannedClass> classes) {
        Map<String, String> ruleOfClass = new TreeMap<>();
        Map<String, String> ruleOfMethod = new HashMap<>();
        Map<String, GeneratedKind> kinds = new HashMap<>();
        for (ScannedClass c : classes.values()) {
            kinds.put(c.name(), GeneratedKind.of(c));
            for (ScannedMethod m : c.methods()) {
                if (m.ruleNames().isEmpty()) continue;
                String rule = m.ruleNames().get(0);
                ruleOfMethod.put(m.key(), rule);
                for (String used : m.lambdaClasses()) {
                    // a lambda shared by two rules (the same constraint twice) is named after the first
                    if (used.contains(".")) ruleOfMethod.putIfAbsent(used, rule);
                    else ruleOfClass.putIfAbsent(used.replace('/', '.'), rule);
                }
            }
        }
        return new Origins(ruleOfClass, ruleOfMethod, kinds);
    }

    /** Dotted class name → rule, for every class of rule code. */
    Map<String, String> ruleOfClass() {
        return Map.copyOf(ruleOfClass);
    }

    String ruleOf(String className, ScannedMethod method) {
        if (method != null && ruleOfMethod.containsKey(method.key())) return ruleOfMethod.get(method.key());
        // a class declared inside a consequence (Lambda…$1) is that consequence's rule's
        int nested = className.indexOf('$');
        String outer = nested < 0 ? className : className.substring(0, nested);
        return ruleOfClass.get(outer.replace('/', '.'));
    }

    /** A DRL function's name, when the method is one. */
    String functionOf(String className, ScannedMethod method) {
        if (method == null || kinds.get(className) != GeneratedKind.MODEL) return null;
        return method.isStatic() && !method.name().equals("<clinit>") ? method.name() : null;
    }

    Finding finding(String className, ScannedMethod method, String word, String message) {
        return new Finding(ruleOf(className, method), functionOf(className, method), word, message);
    }

    /** How a cycle names a method: {@code function twice}, {@code rule "x"}. */
    String describe(ScannedMethod m) {
        String function = functionOf(m.owner(), m);
        if (function != null) return "function " + function;
        String rule = ruleOf(m.owner(), m);
        return rule != null ? "rule \"" + rule + "\"" : m.owner().replace('/', '.') + "." + m.name();
    }
}
