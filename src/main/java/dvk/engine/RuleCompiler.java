package dvk.engine;

import dvk.domain.CriterionOutcome;
import dvk.domain.TitleDefinition;
import dvk.domain.RuleSetManifest;
import dvk.engine.RuleSetManifestReader;
import dvk.engine.TitlesReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import dvk.engine.sandbox.RuleCodeSandbox;
import dvk.engine.sandbox.SandboxReport;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * Builds a {@link RuleSet} from a rules directory at run time. Each build gets its own ReleaseId,
 * so two rule sets (say, old and new rules in a diff) never share a KieModule.
 */
public final class RuleCompiler {
    private static final String RESOURCE_DIR = "src/main/resources/dvk/rules/";
    private static final String KMODULE = """
            <kmodule xmlns="http://www.drools.org/xsd/kmodule">
              <configuration>
                <property key="drools.kbuilder.severity.duplicateRule" value="ERROR"/>
              </configuration>
              <kbase name="dvk" default="true" packages="*">
                <ksession name="dvk-session" default="true"/>
              </kbase>
            </kmodule>
            """;

    private final RuleBuildMode mode;

    public RuleCompiler(RuleBuildMode mode) {
        this.mode = mode;
    }

    public RuleCompiler() {
        this(RuleBuildMode.AUTO);
    }

    /** Compiles one rule set of a library. */
    public RuleSet compile(RuleLibrary.Entry ruleSet) throws RulesException {
        return compile(ruleSet.directory(), ruleSet.label());
    }

    /** Compiles the rule set in {@code directory}; outputs name it by its path relative to the working directory. */
    public RuleSet compile(Path directory) throws RulesException {
        return compile(directory, label(directory));
    }

    /** How outputs name a rules directory: relative to the working directory when inside it. */
    public static String label(Path directory) {
        Path absolute = directory.toAbsolutePath().normalize();
        Path workingDirectory = Path.of("").toAbsolutePath();
        Path shown = absolute.startsWith(workingDirectory) && !absolute.equals(workingDirectory)
                ? workingDirectory.relativize(absolute)
                : absolute;
        return shown.toString().replace('\\', '/');
    }

    /**
     * {@code source} is how outputs name where the rules came from; problems name their file
     * under it, so that a person can open it.
     */
    public RuleSet compile(Path directory, String source) throws RulesException {
        RuleSources sources = RuleSources.read(directory, source);
        try {
            RuleSetManifest manifest = RuleSetManifestReader.read(sources.manifestFile(), RuleSetManifestReader.FILE);
            TitlesReader.Data titlesData = TitlesReader.read(sources.titlesFile());
            List<TitleDefinition> titles = titlesData.titles();
            refuseUnsafe(sources);
            Built built = build(sources);
            KieBase kieBase = built.kieBase();
            RuleMetadata.unquote(kieBase);
            Map<String, RuleInfo> rules = describe(kieBase, sources, titles);
            List<RuleBodies.Body> bodies = RuleBodies.of(sources);
            Set<String> titleCodes = titles.stream().map(TitleDefinition::code).collect(Collectors.toSet());
            List<RuleProblem> references = RuleLints.titleReferences(bodies, titleCodes);
            if (!references.isEmpty()) throw new RulesException(references);
            String titlesText = Files.readString(sources.titlesFile(), StandardCharsets.UTF_8);
            List<RuleProblem> requirements = RuleLints.requiredCriteria(titlesData, rules, titlesText);
            if (!requirements.isEmpty()) throw new RulesException(requirements);
            Map<String, RuleInfo> byName = new HashMap<>();
            rules.values().forEach(r -> byName.put(r.name(), r));
            List<RuleProblem> warnings = new ArrayList<>(RuleLints.unawardedTitles(titles, rules, titlesText));
            warnings.addAll(RuleLints.repeatedThresholds(bodies, byName));
            warnings.addAll(RuleLints.staleHeaders(sources, RuleThresholds.of(bodies, byName)));
            return new RuleSet(source, manifest, sources.fingerprint(), kieBase, titles, titlesData.everyTitleRequires(), rules,
                    warnings.stream().map(w -> w.under(source)).toList(), built.how(), built.ruleOfClass());
        } catch (RulesException e) {
            throw e.under(source);
        } catch (IOException e) {
            throw new RulesException(new RuleProblem(source + "/" + RuleSources.TITLES_FILE, 0, null, "cannot read: " + e.getMessage()));
        }
    }

