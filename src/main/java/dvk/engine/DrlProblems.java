package dvk.engine;

import dvk.engine.RuleProblem.Said;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.builder.Message;

/**
 * Drools' messages about rule files, said for people: where the text is wrong (line and column, the
 * line itself) and what was expected, in words from the bundles ({@link RuleProblem#said()}).
 *
 * <p>Drools' parser reports a missing {@code end} at the next rule's first action ({@code [ERR 102]
 * Line 43:4 mismatched input 'insertLogical'}), a missing {@code )} in an action at the rule's first
 * line, an unknown type without a line, and adds {@code Parser returned a null Package}. So when
 * Drools cannot parse a file, its text is read here first, rule by rule: a rule without {@code end},
 * {@code when} or {@code then}, and parentheses that do not pair, are named where they are. Only
 * what that reading does not explain is translated message by message.
 */
final class DrlProblems {
    private static final Pattern PARSER = Pattern.compile("(?s)\\[ERR (\\d+)\\] Line (\\d+):(\\d+) (.*)");
    private static final Pattern IN_RULE = Pattern.compile("(?s).* in rule \"((?:[^\"\\\\]|\\\\.)*)\".*");
    private static final Pattern MISMATCHED = Pattern.compile("(?s)mismatched input '(.*?)'(?: expecting (.+?))?(?: in .*)?");
    private static final Pattern NO_VIABLE = Pattern.compile("(?s)no viable alternative at input '(.*?)'.*");
    private static final Pattern MISSING = Pattern.compile("(?s)missing (.+?) at '(.*?)'.*");
    private static final Pattern EXTRANEOUS = Pattern.compile("(?s)extraneous input '(.*?)' expecting (.+?)(?: in .*)?");
    private static final String NULL_PACKAGE = "Parser returned a null Package";
    private static final Pattern CONSEQUENCE = Pattern.compile(
            "(?s)Unable to parse consequence caused by: \\(line (\\d+),col (\\d+)\\) Parse error\\. Found \"(.*?)\",?(.*)");
    private static final Pattern UNKNOWN_CLASS = Pattern.compile("(?s)Unable to find class: ([\\w$.]+).*");
    private static final Pattern LEFT_PART = Pattern.compile("(?s)Unable to parse left part of expression: (.*)");
    private static final Pattern UNDEFINED_METHOD = Pattern.compile("(?s)The method (\\w+)\\((.*?)\\) is undefined for the type (\\w+).*");
    private static final Pattern UNRESOLVED = Pattern.compile("(?s)([\\w$]+) cannot be resolved(?: to a variable)?");
    private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*import\\s+([\\w.]+)\\s*;");
    /** A line starting a new condition: {@code $x : Type(}, {@code not Type(}, {@code accumulate(}. */
    private static final Pattern CONDITION_START = Pattern.compile(
            "^\\s*(?:(?:\\$[\\w$]*\\s*:\\s*)?(?:(?:not|exists|forall)\\s*\\(?\\s*)?[A-Z][\\w.]*\\s*\\(|(?:not|exists|forall|accumulate|eval|from)\\b|then\\b)");
    private static final Pattern ATTRIBUTE = Pattern.compile("^\\s*(?:@|(?:salience|no-loop|lock-on-active|agenda-group|"
            + "activation-group|ruleflow-group|auto-focus|dialect|enabled|date-effective|date-expires|duration|timer|calendars)\\b)");
    /** {@code Type word} or {@code Type)} at a condition's start: a type without its "(". */
    private static final Pattern TYPE_WITHOUT_PAREN = Pattern.compile(
            "^\\s*(?:\\$[\\w$]*\\s*:\\s*)?(?:(?:not|exists)\\s+)?([A-Z]\\w*)(?![\\w.])(?!\\s*\\()");
    /** {@code call Owner.method(…)} in an action: a call without its "(". */
    private static final Pattern CALL_WITHOUT_PAREN = Pattern.compile("^\\s*([a-z][\\w]*)\\s+(?=[A-Za-z$][\\w$]*\\s*[.(])");
    private static final Set<String> ACTIONS = Set.of("insertLogical", "insert", "retract", "delete", "modify", "update");

