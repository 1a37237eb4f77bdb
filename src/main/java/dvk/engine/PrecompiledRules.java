package dvk.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;

/**
 * Rule sets compiled to Java classes (Drools' executable model) when dvk itself was built, by
 * {@link RulePrecompiler}, and found again by the fingerprint of their files. Loading one takes a
 * few hundred milliseconds where compiling its DRL takes about two seconds, and that is the start
 * of every run on unedited rules. A rule set edited since the build has another fingerprint and is
 * compiled from its DRL.
 */
final class PrecompiledRules {
    /** Under the class path: {@code <fingerprint hex>/models} names the model classes, {@code <hex>/classes/} holds them. */
    static final String RESOURCE = "dvk/precompiled/";
    static final String MODELS = "models";
    /** Under the same directory: {@code class<TAB>rule} lines, the rule whose code each class holds. */
    static final String ORIGINS = "origins";
    static final String CLASSES = "classes/";
    static final String CLASS_SUFFIX = ".bytes";

    private PrecompiledRules() {}

    /** The directory of a rule set's classes, relative to {@link #RESOURCE}: the fingerprint's hex digits. */
    static String key(String fingerprint) {
        return fingerprint.substring(fingerprint.indexOf(':') + 1) + "/";
    }

    static String directory(String fingerprint) {
        return RESOURCE + key(fingerprint);
    }

    /** A precompiled rule set: its KieBase, and the rule each generated class holds the code of. */
    record Loaded(KieBase kieBase, Map<String, String> ruleOfClass) {}

    /** The KieBase of the rule set with this fingerprint, when this build of dvk precompiled it. */
    static Optional<Loaded> load(String fingerprint) {
        return load(fingerprint, PrecompiledRules.class.getClassLoader());
    }

    /** @param resources where to look for {@code dvk/precompiled/}: dvk's class path, or a test's directory */
    static Optional<Loaded> load(String fingerprint, ClassLoader resources) {
        String directory = directory(fingerprint);
        try (InputStream models = resources.getResourceAsStream(directory + MODELS)) {
            if (models == null) return Optional.empty();
            ClassLoader loader = new ModelClassLoader(directory + CLASSES, resources, PrecompiledRules.class.getClassLoader());
            List<Model> loaded = new ArrayList<>();
            for (String name : new String(models.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!name.isBlank()) loaded.add((Model) loader.loadClass(name.strip()).getDeclaredConstructor().newInstance());
            }
            if (loaded.isEmpty()) return Optional.empty();
            return Optional.of(new Loaded(KieBaseBuilder.createKieBaseFromModel(loaded), origins(resources, directory)));
        } catch (IOException | ReflectiveOperationException | LinkageError | ClassCastException e) {
            // classes compiled against another build of dvk (a stale class path): compile the DRL instead
            return Optional.empty();
        }
    }

    private static Map<String, String> origins(ClassLoader resources, String directory) throws IOException {
        Map<String, String> ruleOfClass = new HashMap<>();
        try (InputStream in = resources.getResourceAsStream(directory + ORIGINS)) {
            if (in == null) return ruleOfClass;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                int tab = line.indexOf('\t');
                if (tab > 0) ruleOfClass.put(line.substring(0, tab), line.substring(tab + 1));
            }
        }
        return ruleOfClass;
    }

    /** Defines the generated classes from their bytes; everything else (dvk's domain, Drools) comes from dvk's own loader. */
    private static final class ModelClassLoader extends ClassLoader {
        static {
            registerAsParallelCapable();
        }

        private final String prefix;
        private final ClassLoader resources;

        ModelClassLoader(String prefix, ClassLoader resources, ClassLoader parent) {
            super("dvk-precompiled-rules", parent);
            this.prefix = prefix;
            this.resources = resources;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            try (InputStream in = resources.getResourceAsStream(prefix + name.replace('.', '/') + CLASS_SUFFIX)) {
                if (in == null) throw new ClassNotFoundException(name);
                byte[] bytes = in.readAllBytes();
                return defineClass(name, bytes, 0, bytes.length);
            } catch (IOException e) {
                throw new ClassNotFoundException(name, e);
            }
        }
    }
}