    /** What the text lint can tell early: rule files it finds unsafe are not even handed to the compiler. */
    private static void refuseUnsafe(RuleSources sources) throws RulesException {
        List<RuleProblem> unsafe = new ArrayList<>(RulePackage.check(sources));
        unsafe.addAll(UnsafeCodeLint.check(sources));
        if (!unsafe.isEmpty()) throw new RulesException(unsafe);
    }

    /** A KieBase, how it was built, and which rule each generated class holds the code of. */
    private record Built(KieBase kieBase, String how, Map<String, String> ruleOfClass) {}

    private Built build(RuleSources sources) throws RulesException {
        if (mode == RuleBuildMode.AUTO) {
            Optional<PrecompiledRules.Loaded> precompiled = PrecompiledRules.load(sources.fingerprint());
            if (precompiled.isPresent()) {
                return new Built(precompiled.get().kieBase(), "precompiled executable model", precompiled.get().ruleOfClass());
            }
        }
        Compiled compiled = executableModel(sources);
        KieServices services = KieServices.Factory.get();
        ReleaseId releaseId = compiled.module().getReleaseId();
        KieBase kieBase = services.newKieContainer(releaseId).getKieBase();
        // the KieBase keeps its classes; the repository would keep every edited rule set a server compiles
        services.getRepository().removeKieModule(releaseId);
        return new Built(kieBase, "executable model, compiled now", compiled.ruleOfClass());
    }

    /** A rule set compiled to Java classes that the sandbox has passed, not yet loaded. */
    record Compiled(InternalKieModule module, Map<String, String> ruleOfClass) {}

    /**
     * Compiles the rule set to Drools' executable model (every constraint, consequence and function
     * becomes Java bytecode) and passes every generated class through the sandbox before any of it
     * is loaded. Also what {@link RulePrecompiler} runs when dvk is built.
     */
    static Compiled executableModel(RuleSources sources) throws RulesException {
        refuseUnsafe(sources);
        return sandboxed(sources);
    }

    /** Compiled and checked by the sandbox alone, without the text lint: the tests that the sandbox is the boundary. */
    static Compiled sandboxed(RuleSources sources) throws RulesException {
        // what the compiler cannot take without failing blindly (and, for metadata, without building annotation classes)
        List<RuleProblem> unparsable = new ArrayList<>(StringsAcrossLines.check(sources));
        unparsable.addAll(RuleAnnotations.check(sources));
        if (!unparsable.isEmpty()) throw new RulesException(unparsable);
        InternalKieModule module = (InternalKieModule) builder(sources).getKieModule();
        Map<String, byte[]> classes = new HashMap<>();
        for (String name : module.getFileNames()) {
            if (name.endsWith(".class")) classes.put(name.substring(0, name.length() - ".class".length()), module.getBytes(name));
        }
        SandboxReport report = RuleCodeSandbox.check(classes);
        if (!report.clean()) {
            KieServices.Factory.get().getRepository().removeKieModule(module.getReleaseId());
            throw new RulesException(SandboxProblems.of(report.findings(), sources));
        }
        return new Compiled(module, report.ruleOfClass());
    }

    private static KieBuilder builder(RuleSources sources) throws RulesException {
        KieServices services = KieServices.Factory.get();
        KieFileSystem files = services.newKieFileSystem();
        ReleaseId releaseId = services.newReleaseId("vn.dvk.rules", "rules-" + UUID.randomUUID(), "1.0.0");
        files.generateAndWritePomXML(releaseId);
        files.writeKModuleXML(KMODULE);
        for (RuleSources.DrlFile drl : sources.drlFiles()) {
            files.write(RESOURCE_DIR + drl.name(), drl.text());
        }
        KieBuilder builder = services.newKieBuilder(files);
        try {
            builder.buildAll(ExecutableModelProject.class);
        } catch (RuntimeException e) {
            // the executable model's parsers throw on some input (a string across lines in a constraint)
            String first = String.valueOf(e.getMessage()).lines().findFirst().orElse(e.toString());
            throw new RulesException(new RuleProblem("", 0, null, "the rules cannot be compiled: " + first));
        }
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        List<RuleProblem> problems = DrlProblems.of(errors, sources, GeneratedSourceErrors.of(errors, sources));
        if (!problems.isEmpty()) {
            throw new RulesException(problems);
        }
        return builder;
    }