    private final RuleSources sources;

    private DrlProblems(RuleSources sources) {
        this.sources = sources;
    }

    /**
     * The problems of Drools' error messages about {@code sources}, in people's words where the
     * message is one of the common ones; {@code generated} locates errors in the Java the executable
     * model generated.
     */
    static List<RuleProblem> of(List<Message> errors, RuleSources sources, GeneratedSourceErrors generated) {
        DrlProblems reader = new DrlProblems(sources);
        List<RuleProblem> problems = new ArrayList<>();
        Set<String> unparsed = new LinkedHashSet<>();
        for (Message m : errors) {
            if (!generated.isInGeneratedSource(m) && isParserMessage(text(m))) unparsed.add(fileName(m.getPath()));
        }
        Set<String> explained = new HashSet<>();
        for (String file : unparsed) {
            List<RuleProblem> found = reader.structure(file);
            if (!found.isEmpty()) {
                problems.addAll(found);
                explained.add(file);
            }
        }
        Set<String> ruleReported = new HashSet<>();
        List<RuleProblem> translated = new ArrayList<>();
        for (Message m : errors) {
            if (generated.isSourceDump(m)) continue;
            if (generated.isInGeneratedSource(m)) {
                translated.add(reader.generated(generated.problem(m), text(m)));
                continue;
            }
            String file = fileName(m.getPath());
            String text = text(m);
            if (explained.contains(file) && isParserMessage(text)) continue;
            if (text.strip().equals(NULL_PACKAGE)) {
                boolean others = errors.stream().anyMatch(o -> o != m && fileName(o.getPath()).equals(file));
                if (!others) translated.add(reader.located(file, 0, 0, null, text, Said.of("rules.compile.unreadable")));
                continue;
            }
            RuleProblem problem = reader.message(file, m);
            // after one parse error in a rule, Drools' next ones in it follow from the first
            if (PARSER.matcher(text).matches() && !ruleReported.add(file + "\u0000" + problem.rule())) continue;
            translated.add(problem);
        }
        problems.addAll(translated);
        return problems.stream().distinct().toList();
    }

    private static boolean isParserMessage(String text) {
        return PARSER.matcher(text).matches() || text.strip().equals(NULL_PACKAGE) || CONSEQUENCE.matcher(text).matches();
    }

    // ---- the text of a file, rule by rule

    /** What a rule file's text shows wrong: rules without end, when or then; parentheses that do not pair. */
    private List<RuleProblem> structure(String file) {
        RuleSources.DrlFile drl = drl(file);
        if (drl == null) return List.of();
        String[] bare = DrlText.of(drl.text()).bare().split("\n", -1);
        List<RuleProblem> problems = new ArrayList<>();
        List<RuleSources.Declaration> declarations = drl.rules();
        for (int i = 0; i < declarations.size(); i++) {
            RuleSources.Declaration d = declarations.get(i);
            int last = i + 1 < declarations.size() ? declarations.get(i + 1).line() - 1 : bare.length;
            int when = lineStarting(bare, d.line() + 1, last, "when");
            int then = lineStarting(bare, Math.max(when, d.line()) + 1, last, "then");
            int end = lineEqual(bare, Math.max(then, d.line()) + 1, last, "end");
            if (end == 0) {
                int at = lastCodeLine(bare, d.line(), last);
                problems.add(located(file, at, bare[at - 1].stripTrailing().length() + 1, d.rule(), "missing end",
                        Said.of("rules.compile.missingEnd", d.rule(), d.line())));
            }
            int stop = end > 0 ? end - 1 : last;
            if (when == 0 && then > 0) {
                int at = firstCode(bare, d.line() + 1, then - 1);
                if (at > 0) {
                    problems.add(located(file, at, indent(bare[at - 1]) + 1, d.rule(), "missing when",
                            Said.of("rules.compile.missingWhen", d.rule())));
                    continue;
                }
            }
            if (when > 0 && then == 0) {
                problems.add(missingThen(file, bare, d, when, stop));
                continue;
            }
            if (when > 0) {
                RuleProblem conditions = parentheses(file, bare, d.rule(), when + 1, then - 1, false);
                if (conditions != null) problems.add(conditions);
            }
            if (then > 0) {
                RuleProblem actions = parentheses(file, bare, d.rule(), then + 1, stop, true);
                if (actions != null) problems.add(actions);
            }
        }
        return problems;
    }

