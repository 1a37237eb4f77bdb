package dvk.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rule files come from policy staff and must not touch the machine: they may use the domain model
 * ({@code dvk.domain}), the rule kit ({@code dvk.engine.rulekit}) and plain value types, nothing
 * else. This lint reads the code (not comments or strings) for imports, globals, qualified names
 * and the names of classes and methods that reach the process, files, network, threads,
 * reflection or class loading. It errs on the side of refusing: a refused name can be renamed,
 * an escaped rule cannot be taken back.
 */
final class UnsafeCodeLint {
    private static final List<String> ALLOWED_PREFIXES = List.of(
            "dvk.domain.", "dvk.engine.rulekit.", "java.math.", "java.time.", "java.util.stream.", "java.util.function.");
    /** java.util's collections and helpers; not the rest of it (Formatter writes files, ResourceBundle loads classes). */
    private static final List<String> JAVA_UTIL_VALUES = List.of(
            "List", "ArrayList", "LinkedList", "Set", "HashSet", "LinkedHashSet", "TreeSet", "SortedSet", "NavigableSet",
            "Map", "HashMap", "LinkedHashMap", "TreeMap", "SortedMap", "NavigableMap", "Collection", "Collections",
            "Arrays", "Objects", "Optional", "OptionalInt", "OptionalLong", "OptionalDouble", "Comparator", "Iterator",
            "Deque", "ArrayDeque", "Queue");
    private static final List<String> JAVA_LANG_VALUES = List.of(
            "Math", "StrictMath", "String", "StringBuilder", "CharSequence", "Character", "Boolean", "Byte", "Short",
            "Integer", "Long", "Float", "Double", "Number", "Comparable", "Iterable", "Enum", "Object");

    /** Refused names and what they would reach. */
    private static final Map<String, String> REFUSED = new LinkedHashMap<>();

    static {
        refuse("the process and its environment (java.lang.System)", "System");
        refuse("the process (java.lang.Runtime)", "Runtime", "getRuntime", "ProcessHandle", "Shutdown");
        refuse("other processes", "ProcessBuilder", "Process", "exec");
        refuse("stopping the program", "exit", "halt");
        refuse("threads", "Thread", "ThreadGroup", "ThreadLocal", "Executors", "ExecutorService", "ForkJoinPool",
                "CompletableFuture", "Timer");
        refuse("reflection", "Class", "getClass", "Method", "Field", "Constructor", "Proxy", "invoke",
                "setAccessible", "getDeclaredMethod", "getDeclaredMethods", "getDeclaredField", "getDeclaredFields",
                "getDeclaredConstructor", "getMethod", "getField", "getConstructor", "newInstance", "MethodHandles",
                "MethodHandle", "VarHandle", "StackWalker", "Unsafe");
        refuse("class loading", "ClassLoader", "URLClassLoader", "forName", "loadClass", "defineClass",
                "getClassLoader", "ModuleLayer", "Module", "ServiceLoader");
        refuse("files (java.io, java.nio)", "File", "Files", "Path", "Paths", "FileSystem", "FileSystems",
                "FileInputStream", "FileOutputStream", "FileReader", "FileWriter", "RandomAccessFile", "PrintStream",
                "PrintWriter", "InputStream", "OutputStream", "Reader", "Writer", "Console",
                "ObjectInputStream", "ObjectOutputStream");
        refuse("the network (java.net)", "Socket", "ServerSocket", "DatagramSocket", "URL", "URI", "URLConnection",
                "HttpURLConnection", "HttpClient", "InetAddress");
        refuse("scripts and naming services", "ScriptEngine", "ScriptEngineManager", "InitialContext");
        refuse("the rule engine itself (sessions, knowledge bases)", "getKieRuntime", "getKnowledgeRuntime",
                "getKieBase", "getWorkingMemory", "getEntryPoint", "getChannels", "getKieServices", "KieServices",
                "drools");
    }

