package dvk.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
            "dvk.domain.", "dvk.engine.rulekit.", "java.math.", "java.time.", "java.util.");
    private static final List<String> REFUSED_PREFIXES = List.of(
            "java.util.concurrent", "java.util.jar", "java.util.zip", "java.util.logging", "java.util.prefs",
            "java.util.spi", "java.util.ServiceLoader", "java.util.Timer", "java.util.Scanner", "java.util.random");
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
            "(?m)^\\s*import\\s+(?:static\\s+|function\\s+|accumulate\\s+)?([\\w.$]+(?:\\.\\*)?)");
    private static final Pattern GLOBAL = Pattern.compile("(?m)^\\s*global\\s+([\\w.$<>, ]+?)\\s+\\w+\\s*;?\\s*$");
    private static final Pattern QUALIFIED = Pattern.compile(
            "\\b(java|javax|jdk|sun|com|org|net|io|kotlin|scala|groovy)\\s*\\.\\s*[a-z_$][\\w$]*(?:\\s*\\.\\s*[\\w$]+)*");
    private static final Pattern WORD = Pattern.compile("(?<![\\w$])[A-Za-z_$][\\w$]*");

    private UnsafeCodeLint() {}

    private static void refuse(String reaches, String... names) {
        for (String name : names) REFUSED.put(name, reaches);
    }

    static List<RuleProblem> check(RuleSources sources) {
        List<RuleProblem> problems = new ArrayList<>();
        for (RuleSources.DrlFile drl : sources.drlFiles()) {
            DrlText text = DrlText.of(drl.text());
            String bare = text.bare();
            String[] lines = bare.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                int line = i + 1;
                String rule = sources.ruleAt(drl.name(), line);
                String code = lines[i];
                Matcher imported = IMPORT.matcher(code);
                if (imported.find()) {
                    String name = imported.group(1);
                    if (!allowed(name)) {
                        problems.add(new RuleProblem(drl.name(), line, rule, "unsafe import " + name + ": " + ALLOWED));
                    }
                    continue;
                }
                if (code.strip().startsWith("package ")) continue;
                Matcher global = GLOBAL.matcher(code);
                if (global.find()) {
                    problems.add(new RuleProblem(drl.name(), line, rule, "unsafe global " + global.group(1).strip()
                            + ": rules read only the facts of the batch, so rule files may not declare globals"));
                    continue;
                }
                String finding = unsafe(code);
                if (finding != null) {
                    problems.add(new RuleProblem(drl.name(), line, rule, finding));
                }
            }
        }
        return problems;
    }

    /** The first unsafe thing a line of code uses, in words, or null. One per line: the rest of it follows the fix. */
    private static String unsafe(String code) {
        Matcher qualified = QUALIFIED.matcher(code);
        while (qualified.find()) {
            String name = qualified.group().replaceAll("\\s+", "");
            if (!allowed(name)) {
                return "unsafe code " + name + ": " + ALLOWED;
            }
        }
        Matcher word = WORD.matcher(code);
        while (word.find()) {
            String reaches = REFUSED.get(word.group());
            if (reaches != null) {
                return "unsafe call " + word.group() + ": it reaches " + reaches + "; " + ALLOWED;
            }
        }
        return null;
    }

    private static final String ALLOWED = "rule files may use only the domain model (dvk.domain), the rule kit"
            + " (dvk.engine.rulekit) and plain value types (numbers, text, java.math, java.time, java.util collections)";

    private static boolean allowed(String name) {
        if (name.startsWith("java.lang.")) {
            String rest = name.substring("java.lang.".length());
            return JAVA_LANG_VALUES.contains(rest.split("\\.")[0]);
        }
        if (REFUSED_PREFIXES.stream().anyMatch(name::startsWith)) return false;
        return ALLOWED_PREFIXES.stream().anyMatch(name::startsWith);
    }
}