    private RuleProblem missingThen(String file, String[] bare, RuleSources.Declaration d, int when, int stop) {
        for (int k = when + 1; k <= stop; k++) {
            String word = bare[k - 1].strip();
            if (word.matches("[A-Za-z]+") && distance(word.toLowerCase(Locale.ROOT), "then") <= 2) {
                return located(file, k, indent(bare[k - 1]) + 1, d.rule(), "missing then",
                        Said.of("rules.compile.missingThen", d.rule()), Said.of("rules.compile.misspelt", word, "then"));
            }
        }
        for (int k = when + 1; k <= stop; k++) {
            Matcher action = Pattern.compile("\\b(" + String.join("|", ACTIONS) + ")\\s*\\(").matcher(bare[k - 1]);
            if (action.find()) {
                return located(file, k, action.start() + 1, d.rule(), "missing then", Said.of("rules.compile.missingThen", d.rule()));
            }
        }
        return located(file, when, indent(bare[when - 1]) + 1, d.rule(), "missing then",
                Said.of("rules.compile.missingThen", d.rule()));
    }

    /** An opened parenthesis: where, and the word before it ({@code Measures}, {@code insertLogical}). */
    private record Open(int line, int column, String word) {}

    /**
     * The first parenthesis of lines {@code from}–{@code to} that does not pair: a ")" that closes
     * nothing, or a "(" left open at the end of its condition, or (in actions) at its statement's ";".
     */
    private RuleProblem parentheses(String file, String[] bare, String rule, int from, int to, boolean actions) {
        Deque<Open> open = new ArrayDeque<>();
        for (int k = from; k <= to && k <= bare.length; k++) {
            String line = bare[k - 1];
            for (int c = 0; c < line.length(); c++) {
                char ch = line.charAt(c);
                if (ch == '(') {
                    open.push(new Open(k, c + 1, wordBefore(line, c)));
                } else if (ch == ')') {
                    if (open.isEmpty()) return unopened(file, bare, rule, k, c, actions);
                    open.pop();
                } else if (ch == ';' && actions && !open.isEmpty()) {
                    return missingClose(file, bare, rule, open.peek(), k, c + 1);
                }
            }
            if (!actions && !open.isEmpty() && endsCondition(bare, k, to)) {
                return missingClose(file, bare, rule, open.peek(), k, line.stripTrailing().length() + 1);
            }
        }
        if (!open.isEmpty()) {
            int at = lastCodeLine(bare, from, to);
            return missingClose(file, bare, rule, open.peek(), at, bare[at - 1].stripTrailing().length() + 1);
        }
        return null;
    }

    /** Whether the condition on line {@code k} ends there: the next line with code starts another, or there is none. */
    private static boolean endsCondition(String[] bare, int k, int to) {
        for (int next = k + 1; next <= to && next <= bare.length; next++) {
            if (bare[next - 1].isBlank()) continue;
            return CONDITION_START.matcher(bare[next - 1]).find();
        }
        return true;
    }

    private RuleProblem missingClose(String file, String[] bare, String rule, Open opened, int line, int column) {
        String what = opened.word().isEmpty() ? "(" : opened.word() + "(";
        return located(file, line, column, rule, "missing )",
                Said.of("rules.compile.missingClose", what, opened.line(), opened.column()));
    }

