package dvk.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.drools.compiler.kie.builder.impl.InternalKieModule;

/**
 * Run by the build (the pom, phase process-classes): compiles every rule set of {@code rules/} to
 * Drools' executable model and writes its classes where {@link PrecompiledRules} finds them, so that
 * dvk starts without compiling the rules it ships with.
 *
 * <p>Usage: {@code RulePrecompiler RULES_DIR OUTPUT_DIR} (OUTPUT_DIR is emptied first).
 */
public final class RulePrecompiler {
    private RulePrecompiler() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: RulePrecompiler RULES_DIR OUTPUT_DIR");
            System.exit(2);
        }
        Path output = Path.of(args[1]);
        try {
            for (String line : precompile(Path.of(args[0]), output)) System.out.println(line);
        } catch (RulesException e) {
            // the build stops here with the same problems dvk check would print
            System.err.println("dvk: the rules cannot be precompiled:");
            e.problems().forEach(p -> System.err.println("  " + p));
            System.exit(4);
        }
    }

    /** Precompiles every rule set under {@code rules}; returns a line per rule set. */
    static List<String> precompile(Path rules, Path output) throws RulesException, IOException {
        deleteTree(output);
        List<String> done = new ArrayList<>();
        for (RuleLibrary.Entry entry : RuleLibrary.open(rules).ruleSets()) {
            long started = System.nanoTime();
            RuleSources sources = RuleSources.read(entry.directory(), entry.label());
            RuleCompiler.Compiled compiled = RuleCompiler.executableModel(sources);
            InternalKieModule module = compiled.module();
            Path directory = output.resolve(PrecompiledRules.key(sources.fingerprint()));
            List<String> models = new ArrayList<>();
            int classes = 0;
            for (String name : module.getFileNames()) {
                if (name.endsWith(".class")) {
                    Path target = directory.resolve(PrecompiledRules.CLASSES
                            + name.substring(0, name.length() - ".class".length()) + PrecompiledRules.CLASS_SUFFIX);
                    Files.createDirectories(target.getParent());
                    Files.write(target, module.getBytes(name));
                    classes++;
                } else if (name.endsWith("/drools-model")) {
                    // "Drools-Model-Version:…" then one model class per line
                    new String(module.getBytes(name), StandardCharsets.UTF_8).lines()
                            .filter(l -> !l.isBlank() && !l.contains(":"))
                            .forEach(models::add);
                }
            }
            if (models.isEmpty()) throw new IllegalStateException(entry.label() + ": the executable model names no model class");
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(PrecompiledRules.MODELS), String.join("\n", models) + "\n");
            StringBuilder origins = new StringBuilder();
            new java.util.TreeMap<>(compiled.ruleOfClass()).forEach((c, rule) -> origins.append(c).append('\t').append(rule).append('\n'));
            Files.writeString(directory.resolve(PrecompiledRules.ORIGINS), origins, StandardCharsets.UTF_8);
            done.add(String.format("dvk: precompiled %s (%d classes, %d ms) %s", entry.label(), classes,
                    (System.nanoTime() - started) / 1_000_000, sources.fingerprint()));
        }
        return done;
    }

    private static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory)) return;
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
