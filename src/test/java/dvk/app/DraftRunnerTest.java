package dvk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dvk.report.ImpactView;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drafts evaluated in a child JVM: the impact, the fixtures, and the drafts that must not take the workspace down. */
class DraftRunnerTest {
    private static final Path SAMPLE = Path.of("fixtures/samples/gia-lam-2024.xlsx");
    private static final DraftRunner.Limits LIMITS = new DraftRunner.Limits(256, Duration.ofSeconds(180), Duration.ofSeconds(10));

    @TempDir
    Path job;

    @Test
    void loweringDistrictModelsMonthsShowsWhoGainsItOnTheSampleAndWhichFixturesNoLongerHold() throws Exception {
        prepare();
        edit("district-model.drl", "$m.months(), 12)", "$m.months(), 10)");
        DraftReport report = new DraftRunner(LIMITS, 1).run(job, new DraftRequest(DraftRequest.IMPACT, "2024-2025", "en",
                "input.xlsx", "Gia Lâm 2024, version 1", "rules/2024-2025", LIMITS.ruleTimeout().toMillis()));

        assertThat(report.errors()).isEmpty();
        assertThat(report.failure()).as(report.failure()).isNull();
        assertThat(report.catalog()).anySatisfy(e -> {
            assertThat(e.id()).isEqualTo("district-model.months-running");
            assertThat(e.requirement()).isEqualTo(">= 10");
        });
        ImpactView impact = report.impact().view(dvk.report.Words.english());
        assertThat(impact.input()).isEqualTo("Gia Lâm 2024, version 1");
        assertThat(impact.titles()).anySatisfy(t -> {
            assertThat(t.code()).isEqualTo("DISTRICT_MODEL");
            assertThat(t.gains()).isTrue();
        });
        assertThat(impact.titleChanges()).isNotEmpty().allSatisfy(c -> assertThat(c.outcomes()).isNotEmpty());
        assertThat(report.fixtures()).hasSize(6);
        assertThat(report.coverage().ruleSets()).hasSize(2);
    }

    @Test
    void aCriterionOtherRuleSetsHoldIsListedWithTheirRequirement() throws Exception {
        prepare();
        edit("city-model.drl", "$n.replicationSites(), 3)", "$n.replicationSites(), 2)");
        DraftReport report = new DraftRunner(LIMITS, 1).run(job, new DraftRequest(DraftRequest.CHECK, "2024-2025", "vi",
                null, null, null, LIMITS.ruleTimeout().toMillis()));
        assertThat(report.errors()).isEmpty();
        assertThat(report.differences()).anySatisfy(d -> {
            assertThat(d.ruleId()).isEqualTo("city-model.min-replication-sites");
            assertThat(d.requirements()).containsEntry("rules/2024-2025", ">= 2").containsEntry("rules/2026", ">= 3");
        });
    }

    @Test
    void aCompileErrorIsReportedAtItsLineWithWordsForPeople() throws Exception {
        prepare();
        edit("district-model.drl", "$m : Measures(nominationId == $n.id)", "$m : Measures(nominationId == $n.id");
        DraftReport report = new DraftRunner(LIMITS, 1).run(job, new DraftRequest(DraftRequest.CHECK, "2024-2025", "vi",
                null, null, null, LIMITS.ruleTimeout().toMillis()));
        assertThat(report.compiles()).isFalse();
        assertThat(report.errors()).anySatisfy(p -> {
            assertThat(p.file()).endsWith("district-model.drl");
            assertThat(p.line()).isEqualTo(21);
            assertThat(p.said()).isNotEmpty();
        });
        assertThat(report.catalog()).isEmpty();
    }

