package dvk.web;

import static org.assertj.core.api.Assertions.assertThat;

import dvk.engine.RuleSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A draft's files are fingerprinted as the rule set compiled from the same files, whatever order they come in. */
class DraftFingerprintTest {
    @Test
    void aDraftOfUnchangedFilesHasTheRuleSetsFingerprintAndAnEditChangesIt() throws Exception {
        for (String set : new String[] {"rules/2024-2025", "rules/2026"}) {
            Map<String, byte[]> files = new HashMap<>();
            try (Stream<Path> listing = Files.list(Path.of(set))) {
                for (Path file : listing.toList()) files.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
            String compiled = RuleSources.read(Path.of(set)).fingerprint();
            assertThat(RuleEditSession.fingerprint(files)).as(set).isEqualTo(compiled);

            String drl = files.keySet().stream().filter(n -> n.endsWith(".drl")).sorted().findFirst().orElseThrow();
            files.put(drl, (new String(files.get(drl), java.nio.charset.StandardCharsets.UTF_8) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(RuleEditSession.fingerprint(files)).as(set + " with " + drl + " edited").isNotEqualTo(compiled);
        }
    }
}