    /** A ")" closing nothing; when the line's condition or call lacks its "(", that is said instead. */
    private RuleProblem unopened(String file, String[] bare, String rule, int line, int column, boolean actions) {
        String text = bare[line - 1];
        Matcher missingOpen = (actions ? CALL_WITHOUT_PAREN : TYPE_WITHOUT_PAREN).matcher(text);
        if (missingOpen.find()) {
            return located(file, line, missingOpen.end(1) + 1, rule, "missing (",
                    Said.of(actions ? "rules.compile.expectedCallOpen" : "rules.compile.expectedOpen", missingOpen.group(1)));
        }
        return located(file, line, column + 1, rule, "unopened )", Said.of("rules.compile.unopened"));
    }

    // ---- Drools' messages, one by one

    private RuleProblem message(String file, Message m) {
        String text = text(m);
        Matcher parser = PARSER.matcher(text);
        if (parser.matches()) return parserMessage(file, parser);
        Matcher consequence = CONSEQUENCE.matcher(text);
        if (consequence.matches()) return consequence(file, Math.max(m.getLine(), 0), consequence);
        Matcher unknownClass = UNKNOWN_CLASS.matcher(text.strip());
        if (unknownClass.matches()) return unknownType(file, unknownClass.group(1), text);
        Matcher leftPart = LEFT_PART.matcher(text.strip());
        if (leftPart.matches()) return leftPart(file, leftPart.group(1).strip(), text);
        int line = Math.max(m.getLine(), 0);
        return located(file, line, 0, sources.ruleAt(file, line), oneLine(text));
    }

    private RuleProblem parserMessage(String file, Matcher parser) {
        int line = Integer.parseInt(parser.group(2));
        int column = Integer.parseInt(parser.group(3)) + 1;
        String detail = parser.group(4).strip();
        Matcher inRule = IN_RULE.matcher(detail);
        String rule = inRule.matches() ? inRule.group(1).replace("\\\"", "\"") : sources.ruleAt(file, line);
        String raw = oneLine(parser.group(0));
        Matcher mismatched = MISMATCHED.matcher(detail);
        if (mismatched.matches()) {
            String token = token(mismatched.group(1));
            Optional<Located> type = typeBefore(file, line, column);
            if (type.isPresent() && !token.equals("(")) {
                return located(file, line, type.get().column(), rule, raw, Said.of("rules.compile.expectedOpen", type.get().word()));
            }
            return mismatched.group(2) == null
                    ? located(file, line, column, rule, raw, Said.of("rules.compile.unexpected", token))
                    : located(file, line, column, rule, raw, expected(token, mismatched.group(2)));
        }
        Matcher noViable = NO_VIABLE.matcher(detail);
        if (noViable.matches()) {
            return located(file, line, column, rule, raw, Said.of("rules.compile.unexpected", token(noViable.group(1))));
        }
        Matcher missing = MISSING.matcher(detail);
        if (missing.matches()) {
            return located(file, line, column, rule, raw, Said.of("rules.compile.expected", expected(missing.group(1))),
                    Said.of("rules.compile.unexpected", token(missing.group(2))));
        }
        Matcher extraneous = EXTRANEOUS.matcher(detail);
        if (extraneous.matches()) {
            return located(file, line, column, rule, raw, expected(token(extraneous.group(1)), extraneous.group(2)));
        }
        return located(file, line, column, rule, raw);
    }

    /** A word and the 1-based column just after it. */
    private record Located(String word, int column) {}

    /** The type name just before a position on a condition line, when the text there is {@code Type word}. */
    private Optional<Located> typeBefore(String file, int line, int column) {
        String text = sourceLine(file, line);
        if (text.isEmpty() || column - 1 > text.length()) return Optional.empty();
        String before = text.substring(0, column - 1);
        Matcher type = TYPE_WITHOUT_PAREN.matcher(before + " ");
        if (!type.find() || !before.substring(Math.min(type.end(1), before.length())).isBlank()) return Optional.empty();
        return Optional.of(new Located(type.group(1), type.end(1) + 1));
    }