    private static final Pattern IMPORT = Pattern.compile(
            "\\bimport\\s+(?:static\\s+|function\\s+|accumulate\\s+)?([\\w$]+(?:\\s*\\.\\s*(?:[\\w$]+|\\*))*)\\s*;?");
    private static final Pattern PACKAGE = Pattern.compile("\\bpackage\\s+[\\w$]+(?:\\s*\\.\\s*[\\w$]+)*\\s*;?");
    private static final Pattern GLOBAL = Pattern.compile("\\bglobal\\b");
    /** A class named with its package ({@code java.nio.file.Files}, {@code dvk.io.AtomicFile}), even across lines. */
    private static final Pattern QUALIFIED = Pattern.compile(
            "(?<![\\w$.])[a-z_][\\w$]*(?:\\s*\\.\\s*[a-z_][\\w$]*)*\\s*\\.\\s*[A-Z][\\w$]*");
    private static final Pattern WORD = Pattern.compile("(?<![\\w$])[A-Za-z_$][\\w$]*");
    private static final Pattern CLASS_LITERAL = Pattern.compile("\\.\\s*class\\b");
    private static final Pattern MVEL = Pattern.compile("\\bdialect\\s+[\"']mvel[\"']");
    private static final String ALLOWED = "rule files may use only the domain model (dvk.domain), the rule kit"
            + " (dvk.engine.rulekit) and plain value types (numbers, text, java.math, java.time, java.util collections)";

    private UnsafeCodeLint() {}

    private static void refuse(String reaches, String... names) {
        for (String name : names) REFUSED.put(name, reaches);
    }

    static List<RuleProblem> check(RuleSources sources) {
        List<RuleProblem> problems = new ArrayList<>();
        for (RuleSources.DrlFile drl : sources.drlFiles()) {
            String raw = drl.text();
            Map<Integer, String> findings = new TreeMap<>();
            DrlText text = DrlText.of(raw);
            // what this lint cannot read reliably is refused outright
            found(findings, raw, raw.indexOf("\\u"), "unsafe unicode escape: write the character itself (Java decodes"
                    + " escapes before it reads the code, so they could hide code from this check)");
            found(findings, raw, text.code().indexOf("\"\"\""), "unsafe text block (\"\"\"): write an ordinary string");
            Matcher mvel = MVEL.matcher(text.code());
            if (mvel.find()) {
                found(findings, raw, mvel.start(), "unsafe dialect \"mvel\": rule files are written in the java dialect");
            }
            StringBuilder code = new StringBuilder(text.bare());
            Matcher imported = IMPORT.matcher(code);
            while (imported.find()) {
                String name = imported.group(1).replaceAll("\\s+", "");
                if (!allowed(name)) found(findings, raw, imported.start(), "unsafe import " + name + ": " + ALLOWED);
            }
            // what follows an import or package statement on its line is still read
            blank(code, IMPORT);
            blank(code, PACKAGE);
            Matcher global = GLOBAL.matcher(code);
            while (global.find()) {
                found(findings, raw, global.start(),
                        "unsafe global: rules read only the facts of the batch, so rule files may not declare globals");
            }
            Matcher qualified = QUALIFIED.matcher(code);
            while (qualified.find()) {
                String name = qualified.group().replaceAll("\\s+", "");
                if (!allowed(name)) found(findings, raw, qualified.start(), "unsafe code " + name + ": " + ALLOWED);
            }
            Matcher literal = CLASS_LITERAL.matcher(code);
            while (literal.find()) {
                found(findings, raw, literal.start(), "unsafe code .class: it reaches reflection; " + ALLOWED);
            }
            Matcher word = WORD.matcher(code);
            while (word.find()) {
                String reaches = REFUSED.get(word.group());
                if (reaches != null) {
                    found(findings, raw, word.start(), "unsafe call " + word.group() + ": it reaches " + reaches
                            + "; " + ALLOWED);
                }
            }
            findings.forEach((line, message) ->
                    problems.add(new RuleProblem(drl.name(), line, sources.ruleAt(drl.name(), line), message)));
        }
        return problems;
    }

    /** Records a finding at the line of {@code offset} (none when negative); one per line: the rest follows the fix. */
    private static void found(Map<Integer, String> findings, String text, int offset, String message) {
        if (offset < 0) return;
        findings.putIfAbsent(DrlText.lineAt(text, offset), message);
    }

    /** Blanks every match, keeping line breaks. */
    private static void blank(StringBuilder code, Pattern statement) {
        Matcher m = statement.matcher(code);
        while (m.find()) {
            for (int i = m.start(); i < m.end(); i++) {
                if (code.charAt(i) != '\n') code.setCharAt(i, ' ');
            }
        }
    }

    private static boolean allowed(String name) {
        if (name.startsWith("java.lang.")) {
            return JAVA_LANG_VALUES.contains(name.substring("java.lang.".length()).split("\\.")[0]);
        }
        if (name.startsWith("java.util.") && !name.startsWith("java.util.stream.") && !name.startsWith("java.util.function.")) {
            return JAVA_UTIL_VALUES.contains(name.substring("java.util.".length()).split("\\.")[0]);
        }
        return ALLOWED_PREFIXES.stream().anyMatch(name::startsWith);
    }
}
