package dvk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dvk.bench.BatchFormat;
import dvk.bench.BatchGenerator;
import dvk.domain.Batch;
import dvk.io.BatchReader;
import dvk.report.DecisionJsonWriter;
import dvk.testing.RulesCopy;
import dvk.testing.TestRules;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rules compiled when dvk is built, loaded at start instead of compiling DRL, and deciding exactly as DRL does. */
class PrecompiledRulesTest {
    @TempDir
    Path temp;

    @Test
    void theRulesOfThisRepositoryArePrecompiledByTheBuild() throws Exception {
        RuleSet rules = new RuleCompiler().compile(TestRules.RULES);
        assertThat(rules.build()).isEqualTo("precompiled executable model");
        assertThat(PrecompiledRules.load(rules.fingerprint())).isPresent();
    }

    @Test
    void anEditedRuleSetIsCompiledFromItsDrlNotTakenFromTheBuild() throws Exception {
        RulesCopy edited = RulesCopy.of(temp).replace("district-model.drl", "$s.total(), 60)", "$s.total(), 95)");
        RuleSet rules = new RuleCompiler().compile(edited.directory());
        assertThat(rules.build()).isEqualTo("executable model, compiled now");
        Batch sample = BatchReader.read(Path.of("fixtures/samples/gia-lam-2024.json"));
        long districtModels = new Evaluator(rules).evaluate(sample).decisions().stream()
                .filter(d -> d.awards().stream().anyMatch(a -> a.title().equals("DISTRICT_MODEL"))).count();
        long before = new Evaluator(TestRules.standard()).evaluate(sample).decisions().stream()
                .filter(d -> d.awards().stream().anyMatch(a -> a.title().equals("DISTRICT_MODEL"))).count();
        assertThat(districtModels).isLessThan(before);
    }

    @Test
    void precompiledAndCompiledNowDecideByteIdentically() throws Exception {
        RuleSet precompiled = new RuleCompiler(RuleBuildMode.AUTO).compile(TestRules.RULES);
        RuleSet executable = new RuleCompiler(RuleBuildMode.EXECUTABLE_MODEL).compile(TestRules.RULES);
        assertThat(precompiled.build()).isEqualTo("precompiled executable model");
        assertThat(executable.build()).isEqualTo("executable model, compiled now");
        assertThat(precompiled.ruleOfClass().values()).isNotEmpty().containsExactlyInAnyOrderElementsOf(executable.ruleOfClass().values());
        StringWriter generated = new StringWriter();
        // 3,000 records: every threshold met and missed, contested district quotas, invalid records
        new BatchGenerator(2024, 7).write(3_000, BatchFormat.JSON, generated);
        Path batchFile = Files.writeString(temp.resolve("generated.json"), generated.toString(), StandardCharsets.UTF_8);
        for (Path input : new Path[] {Path.of("fixtures/samples/gia-lam-2024.json"), batchFile}) {
            Batch batch = BatchReader.read(input);
            byte[] expected = json(new Evaluator(precompiled, 2).evaluate(batch));
            assertThat(json(new Evaluator(executable, 2).evaluate(batch))).as(input.toString()).isEqualTo(expected);
        }
    }

    @Test
    void thePrecompilerWritesWhatTheLoaderLoads() throws Exception {
        RulesCopy edited = RulesCopy.of(temp).replace("city-model.drl", "$n.replicationSites(), 3)", "$n.replicationSites(), 4)");
        Path library = Files.createDirectories(temp.resolve("library"));
        Files.move(edited.directory(), library.resolve("2024-2025"));
        Path output = temp.resolve("classes/dvk/precompiled");
        assertThat(RulePrecompiler.precompile(library, output)).singleElement().asString().contains("2024-2025");
        RuleSources sources = RuleSources.read(library.resolve("2024-2025"));
        try (URLClassLoader classPath = new URLClassLoader(new URL[] {temp.resolve("classes").toUri().toURL()}, null)) {
            assertThat(PrecompiledRules.load(sources.fingerprint(), classPath)).hasValueSatisfying(loaded -> {
                assertThat(loaded.kieBase().getKiePackages().stream().mapToInt(p -> p.getRules().size()).sum())
                        .isEqualTo(TestRules.standard().ruleCount());
                assertThat(loaded.ruleOfClass()).containsValue("city-model: replication sites");
            });
            // another rule set's fingerprint finds nothing there
            assertThat(PrecompiledRules.load(TestRules.standard().fingerprint(), classPath)).isEmpty();
        }
    }

    @Test
    void aModelClassThatCannotBeLoadedMeansCompilingTheDrl() throws Exception {
        String fingerprint = "sha256:" + "ab".repeat(32);
        Path directory = temp.resolve(PrecompiledRules.directory(fingerprint));
        Files.createDirectories(directory);
        Files.writeString(directory.resolve(PrecompiledRules.MODELS), "dvk.rules.NoSuchModel\n");
        try (URLClassLoader classPath = new URLClassLoader(new URL[] {temp.toUri().toURL()}, null)) {
            assertThat(PrecompiledRules.load(fingerprint, classPath)).isEmpty();
        }
    }

    private static byte[] json(Evaluation evaluation) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DecisionJsonWriter.write(evaluation, out);
        return out.toByteArray();
    }
}