    /** A Java parse error in a rule's actions: its line counted from the rule's "then". */
    private RuleProblem consequence(String file, int ruleLine, Matcher consequence) {
        RuleSources.DrlFile drl = drl(file);
        String raw = oneLine(consequence.group(0).replaceFirst("(?s)\\s*Problem stacktrace.*", ""));
        String rule = sources.ruleAt(file, ruleLine);
        if (drl == null) return located(file, ruleLine, 0, rule, raw);
        String[] bare = DrlText.of(drl.text()).bare().split("\n", -1);
        int then = lineStarting(bare, Math.max(ruleLine, 1), bare.length, "then");
        if (then == 0) return located(file, ruleLine, 0, rule, raw);
        int line = then + Integer.parseInt(consequence.group(1)) - 1;
        String found = consequence.group(3);
        String text = line <= bare.length ? bare[line - 1] : "";
        int column = nearest(text, found, Integer.parseInt(consequence.group(2)) - 1);
        String expected = consequence.group(4).replaceFirst("(?s)Problem stacktrace.*", "");
        if (column == 0 && expected.contains("\";\"")) {
            // the actions ended ("}" is the block dvk's compiler wraps them in) where a ";" was due
            int at = lastCodeLine(bare, then + 1, Math.min(line, bare.length));
            return located(file, at, bare[at - 1].stripTrailing().length() + 1, rule, raw,
                    Said.of("rules.compile.missingSemicolon"));
        }
        return located(file, line, column, rule, raw, Said.of("rules.compile.javaSyntax", found));
    }

    /** {@code Unable to find class: Scroe}, said where the name is used and with the type it may mean. */
    private RuleProblem unknownType(String file, String name, String text) {
        // a type is matched in the conditions: look there first, so that an action of the same name elsewhere is not taken
        Location at = find(file, Pattern.compile("(?<![\\w$.])" + Pattern.quote(name) + "\\s*\\("), true)
                .or(() -> find(file, Pattern.compile("(?<![\\w$.])" + Pattern.quote(name) + "(?![\\w$])"), true))
                .or(() -> find(file, Pattern.compile("(?<![\\w$.])" + Pattern.quote(name) + "(?![\\w$])"), false))
                .orElse(new Location(file, 0, 0));
        String raw = oneLine(text);
        String rule = at.line() > 0 ? sources.ruleAt(at.file(), at.line()) : null;
        if (ACTIONS.contains(name)) {
            return located(at.file(), at.line(), at.column(), rule, raw, Said.of("rules.compile.actionInConditions", name));
        }
        String simple = name.substring(name.lastIndexOf('.') + 1);
        if (!name.contains(".") && loads("dvk.domain." + name).isPresent()) {
            return located(at.file(), at.line(), at.column(), rule, raw,
                    Said.of("rules.compile.notImported", name, "dvk.domain." + name));
        }
        Set<String> known = new LinkedHashSet<>();
        for (RuleSources.DrlFile drl : sources.drlFiles()) {
            Matcher imported = IMPORT.matcher(DrlText.of(drl.text()).code());
            while (imported.find()) known.add(imported.group(1).substring(imported.group(1).lastIndexOf('.') + 1));
        }
        return located(at.file(), at.line(), at.column(), rule, raw, withSuggestion(Said.of("rules.compile.unknownType", simple),
                closest(simple, known)));
    }

    /** {@code Unable to parse left part of expression: nominationID == $n.id}: a property the fact does not have. */
    private RuleProblem leftPart(String file, String expression, String text) {
        String raw = oneLine(text);
        Optional<Location> at = find(file, Pattern.compile(Pattern.quote(expression)), true);
        if (at.isEmpty()) return located(file, 0, 0, null, raw);
        Location where = at.get();
        String rule = sources.ruleAt(where.file(), where.line());
        Matcher name = Pattern.compile("^[\\w$]+").matcher(expression);
        if (!name.find()) return located(where.file(), where.line(), where.column(), rule, raw);
        String property = name.group();
        Optional<Class<?>> type = typeOfPatternAround(where);
        if (type.isEmpty()) {
            return located(where.file(), where.line(), where.column(), rule, raw, Said.of("rules.compile.unexpected", property));
        }
        Set<String> properties = properties(type.get());
        return located(where.file(), where.line(), where.column(), rule, raw,
                withSuggestion(Said.of("rules.compile.unknownProperty", type.get().getSimpleName(), property),
                        closest(property, properties)));
    }

