package dvk.testing;

import dvk.engine.RuleSet;
import java.util.Map;
import java.util.UUID;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

/**
 * Rules built without dvk's sandbox, for the tests of what only the backstops can catch (a
 * function that recurses until the stack overflows: the sandbox refuses it, so no rule set dvk
 * builds can hold it). Test code only.
 */
public final class UnsandboxedRules {
    private UnsandboxedRules() {}

    /** The standard rule set's data and metadata, with the KieBase of this one DRL file instead. */
    public static RuleSet of(String drl) {
        KieServices services = KieServices.Factory.get();
        KieFileSystem files = services.newKieFileSystem();
        ReleaseId id = services.newReleaseId("vn.dvk.test", "unsandboxed-" + UUID.randomUUID(), "1.0.0");
        files.generateAndWritePomXML(id);
        files.write("src/main/resources/dvk/rules/test.drl", drl);
        KieBuilder builder = services.newKieBuilder(files);
        builder.buildAll(ExecutableModelProject.class);
        if (builder.getResults().hasMessages(Message.Level.ERROR)) {
            throw new AssertionError(builder.getResults().toString());
        }
        KieBase kieBase = services.newKieContainer(id).getKieBase();
        RuleSet standard = TestRules.standard();
        return new RuleSet("test", standard.manifest(), "sha256:test", kieBase, standard.titles(), standard.everyTitleRequires(), standard.rulesById(),
                standard.warnings(), "unsandboxed, for a test", Map.of());
    }
}
