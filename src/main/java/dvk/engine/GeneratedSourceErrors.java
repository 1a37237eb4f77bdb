package dvk.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.builder.Message;

/**
 * A compile error the executable model reports against the Java it generated
 * ({@code LambdaConsequence53FD….java:37: The method monthz() is undefined}) named where a person
 * can fix it: the DRL file, the rule and the line. Drools sends the generated source with a second
 * message; the failing line's names are looked for in the rules' text.
 */
final class GeneratedSourceErrors {
    private static final Pattern SOURCE_DUMP = Pattern.compile("(?s)Java source of (\\S+) in error:\\s*(.*)");
    private static final Pattern RULE_NAMES = Pattern.compile("addRuleNames\\(\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern NAME = Pattern.compile("\\$?[A-Za-z_][\\w$]*");
    /** Words of the generated scaffolding, never of a rule's text. */
    private static final Set<String> SCAFFOLDING = Set.of("org", "drools", "modelcompiler", "consequence", "DroolsImpl",
            "asKnowledgeHelper", "kie", "api", "runtime", "rule", "RuleContext", "java", "lang", "util", "model",
            "functions", "return", "EvaluationUtil", "_this", "public", "void", "boolean", "throws", "Exception",
            "new", "null", "true", "false", "int", "long", "String", "Override", "execute", "test", "apply");

    private final RuleSources sources;
    private final Map<String, String> sourceOfFile;

    private GeneratedSourceErrors(RuleSources sources, Map<String, String> sourceOfFile) {
        this.sources = sources;
        this.sourceOfFile = sourceOfFile;
    }

    static GeneratedSourceErrors of(List<Message> errors, RuleSources sources) {
        Map<String, String> sourceOfFile = new HashMap<>();
        for (Message m : errors) {
            Matcher dump = SOURCE_DUMP.matcher(text(m));
            if (dump.matches()) sourceOfFile.put(fileName(dump.group(1)), dump.group(2));
        }
        return new GeneratedSourceErrors(sources, sourceOfFile);
    }

    /** The message that only carries a generated file's source. */
    boolean isSourceDump(Message m) {
        return SOURCE_DUMP.matcher(text(m)).matches();
    }

    boolean isInGeneratedSource(Message m) {
        return m.getPath() != null && m.getPath().endsWith(".java");
    }

    RuleProblem problem(Message m) {
        String text = text(m).strip().replaceAll("\\s*\\n\\s*", " ");
        String source = sourceOfFile.getOrDefault(fileName(m.getPath()), "");
        String[] lines = source.split("\n", -1);
        String failing = m.getLine() > 0 && m.getLine() <= lines.length ? lines[m.getLine() - 1] : "";
        Matcher named = RULE_NAMES.matcher(source);
        String rule = named.find() ? named.group(1).replace("\\\"", "\"") : null;
        Set<String> words = words(failing);
        // a name found in few rules says more than one found in all (insertLogical, $n, id)
        List<RuleText> rules = new ArrayList<>();
        for (RuleSources.DrlFile drl : sources.drlFiles()) {
            DrlText drlText = DrlText.of(drl.text());
            String[] bare = drlText.bare().split("\n", -1);
            for (RuleSources.Declaration d : drl.rules()) {
                if (rule != null && !rule.equals(d.rule())) continue;
                int end = Math.min(drlText.endOfRule(d.line()), bare.length);
                rules.add(new RuleText(drl.name(), d, List.of(bare).subList(d.line() - 1, end)));
            }
        }
        Map<String, Integer> rulesWith = new HashMap<>();
        for (String w : words) rulesWith.put(w, (int) rules.stream().filter(r -> r.shows(w)).count());
        Located best = null;
        for (RuleText r : rules) {
            double score = 0;
            int line = r.declaration().line();
            double bestLine = 0;
            for (int i = 0; i < r.lines().size(); i++) {
                double weight = 0;
                for (String w : words) if (shows(r.lines().get(i), w)) weight += 1.0 / rulesWith.get(w);
                score += weight;
                if (weight > bestLine) {
                    bestLine = weight;
                    line = r.declaration().line() + i;
                }
            }
            if (best == null || score > best.score()) best = new Located(r.file(), line, r.declaration().rule(), score);
        }
        if (best == null || (best.score() == 0 && rule == null)) return new RuleProblem("", 0, null, text);
        return new RuleProblem(best.file(), best.line(), best.rule(), text);
    }

    private record RuleText(String file, RuleSources.Declaration declaration, List<String> lines) {
        boolean shows(String word) {
            return lines.stream().anyMatch(l -> GeneratedSourceErrors.shows(l, word));
        }
    }

    private static boolean shows(String line, String word) {
        return Pattern.compile("(?<![\\w$])" + Pattern.quote(word) + "(?![\\w$])").matcher(line).find();
    }

    private record Located(String file, int line, String rule, double score) {}

    private static Set<String> words(String text) {
        Set<String> words = new LinkedHashSet<>();
        Matcher m = NAME.matcher(text);
        while (m.find()) {
            String w = m.group();
            if (w.length() > 1 && !SCAFFOLDING.contains(w) && !Character.isUpperCase(w.charAt(0)) || w.startsWith("$")) words.add(w);
        }
        return words;
    }

    private static String text(Message m) {
        return m.getText() == null ? "" : m.getText();
    }

    private static String fileName(String path) {
        return path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
    }
}