    /** An error in the Java the executable model generated, already located at its rule and line: said and pointed at. */
    private RuleProblem generated(RuleProblem located, String text) {
        String source = located.line() > 0 ? sourceLine(located.file(), located.line()) : "";
        Matcher undefined = UNDEFINED_METHOD.matcher(text.strip());
        if (undefined.matches()) {
            String method = undefined.group(1);
            String owner = undefined.group(3);
            int column = columnOf(source, Pattern.compile("(?<![\\w$])" + Pattern.quote(method) + "\\s*\\("));
            Optional<Class<?>> type = resolve(located.file(), owner);
            Set<String> methods = new LinkedHashSet<>();
            type.ifPresent(t -> {
                for (Method candidate : t.getMethods()) {
                    if (candidate.getDeclaringClass() != Object.class) methods.add(candidate.getName());
                }
            });
            String suggestion = closest(method, methods);
            return located(located.file(), located.line(), column, located.rule(), located.message(),
                    withSuggestion(Said.of("rules.compile.unknownMethod", owner, method + "()"),
                            suggestion == null ? null : suggestion + "()"));
        }
        Matcher unresolved = UNRESOLVED.matcher(text.strip());
        if (unresolved.matches()) {
            String name = unresolved.group(1);
            int column = columnOf(source, Pattern.compile("(?<![\\w$])" + Pattern.quote(name) + "(?![\\w$])"));
            return located(located.file(), located.line(), column, located.rule(), located.message(),
                    Said.of("rules.compile.unknownName", name));
        }
        return located(located.file(), located.line(), 0, located.rule(), located.message());
    }

    // ---- helpers

    private RuleProblem located(String file, int line, int column, String rule, String message, Said... said) {
        return located(file, line, column, rule, message, List.of(said));
    }

    private RuleProblem located(String file, int line, int column, String rule, String message, List<Said> said) {
        String source = line > 0 ? sourceLine(file, line) : null;
        return new RuleProblem(file, line, line > 0 ? column : 0, rule, message, source, said.stream().filter(s -> s != null).toList());
    }

    private static List<Said> withSuggestion(Said said, String suggestion) {
        return suggestion == null ? List.of(said) : List.of(said, Said.of("rules.compile.didYouMean", suggestion));
    }

    private record Location(String file, int line, int column) {}

    /**
     * The first match of {@code pattern} in the code (comments left out) of {@code file}, else of any
     * file; only in rules' conditions (between "when" and "then") when {@code inConditions}.
     */
    private Optional<Location> find(String file, Pattern pattern, boolean inConditions) {
        List<RuleSources.DrlFile> files = new ArrayList<>();
        RuleSources.DrlFile own = drl(file);
        if (own != null) files.add(own);
        sources.drlFiles().stream().filter(f -> f != own).forEach(files::add);
        for (RuleSources.DrlFile drl : files) {
            DrlText text = DrlText.of(drl.text());
            String code = text.code();
            Set<Integer> conditions = inConditions ? conditionLines(drl, text.bare().split("\n", -1)) : Set.of();
            Matcher m = pattern.matcher(code);
            while (m.find()) {
                int line = DrlText.lineAt(code, m.start());
                if (sources.ruleAt(drl.name(), line) == null) continue; // an import or the package line
                if (inConditions && !conditions.contains(line)) continue;
                int lineStart = code.lastIndexOf('\n', m.start() - 1) + 1;
                return Optional.of(new Location(drl.name(), line, m.start() - lineStart + 1));
            }
        }
        return Optional.empty();
    }

    /** The lines of a file's rules' conditions: after "when", before "then". */
    private static Set<Integer> conditionLines(RuleSources.DrlFile drl, String[] bare) {
        Set<Integer> lines = new HashSet<>();
        List<RuleSources.Declaration> declarations = drl.rules();
        for (int i = 0; i < declarations.size(); i++) {
            int last = i + 1 < declarations.size() ? declarations.get(i + 1).line() - 1 : bare.length;
            int when = lineStarting(bare, declarations.get(i).line() + 1, last, "when");
            if (when == 0) continue;
            int then = lineStarting(bare, when + 1, last, "then");
            for (int k = when; k <= (then == 0 ? last : then - 1); k++) lines.add(k);
        }
        return lines;
    }

