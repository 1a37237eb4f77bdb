package dvk.engine.sandbox;

import dvk.engine.sandbox.ScannedClass.ScannedMethod;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The boundary between rule files and the machine. Compiling a rule set to Drools' executable
 * model turns every constraint, consequence and function into Java bytecode; before any of it is
 * loaded, this reads every generated class and refuses the rule set when its code
 * <ul>
 *   <li>refers to a method, constructor or field the {@link Allowlist} does not name (what is
 *       called is checked, however the rule spelled it: an import, a full name, a string
 *       concatenated across lines, a package of the same name);</li>
 *   <li>declares a class of its own, or sits outside the package {@code dvk.rules};</li>
 *   <li>has a loop, a synchronized block, a catch of errors, or DRL functions that call
 *       themselves, so that every firing ends in a bounded number of steps.</li>
 * </ul>
 * A text lint can be fooled by how a rule is written; the bytecode is what runs.
 */
public final class RuleCodeSandbox {
    private RuleCodeSandbox() {}

    /** @param classFiles every class the compilation generated: internal name ({@code dvk/rules/X}) → bytes */
    public static SandboxReport check(Map<String, byte[]> classFiles) {
        return check(classFiles, Allowlist.standard());
    }

    static SandboxReport check(Map<String, byte[]> classFiles, Allowlist allowlist) {
        Map<String, ScannedClass> classes = new TreeMap<>();
        for (byte[] bytes : classFiles.values()) {
            ScannedClass c = ClassScanner.scan(bytes);
            classes.put(c.name(), c);
        }
        Origins origins = Origins.of(classes);
        List<Finding> findings = new ArrayList<>();
        Map<String, Allowlist.Tier> tiers = new HashMap<>();
        Map<String, GeneratedKind> kinds = new HashMap<>();
        for (ScannedClass c : classes.values()) {
            GeneratedKind kind = GeneratedKind.of(c);
            kinds.put(c.name(), kind);
            for (ScannedMethod m : c.methods()) tiers.put(m.key(), kind.tierOf(m));
        }
        Set<String> otherPackages = new java.util.TreeSet<>();
        for (ScannedClass c : classes.values()) {
            GeneratedKind kind = kinds.get(c.name());
            if (kind != GeneratedKind.PROJECT && !GeneratedKind.inRulePackage(c.name())) {
                String outer = c.packageName().replaceFirst("/P[0-9A-F]{2}$", "");
                if (otherPackages.add(outer)) {
                    String shown = outer.replace('/', '.');
                    findings.add(new Finding(null, null, shown, "package " + shown + " is not allowed: every rule file"
                            + " starts with \"package dvk.rules;\" (in another package, a rule would call that package's"
                            + " classes by their short names)"));
                }
            }
            if (kind == GeneratedKind.UNKNOWN) {
                findings.add(origins.finding(c.name(), null, wordOf(c), unknownClass(c)));
                continue;
            }
            for (ScannedMethod m : c.methods()) {
                Allowlist.Tier tier = tiers.get(m.key());
                Set<String> reported = new LinkedHashSet<>();
                for (MemberRef ref : m.refs()) {
                    String problem = problem(ref, tier, classes, tiers, allowlist);
                    if (problem == null) continue;
                    DrlConstruct construct = DrlConstruct.behind(ref);
                    if (construct == null && reported.add(problem)) {
                        findings.add(origins.finding(c.name(), m, ref.wordInSource(), problem));
                    } else if (construct != null && reported.add(construct.explanation())) {
                        // one finding per construct, though its code calls several members
                        findings.add(origins.finding(c.name(), m, construct.word(), construct.explanation()));
                    }
                }
                for (String construct : new LinkedHashSet<>(m.refused())) {
                    findings.add(origins.finding(c.name(), m, null, "has " + construct + ", which rule code may not have"));
                }
            }
        }
        findings.addAll(recursion(classes, origins));
        return new SandboxReport(List.copyOf(findings), origins.ruleOfClass());
    }

