package dvk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleRepositoryTest {
    private static final RuleRepository.Author SEEDER = new RuleRepository.Author("dvk", "dvk");
    private static final RuleRepository.Author LAN = new RuleRepository.Author("Trần Thị Lan", "lan");
    private static final Instant START = Instant.parse("2026-11-30T01:00:00Z");

    @TempDir
    Path temp;

    private RuleRepository seeded() throws Exception {
        RuleRepository repository = RuleRepository.open(temp.resolve("rules.git"));
        Map<String, Path> sets = new LinkedHashMap<>();
        sets.put("2024-2025", Path.of("rules/2024-2025"));
        sets.put("2026", Path.of("rules/2026"));
        repository.seed(sets, Path.of("fixtures"), "The rules in force at the first start", SEEDER, START);
        return repository;
    }

    @Test
    void seededWithTheRuleSetsAndTheFixturesAsTheyAre() throws Exception {
        try (RuleRepository repository = seeded()) {
            String head = repository.head();
            assertThat(repository.ruleSets(head)).containsExactly("2024-2025", "2026");
            assertThat(repository.files(head, "2024-2025").get("district-model.drl"))
                    .isEqualTo(Files.readAllBytes(Path.of("rules/2024-2025/district-model.drl")));
            assertThat(repository.files(head, "2024-2025")).containsKeys("titles.json", "ruleset.json", "score.drl");
            assertThat(repository.fixtures(head)).containsKeys("regression/gia-lam-2024.json", "samples/gia-lam-2024.json");
            assertThat(repository.history("2024-2025")).singleElement().satisfies(v -> {
                assertThat(v.note()).isEqualTo("The rules in force at the first start");
                assertThat(v.when()).isEqualTo(START);
            });
            assertThatThrownBy(() -> repository.seed(Map.of(), null, "again", SEEDER, START)).isInstanceOf(RuleRepository.Refused.class);
        }
    }

    @Test
    void aSaveIsANewVersionWithItsNoteAuthorDateAndDiff() throws Exception {
        try (RuleRepository repository = seeded()) {
            String first = repository.head();
            Map<String, byte[]> files = repository.files(first, "2024-2025");
            String drl = new String(files.get("district-model.drl"), StandardCharsets.UTF_8);
            files.put("district-model.drl", drl.replace("$m.months(), 12)", "$m.months(), 10)").getBytes(StandardCharsets.UTF_8));
            Instant when = START.plusSeconds(3600);
            String saved = repository.save("2024-2025", files, first, "Lower DISTRICT_MODEL's months to 10 (decision 12/2026)", LAN, when);

            assertThat(repository.head()).isEqualTo(saved);
            List<RuleRepository.Version> history = repository.history("2024-2025");
            assertThat(history).extracting(RuleRepository.Version::commit).containsExactly(saved, first);
            RuleRepository.Version version = history.get(0);
            assertThat(version.note()).isEqualTo("Lower DISTRICT_MODEL's months to 10 (decision 12/2026)");
            assertThat(version.author()).isEqualTo("Trần Thị Lan");
            assertThat(version.login()).isEqualTo("lan");
            assertThat(version.when()).isEqualTo(when);
            assertThat(repository.history("2026")).extracting(RuleRepository.Version::commit).containsExactly(first);

            String diff = repository.diff(saved, "2024-2025");
            assertThat(diff).contains("--- a/rules/2024-2025/district-model.drl", "+++ b/rules/2024-2025/district-model.drl",
                    "-    insertLogical(Check.atLeast(kcontext, $n.id(), $m.months(), 12));",
                    "+    insertLogical(Check.atLeast(kcontext, $n.id(), $m.months(), 10));");
            assertThat(diff.lines().filter(l -> l.startsWith("+") || l.startsWith("-"))).hasSize(4);
            assertThat(repository.files(saved, "2026").keySet()).isEqualTo(repository.files(first, "2026").keySet());
            assertThat(repository.files(saved, "2026").get("district-model.drl")).isNull();
            assertThat(repository.files(saved, "2026").get("city-model.drl")).isEqualTo(repository.files(first, "2026").get("city-model.drl"));
        }
    }

    @Test
    void refusesASaveWithoutANoteWithoutAChangeOrMadeFromAnOlderVersion() throws Exception {
        try (RuleRepository repository = seeded()) {
            String first = repository.head();
            Map<String, byte[]> files = repository.files(first, "2024-2025");
            assertThatThrownBy(() -> repository.save("2024-2025", files, first, "same", LAN, START))
                    .isInstanceOf(RuleRepository.Refused.class).hasMessageContaining("nothing changed");
            Map<String, byte[]> changed = new LinkedHashMap<>(files);
            changed.put("score.drl", (new String(files.get("score.drl"), StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8));
            assertThatThrownBy(() -> repository.save("2024-2025", changed, first, "  ", LAN, START))
                    .isInstanceOf(RuleRepository.Refused.class).hasMessageContaining("note");
            repository.save("2024-2025", changed, first, "one", LAN, START);
            Map<String, byte[]> other = new LinkedHashMap<>(files);
            other.put("measures.drl", (new String(files.get("measures.drl"), StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8));
            assertThatThrownBy(() -> repository.save("2024-2025", other, first, "two", LAN, START))
                    .isInstanceOf(RuleRepository.Refused.class).hasMessageContaining("saved by someone else");
            // a change to another rule set made from the older version is no conflict
            Map<String, byte[]> y2026 = new LinkedHashMap<>(repository.files(first, "2026"));
            y2026.put("score.drl", (new String(y2026.get("score.drl"), StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8));
            repository.save("2026", y2026, first, "three", LAN, START);
            assertThatThrownBy(() -> repository.save("../x", files, null, "x", LAN, START)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
