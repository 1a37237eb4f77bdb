package dvk.engine;

import dvk.domain.CriterionOutcome;
import dvk.domain.TitleDefinition;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The lints that need the compiled rules' metadata: title references, titles nobody awards, repeated thresholds. */
final class RuleLints {
    private static final Pattern TITLE_REFERENCE = Pattern.compile(
            "\\btitle\\s*==\\s*\"([^\"]*)\"|\\bappliesTo\\s*\\(\\s*\"([^\"]*)\"|\\bnew\\s+QuotaCandidate\\s*\\([^,]*,\\s*\"([^\"]*)\"");
    private static final Pattern COMPARISON = Pattern.compile(
            "([\\w$.()]+?)\\s*(>=|<=|>|<)\\s*(-?\\d[\\d_]*(?:\\.\\d+)?[lLdD]?)(?![\\w.])");

    private RuleLints() {}

    /** Errors: a title code in a rule's conditions or calls that the titles data does not have. */
    static List<RuleProblem> titleReferences(List<RuleBodies.Body> bodies, Set<String> titleCodes) {
        List<RuleProblem> problems = new ArrayList<>();
        for (RuleBodies.Body body : bodies) {
            Matcher m = TITLE_REFERENCE.matcher(body.code());
            while (m.find()) {
                String code = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                if (!code.equals(CriterionOutcome.EVERY_TITLE) && !titleCodes.contains(code)) {
                    problems.add(new RuleProblem(body.file(), lineIn(body, m.start()), body.rule(),
                            "title " + code + " is not in " + RuleSources.TITLES_FILE));
                }
            }
            for (RuleCalls.Call call : RuleCalls.in(body.code(), body.line())) {
                boolean namesCurrentTitle = call.owner().equals("Check") && call.method().equals("titleAwarded");
                String literal = call.arg(2);
                if (namesCurrentTitle && literal.startsWith("\"")) {
                    String code = literal.replace("\"", "");
                    if (!titleCodes.contains(code)) {
                        problems.add(new RuleProblem(body.file(), call.line(), body.rule(),
                                "title " + code + " is not in " + RuleSources.TITLES_FILE));
                    }
                }
            }
        }
        return problems;
    }

    /** Warnings: a title in the titles data that no rule awards (a title nobody can get). */
    static List<RuleProblem> unawardedTitles(List<TitleDefinition> titles, Map<String, RuleInfo> rules, String titlesText) {
        List<RuleProblem> warnings = new ArrayList<>();
        for (TitleDefinition title : titles) {
            boolean awarded = rules.values().stream().anyMatch(r -> title.code().equals(r.awards()));
            if (!awarded) {
                warnings.add(new RuleProblem(RuleSources.TITLES_FILE, lineOf(titlesText, "\"" + title.code() + "\""), null,
                        "title " + title.code() + " is in the titles data but no rule awards it (@awards)"));
            }
        }
        return warnings;
    }

    /**
     * Errors: a criterion the titles data requires that no rule checks, for a title some rule
     * awards (the title would be awarded without it: a criterion that produces no outcome never
     * fails); and a criterion rule checking a criterion that the titles data does not require of its
     * title (a misspelt {@code @criterion}, or a criterion dropped from the data but not from the rules).
     */
    static List<RuleProblem> requiredCriteria(TitlesReader.Data data, Map<String, RuleInfo> rules, String titlesText) {
        List<RuleProblem> problems = new ArrayList<>();
        boolean anyAwarded = false;
        for (TitleDefinition title : data.titles()) {
            boolean awarded = rules.values().stream().anyMatch(r -> title.code().equals(r.awards()));
            anyAwarded |= awarded;
            if (!awarded) continue;
            for (String criterion : title.requires()) {
                if (!checked(rules, title.code(), criterion)) {
                    problems.add(new RuleProblem(RuleSources.TITLES_FILE,
                            lineOf(titlesText, lineOf(titlesText, "\"" + title.code() + "\""), "\"" + criterion + "\""), null,
                            title.code() + " requires " + criterion + ", but no rule checks it (a rule with @title(\""
                                    + title.code() + "\") @criterion(\"" + criterion + "\")): the title would be awarded"
                                    + " without it"));
                }
            }
        }
        if (anyAwarded) {
            for (String criterion : data.everyTitleRequires()) {
                if (!checked(rules, CriterionOutcome.EVERY_TITLE, criterion)) {
                    problems.add(new RuleProblem(RuleSources.TITLES_FILE,
                            lineOf(titlesText, "\"" + TitlesReader.EVERY_TITLE_REQUIRES + "\""), null,
                            "every title requires " + criterion + ", but no rule checks it (a rule with @title(\"*\")"
                                    + " @criterion(\"" + criterion + "\")): titles would be awarded without it"));
                }
            }
        }
        List<RuleInfo> inOrder = rules.values().stream().sorted(Comparator.comparingInt(RuleInfo::order)).toList();
        for (RuleInfo rule : inOrder) {
            if (rule.title() == null || rule.criterion() == null) continue;
            if (rule.title().equals(CriterionOutcome.EVERY_TITLE)) {
                if (!data.everyTitleRequires().contains(rule.criterion())) {
                    problems.add(new RuleProblem(rule.file(), rule.line(), rule.name(), "criterion " + rule.criterion()
                            + " of every title is not in " + TitlesReader.EVERY_TITLE_REQUIRES + " of "
                            + RuleSources.TITLES_FILE + " " + data.everyTitleRequires() + ": add it there, or correct"
                            + " @criterion"));
                }
                continue;
            }
            data.titles().stream().filter(t -> t.code().equals(rule.title())).findFirst().ifPresent(title -> {
                if (!title.requires().contains(rule.criterion())) {
                    problems.add(new RuleProblem(rule.file(), rule.line(), rule.name(), "criterion " + rule.criterion()
                            + " is not among those " + RuleSources.TITLES_FILE + " requires of " + title.code() + " "
                            + title.requires() + ": add it there, or correct @criterion"));
                }
            });
        }
        return problems;
    }

