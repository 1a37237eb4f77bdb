package dvk.engine;

import static dvk.testing.NominationBuilder.model;
import static dvk.testing.NominationBuilder.work;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dvk.cli.ExitCodes;
import dvk.domain.AcceptedRecord;
import dvk.domain.Batch;
import dvk.domain.Decision;
import dvk.domain.Indexed;
import dvk.domain.Nomination;
import dvk.domain.RejectedRecord;
import dvk.testing.FaultyRules;
import dvk.testing.NominationBuilder;
import dvk.testing.RulesCopy;
import dvk.testing.TestRules;
import dvk.testing.UnsandboxedRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EvaluatorTest {
    private static final String THROWING_RULE = """
            package dvk.rules;
            import dvk.domain.Nomination;
import dvk.domain.RejectedRecord;

            rule "divide by beneficiaries"
                @id("test.divide") @cite("test")
            when
                $n : Nomination(beneficiaries == 0)
            then
                long perPerson = $n.fundsVnd() / $n.beneficiaries();
            end
            """;


    @TempDir
    Path temp;

    /**
     * Streaming evaluates chunks of records and then each district's quota candidates together; the
     * oracle is the whole district in one session, where the quota sees every nomination at once.
     */
    @Test
    void chunksAndQuotaSessionsDecideAsOneSessionPerDistrict() {
        List<Indexed<Nomination>> nominations = new ArrayList<>();
        String[] districts = {"Gia Lâm", "Đông Anh", "Long Biên"};
        for (int i = 0; i < 3 * Evaluator.CHUNK + 40; i++) {
            nominations.add(new Indexed<>(i, model(String.format("M-%04d", i)).district(districts[i % 3])
                    .beneficiaries(200 + (i * 37) % 5_000).approval(String.valueOf(60 + i % 40))
                    .replicationSites(i % 6).build()));
        }
        RuleSet rules = TestRules.standard();
        DecisionAssembler assembler = new DecisionAssembler(rules);
        List<Decision> expected = new ArrayList<>();
        for (String district : districts) {
            List<Indexed<Nomination>> own = nominations.stream().filter(n -> n.value().district().equals(district)).toList();
            Map<String, SessionFacts> facts = RuleSession.evaluate(rules, 2024, district, own);
            own.forEach(n -> expected.add(assembler.assemble(n, facts.get(n.value().id()))));
        }
        expected.sort(Comparator.comparingInt(Decision::index));
        assertThat(expected.stream().filter(d -> d.holds("CITY_MODEL")).count()).as("the quota caps every district").isEqualTo(9);
        assertThat(expected.stream().filter(d -> d.notAwarded().stream().anyMatch(m -> m.failed().stream()
                .anyMatch(c -> c.criterion().equals("district-quota"))))).as("and turns candidates away").hasSizeGreaterThan(50);
        for (int threads : new int[] {1, 2}) {
            Evaluation streamed = new Evaluator(rules, threads).evaluate(new Batch(2024, nominations, List.of()));
            assertThat(streamed.decisions()).as("%d threads", threads).isEqualTo(expected);
        }
    }

    @Test
    void aRuleThatInsertsWithoutEndIsStoppedAndNamed() throws Exception {
        RulesCopy rules = RulesCopy.of(temp).write("count.drl", FaultyRules.FLOOD);
        RuleSet ruleSet = new RuleCompiler().compile(rules.directory());
        long started = System.nanoTime();
        assertThatThrownBy(() -> TestRules.evaluate(ruleSet, 2024, model("M")))
                .isInstanceOfSatisfying(RuleFailure.class, f -> {
                    assertThat(f.rule()).isEqualTo("count to infinity");
                    assertThat(f.getMessage()).contains("\"count to infinity\"").contains("insert without end")
                            .contains("nomination M");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(60));
    }

    @Test
    void aRuleThatRunsPastItsDeadlineFailsNamingTheRuleAndNomination() throws Exception {
        // each firing multiplies for a few milliseconds and derives the next part: far from the firing
        // cap when the 200 ms deadline passes, and the engine halts between two firings
        String squares = "x = x.multiply(x); ".repeat(17);
        RulesCopy rules = RulesCopy.of(temp).write("slow.drl", """
                package dvk.rules;
                import dvk.domain.Nomination;
                import dvk.domain.ScorePart;
                import java.math.BigInteger;
                rule "start ticking" @id("test.start") @cite("test")
                when $n : Nomination()
                then insertLogical(new ScorePart($n.id(), "tick", 0));
                end
                rule "tick slowly" @id("test.slow") @cite("test")
                when $p : ScorePart(component == "tick")
                then
                    BigInteger x = BigInteger.valueOf(7 + $p.points());
                    %s
                    insertLogical(new ScorePart($p.nominationId(), "tick", $p.points() + 1));
                end
                """.formatted(squares));
        RuleSet ruleSet = new RuleCompiler().compile(rules.directory());
        long started = System.nanoTime();
        assertThatThrownBy(() -> new Evaluator(ruleSet, 1).withRuleTimeout(Duration.ofMillis(200)).evaluate(toBatch(model("M"))))
                .isInstanceOfSatisfying(RuleFailure.class, f -> {
                    assertThat(f.rule()).isEqualTo("tick slowly");
                    assertThat(f.getMessage()).startsWith("rule \"tick slowly\" did not finish within 200 ms (records 0–0")
                            .contains("nomination M");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("stopped at the deadline").isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aRuleThatRunsOutOfMemoryFailsAsARuleNamingItAndItsNomination() throws Exception {
        RulesCopy rules = RulesCopy.of(temp).write("huge.drl", """
                package dvk.rules;
                import dvk.domain.Nomination;
                rule "allocate everything"
                    @id("test.huge") @cite("test")
                when
                    $n : Nomination()
                then
                    long[] all = new long[Integer.MAX_VALUE - 8];
                end
                """);
        RuleSet ruleSet = new RuleCompiler().compile(rules.directory());
        assertThatThrownBy(() -> TestRules.evaluate(ruleSet, 2024, model("M")))
                .isInstanceOfSatisfying(RuleFailure.class, f -> {
                    assertThat(f.rule()).isEqualTo("allocate everything");
                    assertThat(f.getMessage()).contains("ran out of memory").contains("nomination M").contains("records 0–0");
                });
    }

    @Test
    void aRuleThatOverflowsTheStackFailsAsARuleNamingIt() {
        // the sandbox refuses recursion, so this rule set is built without it: the backstop is what is tested
        RuleSet ruleSet = UnsandboxedRules.of("""
                package dvk.rules;
                import dvk.domain.Nomination;
                function long depth(long n) { return depth(n + 1) + 1; }
                rule "recurse" @id("test.recurse") @cite("test")
                when $n : Nomination()
                then long d = depth(0);
                end
                """);
        assertThatThrownBy(() -> TestRules.evaluate(ruleSet, 2024, model("M")))
                .isInstanceOfSatisfying(RuleFailure.class, f -> {
                    assertThat(f.rule()).isEqualTo("recurse");
                    assertThat(f.getMessage()).contains("overflowed the stack").contains("nomination M")
                            .doesNotContain("\tat ");
                });
    }

    @Test
    void decisionsKeepInputOrderAcrossDistrictsAndThreads() {
        NominationBuilder[] batch = {
            model("C").district("Long Biên"), work("A").district("Gia Lâm"), model("B").district("Đông Anh"),
            model("D").district("Gia Lâm"), work("E").district("Long Biên")
        };
        for (int threads : new int[] {1, 2, 4}) {
            Evaluation e = new Evaluator(TestRules.standard(), threads).evaluate(toBatch(batch));
            assertThat(e.decisions()).extracting(d -> d.nomination().id()).containsExactly("C", "A", "B", "D", "E");
            assertThat(e.decisions()).extracting(d -> d.index()).containsExactly(0, 1, 2, 3, 4);
        }
    }

    /** The calling thread reads and tells, and is never inside a rule: it can always give up on one at its deadline. */
    @Test
    void everyChunkIsEvaluatedOnAWorkerNeverOnTheCallingThread() {
        NominationBuilder[] builders = new NominationBuilder[Evaluator.FIRST_CHUNK + 40];
        // works: never quota candidates, so every decision is told in its chunk
        for (int i = 0; i < builders.length; i++) builders[i] = work("W" + i).district(i % 2 == 0 ? "Gia Lâm" : "Đông Anh");
        Map<Integer, String> preparedOn = new ConcurrentHashMap<>();
        List<Integer> decided = new ArrayList<>();
        DecisionListener<Decision> listener = new DecisionListener<>() {
            @Override
            public Decision prepare(Decision decision) {
                preparedOn.put(decision.index(), Thread.currentThread().getName());
                return decision;
            }

            @Override
            public void decided(Decision decision, Decision prepared) {
                decided.add(decision.index());
            }

            @Override
            public void pending(int index, Nomination nomination) {}

            @Override
            public void rejected(RejectedRecord rejected) {}

            @Override
            public void resolved(Decision decision, Decision prepared) {}
        };
        Iterator<Indexed<Nomination>> records = toBatch(builders).accepted().iterator();
        RecordSource<RuntimeException> source = () -> {
            if (!records.hasNext()) return null;
            Indexed<Nomination> next = records.next();
            return new AcceptedRecord(next.index(), next.value());
        };

        new Evaluator(TestRules.standard(), 2).stream(2024, source, listener);

        assertThat(decided).hasSize(builders.length);
        for (int index : decided) {
            assertThat(preparedOn.get(index)).as("decision %d", index).isEqualTo("dvk-evaluate");
        }
    }

    private static Batch toBatch(NominationBuilder... builders) {
        List<Indexed<Nomination>> accepted = new ArrayList<>();
        for (NominationBuilder b : builders) accepted.add(new Indexed<>(accepted.size(), b.build()));
        return new Batch(2024, accepted, List.of());
    }

    @Test
    void aRuleThatLoopsIsStoppedByTheCapAndNamed() throws Exception {
        RulesCopy rules = RulesCopy.of(temp).write("loop.drl", FaultyRules.LOOP);
        RuleSet ruleSet = new RuleCompiler().compile(rules.directory());
        long started = System.nanoTime();
        assertThatThrownBy(() -> TestRules.evaluate(ruleSet, 2024, model("M")))
                .isInstanceOfSatisfying(RuleFailure.class, f -> {
                    assertThat(f.rule()).isEqualTo("tick forever");
                    assertThat(f.getMessage()).contains("\"tick forever\"").contains("does it loop?");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(60));
    }

    @Test
    void aRuleThatThrowsIsNamedWithTheNomination() throws Exception {
        RulesCopy rules = RulesCopy.of(temp).write("throws.drl", THROWING_RULE);
        RuleSet ruleSet = new RuleCompiler().compile(rules.directory());
        assertThatThrownBy(() -> TestRules.evaluate(ruleSet, 2024, model("OK"), model("ZERO").beneficiaries(0)))
                .isInstanceOfSatisfying(RuleFailure.class, f -> {
                    assertThat(f.rule()).isEqualTo("divide by beneficiaries");
                    assertThat(f.getMessage()).contains("nomination ZERO").contains("ArithmeticException");
                });
    }

    @Test
    void theCommandExitsFourOnAFailingRuleAndWritesNothing() throws Exception {
        RulesCopy rules = RulesCopy.of(temp).write("throws.drl", THROWING_RULE);
        Path batch = temp.resolve("batch.json");
        Files.writeString(batch, """
                {"year": 2024, "nominations": [{"id": "Z", "name": "Không người hưởng lợi", "type": "MODEL",
                 "kind": "INDIVIDUAL", "field": "ECONOMIC", "sponsor": "x", "commune": "Dương Hà",
                 "district": "Gia Lâm", "city": "Hà Nội", "startDate": "2023-01-01",
                 "dossier": {"report": true, "confirmation": true}}]}""");
        Path out = temp.resolve("out.json");
        java.io.StringWriter err = new java.io.StringWriter();
        CommandLine cli = new CommandLine(new dvk.cli.DvkCommand());
        cli.setErr(new java.io.PrintWriter(err, true));
        int code = cli.execute("evaluate", batch.toString(), "--rules", rules.directory().toString(), "--out", out.toString());
        assertThat(code).isEqualTo(ExitCodes.RULES);
        assertThat(err.toString()).contains("divide by beneficiaries").contains("nomination Z");
        assertThat(out).doesNotExist();
    }
}