    /** The class of the condition whose parentheses hold {@code at}: {@code Measures} for {@code Measures(nominationID == …)}. */
    private Optional<Class<?>> typeOfPatternAround(Location at) {
        RuleSources.DrlFile drl = drl(at.file());
        if (drl == null) return Optional.empty();
        String bare = DrlText.of(drl.text()).bare();
        String[] lines = bare.split("\n", -1);
        int offset = 0;
        for (int i = 0; i < at.line() - 1; i++) offset += lines[i].length() + 1;
        offset += at.column() - 1;
        int depth = 0;
        for (int i = offset - 1; i >= 0; i--) {
            char c = bare.charAt(i);
            if (c == ')') depth++;
            else if (c == '(' && depth-- == 0) {
                String word = wordBefore(bare, i);
                return word.isEmpty() ? Optional.empty() : resolve(at.file(), word);
            }
        }
        return Optional.empty();
    }

    /** A simple type name as the file sees it: its imports, then dvk's domain model and rule kit. */
    private Optional<Class<?>> resolve(String file, String simpleName) {
        RuleSources.DrlFile drl = drl(file);
        if (drl != null) {
            Matcher imported = IMPORT.matcher(DrlText.of(drl.text()).code());
            while (imported.find()) {
                String name = imported.group(1);
                if (name.endsWith("." + simpleName)) return loads(name);
            }
        }
        return loads("dvk.domain." + simpleName).or(() -> loads("dvk.engine.rulekit." + simpleName));
    }

    /** Only dvk's own model and rule kit are looked up: names in a rule file load nothing else. */
    private static Optional<Class<?>> loads(String name) {
        if (!name.startsWith("dvk.domain.") && !name.startsWith("dvk.engine.rulekit.")) return Optional.empty();
        try {
            return Optional.of(Class.forName(name, false, DrlProblems.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }

    /** What a condition on the type can read: record components, and public getters and methods without arguments. */
    private static Set<String> properties(Class<?> type) {
        Set<String> names = new LinkedHashSet<>();
        if (type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) names.add(c.getName());
        }
        for (Method m : type.getMethods()) {
            if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers()) || m.getDeclaringClass() == Object.class) continue;
            String name = m.getName();
            if (name.startsWith("get") && name.length() > 3) {
                names.add(Character.toLowerCase(name.charAt(3)) + name.substring(4));
            } else if (name.startsWith("is") && name.length() > 2) {
                names.add(Character.toLowerCase(name.charAt(2)) + name.substring(3));
            } else {
                names.add(name);
            }
        }
        return names;
    }

    /** The known name closest to {@code name}: the same but for case, or at most two letters apart. */
    static String closest(String name, Set<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            if (candidate.equals(name)) continue;
            int d = candidate.equalsIgnoreCase(name) ? 0 : distance(candidate.toLowerCase(Locale.ROOT), name.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= Math.min(2, Math.max(1, name.length() / 3)) ? best : null;
    }

    /** Edits (insert, delete, replace, swap two neighbours) from one word to the other. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private RuleSources.DrlFile drl(String file) {
        return sources.drlFiles().stream().filter(f -> f.name().equals(file)).findFirst().orElse(null);
    }

    /** The line of a rule file as written (1-based), without its line break; empty if there is none. */
    private String sourceLine(String file, int line) {
        RuleSources.DrlFile drl = drl(file);
        if (drl == null || line <= 0) return "";
        String[] lines = drl.text().split("\n", -1);
        return line <= lines.length ? lines[line - 1].replace("\r", "") : "";
    }

    /** The first line from {@code from} to {@code to} whose code starts with the keyword; 0 if none. */
    private static int lineStarting(String[] bare, int from, int to, String keyword) {
        Pattern starts = Pattern.compile("^\\s*" + keyword + "\\b");
        for (int k = Math.max(1, from); k <= to && k <= bare.length; k++) {
            if (starts.matcher(bare[k - 1]).find()) return k;
        }
        return 0;
    }

    private static int lineEqual(String[] bare, int from, int to, String keyword) {
        for (int k = Math.max(1, from); k <= to && k <= bare.length; k++) {
            if (bare[k - 1].strip().equals(keyword)) return k;
        }
        return 0;
    }

    /** The last line from {@code from} to {@code to} with code on it (comments and blank lines left out). */
    private static int lastCodeLine(String[] bare, int from, int to) {
        for (int k = Math.min(to, bare.length); k >= from && k >= 1; k--) {
            if (!bare[k - 1].isBlank()) return k;
        }
        return Math.max(1, from);
    }

    /** The first line with code that is no rule attribute or metadata; 0 if none. */
    private static int firstCode(String[] bare, int from, int to) {
        for (int k = Math.max(1, from); k <= to && k <= bare.length; k++) {
            if (!bare[k - 1].isBlank() && !ATTRIBUTE.matcher(bare[k - 1]).find()) return k;
        }
        return 0;
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && Character.isWhitespace(line.charAt(i))) i++;
        return i;
    }