    @Test
    void aRuleThatFiresForEverEndsAtTheRuleDeadline() throws Exception {
        prepare();
        append("district-model.drl", """

                rule "district-model: again and again"
                    @id("district-model.again") @cite("a test")
                when
                    $m : Measures()
                then
                    insert(new Measures($m.nominationId(), $m.months() + 1, $m.resourcesVnd()));
                end
                """);
        long started = System.nanoTime();
        DraftReport report = new DraftRunner(new DraftRunner.Limits(256, Duration.ofSeconds(120), Duration.ofSeconds(3)), 1)
                .run(job, new DraftRequest(DraftRequest.IMPACT, "2024-2025", "en", "input.xlsx", "sample", null, 3000));
        assertThat(report.errors()).isEmpty();
        // the engine stops it at the deadline, or sooner when it sees the rules fire 26,000 times without settling
        assertThat(report.failure()).containsPattern("did not finish within 3 s|without settling; .*does it loop\\?");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(120));
    }

    @Test
    void aRuleThatInsertsWithoutEndEndsWithAClearMessage() throws Exception {
        prepare();
        append("district-model.drl", """

                rule "district-model: more and more"
                    @id("district-model.more") @cite("a test")
                when
                    $m : Measures()
                then
                    insert(new Measures($m.nominationId() + $m.nominationId(), $m.months(), $m.resourcesVnd()));
                end
                """);
        // each firing doubles the id it inserts: the heap runs out after a few dozen firings
        DraftRunner runner = new DraftRunner(new DraftRunner.Limits(64, Duration.ofSeconds(120), Duration.ofSeconds(60)), 1);
        String said;
        try {
            DraftReport report = runner.run(job, new DraftRequest(DraftRequest.IMPACT, "2024-2025", "en", "input.xlsx", "sample", null, 60_000));
            said = report.failure();
        } catch (DraftRunner.Failed e) {
            said = e.getMessage();
        }
        assertThat(said).isNotNull().containsIgnoringCase("memory");
    }

    @Test
    void aChildThatHangsIsKilledAtTheWallClockLimit() throws Exception {
        DraftRunner runner = new DraftRunner(new DraftRunner.Limits(64, Duration.ofSeconds(3), Duration.ofSeconds(1)), 1,
                HangingDraft.class.getName());
        long started = System.nanoTime();
        assertThatThrownBy(() -> runner.run(job, new DraftRequest(DraftRequest.CHECK, "x", "en", null, null, null, 1000)))
                .isInstanceOfSatisfying(DraftRunner.Failed.class, e -> {
                    assertThat(e.reason()).isEqualTo(DraftRunner.Failed.Reason.TIME);
                    assertThat(e.getMessage()).contains("did not finish in 3 s");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void aChildThatFillsItsHeapEndsWithAClearMessage() {
        DraftRunner runner = new DraftRunner(new DraftRunner.Limits(64, Duration.ofSeconds(60), Duration.ofSeconds(1)), 1,
                GreedyDraft.class.getName());
        assertThatThrownBy(() -> runner.run(job, new DraftRequest(DraftRequest.CHECK, "x", "en", null, null, null, 1000)))
                .isInstanceOfSatisfying(DraftRunner.Failed.class, e -> {
                    assertThat(e.reason()).isEqualTo(DraftRunner.Failed.Reason.MEMORY);
                    assertThat(e.getMessage()).contains("more than 64 MB");
                });
    }

    @Test
    void theChildHasNoneOfTheServersEnvironment() {
        DraftRunner runner = new DraftRunner(new DraftRunner.Limits(64, Duration.ofSeconds(60), Duration.ofSeconds(1)), 1,
                EnvironmentDraft.class.getName());
        assertThatThrownBy(() -> runner.run(job, new DraftRequest(DraftRequest.CHECK, "x", "en", null, null, null, 1000)))
                .isInstanceOfSatisfying(DraftRunner.Failed.class, e -> {
                    assertThat(e.reason()).isEqualTo(DraftRunner.Failed.Reason.BROKEN);
                    assertThat(e.getMessage()).contains("environment: LANG").doesNotContain("PATH", "HOME");
                });
    }

    @Test
    void aCheckThatANewerOneReplacedIsGivenUpAndItsChildKilled() {
        DraftRunner runner = new DraftRunner(new DraftRunner.Limits(64, Duration.ofSeconds(60), Duration.ofSeconds(1)), 1,
                HangingDraft.class.getName());
        long started = System.nanoTime();
        assertThatThrownBy(() -> runner.run(job, new DraftRequest(DraftRequest.CHECK, "x", "en", null, null, null, 1000),
                () -> System.nanoTime() - started > Duration.ofSeconds(2).toNanos()))
                .isInstanceOfSatisfying(DraftRunner.Failed.class, e -> assertThat(e.reason()).isEqualTo(DraftRunner.Failed.Reason.SUPERSEDED));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
    }

    private void prepare() throws IOException {
        copy(Path.of("rules"), job.resolve(DraftRequest.LIBRARY));
        copy(Path.of("rules/2024-2025"), job.resolve(DraftRequest.BASE));
        copy(Path.of("fixtures"), job.resolve(DraftRequest.FIXTURES));
        Files.copy(SAMPLE, job.resolve("input.xlsx"));
    }

    private void edit(String file, String from, String to) throws IOException {
        Path path = job.resolve(DraftRequest.LIBRARY).resolve("2024-2025").resolve(file);
        String text = Files.readString(path, StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        Files.writeString(path, text.replace(from, to), StandardCharsets.UTF_8);
    }

    private void append(String file, String rule) throws IOException {
        Path path = job.resolve(DraftRequest.LIBRARY).resolve("2024-2025").resolve(file);
        Files.writeString(path, Files.readString(path, StandardCharsets.UTF_8) + rule, StandardCharsets.UTF_8);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }
}
