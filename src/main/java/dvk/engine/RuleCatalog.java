package dvk.engine;

import dvk.domain.CriterionOutcome;
import dvk.domain.TitleDefinition;
import dvk.domain.YearRange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The policy of one rule set as people read it, without DRL: every rule with its id, the title it
 * serves, the criterion it checks, its requirement, its citation and where it is written. The
 * requirement is read from the rule's own text (the arguments of its {@code Check}/{@code ScorePart}
 * calls, as written), so the catalog says exactly what the rule file says.
 */
public record RuleCatalog(String source, String name, YearRange years, String fingerprint,
                          List<TitleDefinition> titles, List<Entry> rules) {

    /** What a rule does for the policy. */
    public enum Kind {
        /** a criterion binding every title ({@code @title("*")}) */
        ELIGIBILITY,
        /** a criterion of one title */
        CRITERION,
        /** grants a title ({@code @awards}) */
        AWARD,
        /** withholds a title ({@code @withholds}) */
        WITHHOLDS,
        /** a component or the total of the score */
        SCORE,
        /** anything else: derived quantities, helpers */
        OTHER;

        /** Lower case, as outputs name it. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One rule. {@code title} is the title it serves ({@code @title}, {@code @awards} or
     * {@code @withholds}; "*" for eligibility; null for score and other rules); {@code criterion} is
     * its {@code @criterion}, or for a score rule the score component. {@code requirement} is empty
     * when nothing readable can be derived.
     */
    public record Entry(String ruleSet, String name, String id, Kind kind, String title, String criterion,
                        String requirement, String cite, String file, int line) {
        /** The title as people read it: "every title" for "*". */
        public String titleShown() {
            if (title == null) return "";
            return title.equals(CriterionOutcome.EVERY_TITLE) ? "every title" : title;
        }

        /** {@code file:line}. */
        public String where() {
            return file + ":" + line;
        }
    }

    public RuleCatalog {
        titles = List.copyOf(titles);
        rules = List.copyOf(rules);
    }

    private static final Pattern SCORE_CALL = Pattern.compile("\\b(?:Score|ScorePart)\\s*\\.\\s*\\w+\\s*\\(");
    private static final Pattern COMPONENT = Pattern.compile("\\bcomponent\\s*==\\s*\"([^\"]*)\"");
    private static final Pattern SUPERSEDED_BY =
            Pattern.compile("\\bGrant\\s*\\.\\s*supersededBy\\s*\\([^,]*,[^,]*,\\s*\"([^\"]*)\"");
    private static final Pattern NUMERIC_LITERAL =
            Pattern.compile("(?<![\\w$.])\\d[\\d_]*(?:\\.\\d+)?[lLdD]?(?![\\w.])");
    private static final String SEPARATOR = " · ";

    /** Reads the sources of a library's rule set again, beside its compiled rules. */
    public static RuleCatalog read(RuleLibrary.Entry entry, RuleSet compiled) throws RulesException {
        return of(compiled, RuleSources.read(entry.directory(), entry.label()));
    }

    /**
     * The catalog of compiled rules, with requirements read from their sources. The sources must be
     * those the rules were compiled from (equal fingerprints): a file edited in between is refused.
     */
    public static RuleCatalog of(RuleSet rules, RuleSources sources) throws RulesException {
        if (!sources.fingerprint().equals(rules.fingerprint())) {
            throw new RulesException(new RuleProblem(rules.source(), 0, null,
                    "the rule files changed while they were being read; run again"));
        }
        Map<String, RuleBodies.Body> bodies = new HashMap<>();
        for (RuleBodies.Body body : RuleBodies.of(sources)) {
            bodies.putIfAbsent(body.rule(), body);
        }
        List<Entry> entries = new ArrayList<>();
        rules.rulesById().values().stream()
                .sorted(Comparator.comparingInt(RuleInfo::order).thenComparing(RuleInfo::id))
                .forEach(info -> entries.add(entry(rules.source(), info, bodies.get(info.name()))));
        return new RuleCatalog(rules.source(), rules.manifest().name(), rules.years(), rules.fingerprint(),
                rules.titles(), entries);
    }

    /** The entries of one kind, in the order the rules are written. */
    public List<Entry> ofKind(Kind kind) {
        return rules.stream().filter(e -> e.kind() == kind).toList();
    }

    /**
     * What decides one title, in the order the rules are written: its criteria, then the rules
     * withholding it, then its award rules last.
     */
    public List<Entry> forTitle(String code) {
        List<Entry> result = new ArrayList<>();
        for (Kind kind : List.of(Kind.CRITERION, Kind.WITHHOLDS, Kind.AWARD)) {
            rules.stream().filter(e -> e.kind() == kind && code.equals(e.title())).forEach(result::add);
        }
        return result;
    }

    /** The entry with this {@code @id}, or null. */
    public Entry entry(String id) {
        return rules.stream().filter(e -> e.id().equals(id)).findFirst().orElse(null);
    }

    private static Entry entry(String ruleSet, RuleInfo info, RuleBodies.Body body) {
        String code = body == null ? "" : body.code();
        List<RuleCalls.Call> calls = body == null ? List.of() : RuleCalls.in(body.code(), body.line());
        Kind kind = kind(info, code);
        String title = info.withholds() != null ? info.withholds()
                : info.awards() != null ? info.awards()
                : info.title();
        String criterion = info.criterion();
        if (kind == Kind.SCORE && criterion == null) {
            criterion = calls.stream()
                    .filter(c -> c.owner().equals("ScorePart") && c.method().equals("highestBand"))
                    .map(c -> unquote(c.arg(1)))
                    .findFirst()
                    .orElse("total");
        }
        String requirement = body == null ? "" : requirement(kind, body, calls);
        return new Entry(ruleSet, info.name(), info.id(), kind, title, criterion, requirement, info.cite(),
                info.file(), info.line());
    }

    private static Kind kind(RuleInfo info, String code) {
        if (info.withholds() != null) return Kind.WITHHOLDS;
        if (info.awards() != null) return Kind.AWARD;
        if (info.title() != null) {
            return info.title().equals(CriterionOutcome.EVERY_TITLE) ? Kind.ELIGIBILITY : Kind.CRITERION;
        }
        if (SCORE_CALL.matcher(code).find()) return Kind.SCORE;
        return Kind.OTHER;
    }

    /** A readable requirement from the rule's calls; else what its conditions say; else its numbers. */
    private static String requirement(Kind kind, RuleBodies.Body body, List<RuleCalls.Call> calls) {
        List<String> parts = new ArrayList<>();
        for (RuleCalls.Call call : calls) {
            String part = switch (call.owner()) {
                case "Check" -> check(call, body.code());
                case "ScorePart" -> call.method().equals("highestBand") ? bands(call) : null;
                case "Rank" -> call.method().equals("group") ? rankOrder(call) : null;
                default -> null; // Band.of(…) is read with its highestBand call
            };
            if (part != null && !part.isEmpty()) parts.add(part);
        }
        if (parts.isEmpty()) {
            switch (kind) {
                case AWARD, OTHER -> parts.add(award(body));
                case WITHHOLDS -> parts.add(withheld(body));
                case SCORE -> parts.add(total(body));
                default -> { }
            }
            parts.removeIf(String::isEmpty);
        }
        if (parts.isEmpty()) {
            Set<String> numbers = new LinkedHashSet<>();
            Matcher m = NUMERIC_LITERAL.matcher(body.bare());
            while (m.find()) numbers.add(RuleCalls.number(m.group()));
            if (!numbers.isEmpty()) parts.add("values: " + String.join(", ", numbers));
        }
        return String.join("; ", parts);
    }

    private static String check(RuleCalls.Call call, String code) {
        return switch (call.method()) {
            case "atLeast" -> ">= " + value(call.arg(3));
            case "shareAtLeast" -> ">= " + value(call.arg(4)) + "% of " + RuleCalls.quantity(call.arg(3));
            case "withinQuota" -> "rank <= " + value(call.arg(4)) + " in the district";
            case "hasPriorTitle" -> unquote(call.arg(2)) + " in " + years(call.arg(3), call.arg(4));
            case "noPriorTitle" -> "no " + unquote(call.arg(2)) + " in " + years(call.arg(3), call.arg(4));
            case "hasPriorAtLevel" -> "a " + level(call.arg(2)) + " recognition in " + (call.args().size() >= 5
                    ? years(call.arg(3), call.arg(4))
                    : RuleCalls.year(call.arg(3)) + " or before");
            case "noViolation" -> "no violation in " + years(call.arg(2), call.arg(3));
            case "titleAwarded" -> unquote(call.arg(2)) + " awarded this year";
            case "documents" -> {
                List<String> needed = RuleCalls.documentsNeeded(code);
                yield needed.isEmpty() ? "documents" : "documents: " + String.join(", ", needed);
            }
            default -> null;
        };
    }

    /** {@code ScorePart.highestBand(id, "months", expr, Band.of(12, 10), …)} → {@code >= 12: 10 pts · …}. */
    private static String bands(RuleCalls.Call call) {
        List<String> bands = new ArrayList<>();
        for (int i = 3; i < call.args().size(); i++) {
            for (RuleCalls.Call band : RuleCalls.in(call.arg(i), call.line())) {
                if (band.owner().equals("Band") && band.method().equals("of")) {
                    bands.add(">= " + value(band.arg(0)) + ": " + value(band.arg(1)) + " pts");
                }
            }
        }
        return String.join(SEPARATOR, bands);
    }

    /** {@code Rank.group($g, $candidates, Rank.By.SCORE_DESCENDING, …)} → {@code ranked by score descending, then …}. */
    private static String rankOrder(RuleCalls.Call call) {
        List<String> keys = new ArrayList<>();
        for (String key : call.args().subList(Math.min(2, call.args().size()), call.args().size())) {
            String constant = key.strip().substring(key.strip().lastIndexOf('.') + 1);
            keys.add(constant.toLowerCase(Locale.ROOT).replace('_', ' '));
        }
        return keys.isEmpty() ? "" : "ranked by " + String.join(", then ", keys);
    }

    /** An award rule (or a helper like it): what its conditions require of the criteria' outcomes. */
    private static String award(RuleBodies.Body body) {
        List<String> parts = new ArrayList<>();
        for (String pattern : patterns(body.code(), "not", "CriterionOutcome")) {
            if (pattern.matches("(?s).*\\bpassed\\s*==\\s*false\\b.*")) {
                Matcher applies = Pattern.compile("\\bappliesTo\\s*\\(\\s*\"([^\"]*)\"").matcher(pattern);
                Matcher only = Pattern.compile("\\btitle\\s*==\\s*\"([^\"]*)\"").matcher(pattern);
                Matcher except = Pattern.compile("\\bcriterion\\s*!=\\s*\"([^\"]*)\"").matcher(pattern);
                String text = applies.find() ? "no criterion of " + applies.group(1) + " failed (eligibility included)"
                        : only.find() ? "no criterion of " + only.group(1) + " failed"
                        : "no criterion failed";
                if (except.find()) text += ", except " + except.group(1);
                parts.add(text);
            }
        }
        for (String pattern : patterns(body.code(), "exists", "CriterionOutcome")) {
            Matcher criterion = Pattern.compile("\\bcriterion\\s*==\\s*\"([^\"]*)\"").matcher(pattern);
            if (criterion.find()) parts.add(criterion.group(1) + " checked");
        }
        if (!patterns(body.code(), "not", "Superseded").isEmpty()) parts.add("not withheld");
        return String.join(SEPARATOR, parts);
    }

    /** A withholding rule: the title it yields to. */
    private static String withheld(RuleBodies.Body body) {
        Matcher m = SUPERSEDED_BY.matcher(body.code());
        return m.find() ? "withheld when " + m.group(1) + " is awarded" : "";
    }

    /** The score total: the components it adds up. */
    private static String total(RuleBodies.Body body) {
        Set<String> components = new LinkedHashSet<>();
        Matcher m = COMPONENT.matcher(body.code());
        while (m.find()) components.add(m.group(1));
        return components.isEmpty() ? "" : "sum of " + String.join(" + ", components);
    }

    /** The contents of each {@code <keyword> <type>( … )} pattern in the rule's conditions. */
    private static List<String> patterns(String code, String keyword, String type) {
        int then = code.indexOf("\nthen");
        String conditions = then < 0 ? code : code.substring(0, then);
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile("\\b" + keyword + "\\s+" + type + "\\s*\\(").matcher(conditions);
        while (m.find()) {
            int depth = 0;
            int end = conditions.length();
            for (int i = m.end() - 1; i < conditions.length(); i++) {
                char c = conditions.charAt(i);
                if (c == '(') depth++;
                else if (c == ')' && --depth == 0) {
                    end = i;
                    break;
                }
            }
            found.add(conditions.substring(m.end(), end));
        }
        return found;
    }

    private static String value(String expression) {
        return RuleCalls.isNumber(expression) ? RuleCalls.number(expression) : RuleCalls.quantity(expression);
    }

    private static String years(String from, String to) {
        String a = RuleCalls.year(from);
        String b = RuleCalls.year(to);
        return a.equals(b) ? a : a + "…" + b;
    }

    private static String level(String expression) {
        String e = expression.strip();
        return e.substring(e.lastIndexOf('.') + 1);
    }

    private static String unquote(String literal) {
        String s = literal.strip();
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