    /** Reads every rule's metadata and checks what evaluation depends on. */
    private static Map<String, RuleInfo> describe(KieBase kieBase, RuleSources sources, List<TitleDefinition> titles)
            throws RulesException {
        Map<String, int[]> declared = new HashMap<>();
        Map<String, String> declaredIn = new HashMap<>();
        int order = 0;
        for (RuleSources.DrlFile drl : sources.drlFiles()) {
            for (RuleSources.Declaration d : drl.rules()) {
                declared.put(d.rule(), new int[] {d.line(), order++});
                declaredIn.put(d.rule(), drl.name());
            }
        }
        Set<String> titleCodes = titles.stream().map(TitleDefinition::code).collect(Collectors.toSet());
        List<RuleProblem> problems = new ArrayList<>();
        Map<String, RuleInfo> byId = new LinkedHashMap<>();
        List<Rule> all = kieBase.getKiePackages().stream()
                .map(KiePackage::getRules)
                .flatMap(rules -> rules.stream())
                .toList();
        for (Rule rule : all) {
            int[] position = declared.getOrDefault(rule.getName(), new int[] {0, Integer.MAX_VALUE});
            String file = declaredIn.getOrDefault(rule.getName(), "");
            Map<String, Object> meta = rule.getMetaData();
            RuleInfo info = new RuleInfo(rule.getName(), text(meta, "id"), text(meta, "cite"), text(meta, "title"),
                    text(meta, "criterion"), text(meta, "awards"), text(meta, "withholds"), file, position[0],
                    position[1], text(meta, "coverage"));
            if (info.id() == null) problems.add(new RuleProblem(file, info.line(), info.name(), "missing @id"));
            if (info.cite() == null) problems.add(new RuleProblem(file, info.line(), info.name(), "missing @cite"));
            if ((info.title() == null) != (info.criterion() == null)) {
                problems.add(new RuleProblem(file, info.line(), info.name(), info.title() == null
                        ? "@criterion needs @title (the title the criterion serves, or \"*\")"
                        : "@title needs @criterion (the name of the criterion checked)"));
            }
            if (info.coverage() != null && (info.criterion() == null
                    || !(info.coverage().startsWith(RuleInfo.PASSES_ONLY) || info.coverage().startsWith(RuleInfo.FAILS_ONLY)))) {
                problems.add(new RuleProblem(file, info.line(), info.name(), "@coverage is for a criterion rule that no decided"
                        + " nomination can fail, or pass: @coverage(\"" + RuleInfo.PASSES_ONLY + ": why\") or @coverage(\""
                        + RuleInfo.FAILS_ONLY + ": why\")"));
            }
            for (String code : new String[] {info.title(), info.awards(), info.withholds()}) {
                if (code != null && !code.equals(CriterionOutcome.EVERY_TITLE) && !titleCodes.contains(code)) {
                    problems.add(new RuleProblem(file, info.line(), info.name(),
                            "title " + code + " is not in " + RuleSources.TITLES_FILE));
                }
            }
            if (info.id() != null) {
                RuleInfo other = byId.putIfAbsent(info.id(), info);
                if (other != null) {
                    problems.add(new RuleProblem(file, info.line(), info.name(),
                            "@id \"" + info.id() + "\" is also used by rule \"" + other.name() + "\" in " + other.file()));
                }
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparing(RuleProblem::file).thenComparingInt(RuleProblem::line));
            throw new RulesException(problems);
        }
        return byId;
    }

    private static String text(Map<String, Object> meta, String key) {
        Object value = meta.get(key);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}