    /** The name written just before offset {@code at} (spaces skipped): {@code Measures} in {@code Measures (}. */
    private static String wordBefore(String text, int at) {
        int end = at;
        while (end > 0 && text.charAt(end - 1) == ' ') end--;
        int start = end;
        while (start > 0 && (Character.isLetterOrDigit(text.charAt(start - 1)) || text.charAt(start - 1) == '_'
                || text.charAt(start - 1) == '$')) {
            start--;
        }
        return text.substring(start, end);
    }

    /** 1-based column of the first match on the line; 0 if none. */
    private static int columnOf(String line, Pattern pattern) {
        Matcher m = pattern.matcher(line);
        return m.find() ? m.start() + 1 : 0;
    }

    /** 1-based column of the occurrence of {@code token} nearest to 0-based {@code hint}; 0 if none. */
    private static int nearest(String line, String token, int hint) {
        int best = -1;
        for (int i = line.indexOf(token); i >= 0; i = line.indexOf(token, i + 1)) {
            if (best < 0 || Math.abs(i - hint) < Math.abs(best - hint)) best = i;
        }
        return best + 1;
    }

    /** A token as the parser names it: {@code <EOF>} is the end of the file. */
    private static String token(String token) {
        return token.equalsIgnoreCase("<eof>") ? "end of file" : token;
    }

    /** What the parser expected, in quotes: {@code ')'} → {@code ")"}. */
    private static String expected(String expected) {
        String e = expected.strip();
        if (e.length() >= 2 && e.startsWith("'") && e.endsWith("'")) e = e.substring(1, e.length() - 1);
        return "\"" + e + "\"";
    }

    private static final Pattern ONE_OF = Pattern.compile("(?s)one of the following tokens: '\\[(.*)\\]'\\.?");

    /**
     * "unexpected X here; expected Y", or "expected one of A, B, C" for the parser's list, with the
     * listed word {@code token} may be a misspelling of.
     */
    private static List<Said> expected(String token, String expected) {
        List<Said> said = new ArrayList<>(List.of(Said.of("rules.compile.unexpected", token)));
        Matcher list = ONE_OF.matcher(expected.strip());
        if (!list.matches()) {
            said.add(Said.of("rules.compile.expected", expected(expected)));
            return said;
        }
        Set<String> words = new LinkedHashSet<>();
        for (String word : list.group(1).split(",")) if (!word.isBlank()) words.add(word.strip());
        said.add(Said.of("rules.compile.expectedOneOf", "\"" + String.join("\", \"", words) + "\""));
        String suggestion = closest(token, words);
        if (suggestion != null) said.add(Said.of("rules.compile.didYouMean", suggestion));
        return said;
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\n\\s*", " ");
    }

    private static String text(Message m) {
        return m.getText() == null ? "" : m.getText();
    }

    private static String fileName(String path) {
        return path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
    }
}