    /** Why rule code may not use this member, or null. */
    private static String problem(MemberRef ref, Allowlist.Tier tier, Map<String, ScannedClass> classes,
                                  Map<String, Allowlist.Tier> tiers, Allowlist allowlist) {
        if (classes.containsKey(ref.owner())) {
            // generated code is checked itself; rule code may not reach into the set-up code around it
            if (ref.use() != MemberRef.Use.CALL && ref.use() != MemberRef.Use.LAMBDA) return null;
            Allowlist.Tier target = tiers.get(ref.owner() + "." + ref.name() + ref.descriptor());
            if (tier == Allowlist.Tier.RULE_CODE && target == Allowlist.Tier.MODEL_SET_UP) {
                return ref.shown() + " is not allowed (generated set-up code)";
            }
            return null;
        }
        if (allowlist.allows(ref, tier)) return null;
        String what = switch (ref.use()) {
            case WRITE -> "writing " + ref.shown();
            case LAMBDA -> "a reference to " + ref.shown();
            default -> ref.shown();
        };
        return what + " is not allowed";
    }

    /** DRL functions (and any generated method) that can reach themselves: each cycle once. */
    private static List<Finding> recursion(Map<String, ScannedClass> classes, Origins origins) {
        Map<String, ScannedMethod> methods = new HashMap<>();
        classes.values().forEach(c -> c.methods().forEach(m -> methods.put(m.key(), m)));
        Map<String, List<String>> calls = new LinkedHashMap<>();
        for (ScannedMethod m : methods.values()) {
            List<String> targets = new ArrayList<>();
            for (MemberRef ref : m.refs()) {
                String target = ref.owner() + "." + ref.name() + ref.descriptor();
                if (ref.use() == MemberRef.Use.CALL && methods.containsKey(target)) targets.add(target);
            }
            calls.put(m.key(), targets);
        }
        List<Finding> findings = new ArrayList<>();
        Map<String, Integer> state = new HashMap<>(); // absent: unseen, 1: on the path, 2: done
        for (String start : new TreeMap<>(calls).keySet()) {
            if (state.containsKey(start)) continue;
            // iterative depth-first search: a deep call chain in a rule file must not overflow dvk's stack
            Deque<String> path = new ArrayDeque<>();
            Deque<Integer> next = new ArrayDeque<>();
            path.push(start);
            next.push(0);
            state.put(start, 1);
            while (!path.isEmpty()) {
                String at = path.peek();
                int i = next.pop();
                List<String> targets = calls.getOrDefault(at, List.of());
                if (i < targets.size()) {
                    next.push(i + 1);
                    String target = targets.get(i);
                    Integer seen = state.get(target);
                    if (seen == null) {
                        state.put(target, 1);
                        path.push(target);
                        next.push(0);
                    } else if (seen == 1) {
                        findings.add(cycle(path, target, methods, origins));
                    }
                } else {
                    state.put(path.pop(), 2);
                }
            }
        }
        return findings;
    }

    private static Finding cycle(Deque<String> path, String back, Map<String, ScannedMethod> methods, Origins origins) {
        List<String> loop = new ArrayList<>();
        for (var it = path.descendingIterator(); it.hasNext(); ) {
            String m = it.next();
            if (m.equals(back) || !loop.isEmpty()) loop.add(m);
        }
        ScannedMethod first = methods.get(back);
        List<String> names = loop.stream().map(k -> origins.describe(methods.get(k))).distinct().toList();
        String message = names.size() == 1
                ? "calls itself (" + names.get(0) + "): rule code may not recurse"
                : "calls itself through " + String.join(" → ", names) + ": rule code may not recurse";
        return origins.finding(first.owner(), first, first.name(), message);
    }

    private static String unknownClass(ScannedClass c) {
        if (c.simpleName().contains("$")) {
            String base = !c.interfaces().isEmpty() ? c.interfaces().get(0) : c.superName();
            return "declares a class in its code (" + (wordOf(c).equals("new") ? "new " + shownClass(base) + "() { … }"
                    : wordOf(c)) + "): rule code may not declare classes";
        }
        return "declares a type of its own (" + wordOf(c) + "): rule files work with the domain model (dvk.domain)"
                + " and may not declare types";
    }

    /** What the rule's text shows for a class: its name, or {@code new} for an anonymous one. */
    private static String wordOf(ScannedClass c) {
        String simple = c.simpleName();
        String last = simple.substring(simple.lastIndexOf('$') + 1);
        return last.chars().allMatch(Character::isDigit) ? "new" : last;
    }

    private static String shownClass(String internalName) {
        return internalName.replace('/', '.');
    }
}