    private static boolean checked(Map<String, RuleInfo> rules, String title, String criterion) {
        return rules.values().stream().anyMatch(r -> title.equals(r.title()) && criterion.equals(r.criterion()));
    }

    /** A number written in a comment: digits not part of a word, a code (70-KH, 32/2024, E1) or a year. */
    private static final Pattern COMMENT_NUMBER = Pattern.compile(
            "(?<![\\p{L}\\p{N}_.\\-–/])(\\d{1,3}(?:[,_]\\d{3})+|\\d+)(?![\\p{L}\\p{N}_\\-–/])");
    private static final Pattern QUOTA_WORDS = Pattern.compile("(?i)(?:at most|best|top|quota of)\\s*$");

    /**
     * Warnings: a rule file's header comment (its comment lines before the first code) stating a
     * number that none of the file's thresholds of that kind is any more: "at most 3 per district"
     * above a quota of 2. The kind is read from the words around the number: "per …" or "at most",
     * "best", "top" a quota; "%" a share; "months" a threshold on months; "points" a score; any
     * threshold of the file otherwise. Years and numbers inside codes are left alone.
     */
    static List<RuleProblem> staleHeaders(RuleSources sources, List<RuleThresholds.Threshold> thresholds) {
        List<RuleProblem> warnings = new ArrayList<>();
        for (RuleSources.DrlFile drl : sources.drlFiles()) {
            List<RuleThresholds.Threshold> own = thresholds.stream().filter(t -> t.file().equals(drl.name())).toList();
            if (own.isEmpty()) continue;
            String[] lines = drl.text().split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                if (line.isEmpty()) continue;
                if (!line.startsWith("//")) break;
                Matcher m = COMMENT_NUMBER.matcher(lines[i]);
                while (m.find()) {
                    BigDecimal value = new BigDecimal(m.group(1).replace(",", "").replace("_", ""));
                    if (m.group(1).length() == 4 && value.intValue() >= 1900 && value.intValue() <= 2100) continue;
                    String after = lines[i].substring(m.end());
                    String before = lines[i].substring(0, m.start());
                    List<RuleThresholds.Threshold> kind = own.stream().filter(t -> ofKind(t, before, after)).toList();
                    if (kind.isEmpty() || kind.stream().anyMatch(t -> t.value().compareTo(value) == 0)) continue;
                    Matcher lead = Pattern.compile("(?:\\p{L}+\\s+){0,2}$").matcher(before);
                    String phrase = ((lead.find() ? lead.group() : "") + lines[i].substring(m.start()).split("[.,;:(]")[0]).strip();
                    warnings.add(new RuleProblem(drl.name(), i + 1, null, "the header comment says " + m.group(1) + " (\""
                            + phrase + "\"), but no rule of the file requires " + m.group(1) + " any more: "
                            + kind.stream().map(t -> t.ruleId() + " requires " + t.requirement()).distinct()
                                    .collect(java.util.stream.Collectors.joining(", "))
                            + "; update the comment"));
                }
            }
        }
        return warnings;
    }

    private static boolean ofKind(RuleThresholds.Threshold t, String before, String after) {
        String next = after.stripLeading().toLowerCase(java.util.Locale.ROOT);
        if (next.startsWith("per ") || QUOTA_WORDS.matcher(before).find()) {
            return t.comparison() == RuleThresholds.Comparison.WITHIN_QUOTA;
        }
        if (after.startsWith("%") || next.startsWith("per cent") || next.startsWith("percent")) {
            return t.comparison() == RuleThresholds.Comparison.SHARE_AT_LEAST;
        }
        if (next.startsWith("month")) return t.quantity().toLowerCase(java.util.Locale.ROOT).contains("month");
        if (next.startsWith("point") || next.startsWith("pts")) return t.quantity().equals("total");
        return true;
    }

    /** Where a number is compared with a quantity, and whose threshold it is. */
    private record Site(RuleBodies.Body body, int line, String quantity, BigDecimal value, String literal, String owner) {
        boolean ownedByCriterionOrBand() {
            return !owner.startsWith("rule ");
        }
    }

    /**
     * Warnings: one threshold written in two rules. Two criteria of different titles may require
     * the same number (both work signs need 3 months), and a score band may equal a criterion: those
     * are separate thresholds that policy may move apart. The same number for the same quantity in
     * a rule that is no criterion (an award rule repeating its criterion), or in two rules of one
     * criterion, is a copy: changing one would leave the other behind.
     */
    static List<RuleProblem> repeatedThresholds(List<RuleBodies.Body> bodies, Map<String, RuleInfo> rulesByName) {
        List<Site> sites = new ArrayList<>();
        for (RuleBodies.Body body : bodies) {
            RuleInfo info = rulesByName.get(body.rule());
            String ruleOwner = info != null && info.criterion() != null
                    ? "criterion " + info.title() + "/" + info.criterion()
                    : "rule " + body.rule();
            Matcher m = COMPARISON.matcher(body.conditions());
            while (m.find()) {
                // "> 0" guards a division or an empty value; it is no policy threshold
                if (RuleCalls.value(m.group(3)).signum() == 0) continue;
                sites.add(site(body, lineIn(body, m.start()), RuleCalls.quantity(m.group(1)), m.group(3), "rule " + body.rule()));
            }
            for (RuleCalls.Call call : RuleCalls.in(body.code(), body.line())) {
                if (call.owner().equals("Check")) {
                    switch (call.method()) {
                        case "atLeast" -> add(sites, body, call.line(), RuleCalls.quantity(call.arg(2)), call.arg(3), ruleOwner);
                        case "shareAtLeast" -> add(sites, body, call.line(),
                                "share of " + RuleCalls.quantity(call.arg(2)), call.arg(4), ruleOwner);
                        case "withinQuota" -> add(sites, body, call.line(), "quota rank", call.arg(4), ruleOwner);
                        default -> { }
                    }
                } else if (call.owner().equals("ScorePart") && call.method().equals("highestBand")) {
                    String quantity = RuleCalls.quantity(call.arg(2));
                    String owner = "score band " + call.arg(1);
                    for (RuleCalls.Call band : RuleCalls.in(String.join(",", call.args().subList(
                            Math.min(3, call.args().size()), call.args().size())), call.line())) {
                        add(sites, body, call.line(), quantity, band.arg(0), owner);
                    }
                }
            }
        }
        List<RuleProblem> warnings = new ArrayList<>();
        sites.sort(Comparator.comparing((Site s) -> s.body().file()).thenComparingInt(Site::line));
        for (Site site : sites) {
            Site copied = null;
            for (Site other : sites) {
                boolean sameNumber = other.quantity().equals(site.quantity()) && other.value().compareTo(site.value()) == 0;
                if (other == site || !sameNumber || other.body().rule().equals(site.body().rule())) continue;
                boolean earlier = sites.indexOf(other) < sites.indexOf(site);
                if (site.ownedByCriterionOrBand()) {
                    // a criterion or band is the threshold's home: it is the copy only when its own kind is repeated
                    if (other.owner().equals(site.owner()) && earlier) copied = other;
                } else if (other.ownedByCriterionOrBand() || earlier) {
                    copied = other;
                }
                if (copied != null) break;
            }
            if (copied != null) {
                warnings.add(new RuleProblem(site.body().file(), site.line(), site.body().rule(),
                        "threshold " + RuleCalls.number(site.literal()) + " for " + site.quantity()
                                + " repeats rule \"" + copied.body().rule() + "\" (" + copied.body().file() + ":"
                                + copied.line() + "): keep each threshold in one rule, so that changing it is one edit"));
            }
        }
        return warnings;
    }

    private static void add(List<Site> sites, RuleBodies.Body body, int line, String quantity, String literal, String owner) {
        if (RuleCalls.isNumber(literal)) sites.add(site(body, line, quantity, literal, owner));
    }

    private static Site site(RuleBodies.Body body, int line, String quantity, String literal, String owner) {
        return new Site(body, line, quantity, RuleCalls.value(literal), literal, owner);
    }

    private static int lineIn(RuleBodies.Body body, int offset) {
        return body.line() - 1 + DrlText.lineAt(body.code(), offset);
    }

    private static int lineOf(String text, String needle) {
        return lineOf(text, 1, needle);
    }

    /** The first line from {@code from} (1-based) holding {@code needle}; 0 if none. */
    private static int lineOf(String text, int from, String needle) {
        String[] lines = text.split("\n", -1);
        for (int i = Math.max(0, from - 1); i < lines.length; i++) {
            if (lines[i].contains(needle)) return i + 1;
        }
        return 0;
    }
}
