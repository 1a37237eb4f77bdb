package dvk.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dvk.domain.Batch;
import dvk.domain.CriterionOutcome;
import dvk.domain.Decision;
import dvk.domain.Indexed;
import dvk.domain.Nomination;
import dvk.domain.NominationType;
import dvk.domain.NotAwarded;
import dvk.domain.TitleDefinition;
import dvk.engine.Evaluation;
import dvk.engine.Evaluator;
import dvk.io.BatchException;
import dvk.io.BatchReader;
import dvk.testing.TestRules;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchGeneratorTest {
    private static final int YEAR = 2024;

    @TempDir
    Path temp;

    private static String generate(int n, long seed, BatchFormat format) throws IOException {
        return generate(n, seed, format, Districts.CITIES);
    }

    private static String generate(int n, long seed, BatchFormat format, Districts districts) throws IOException {
        StringWriter out = new StringWriter();
        new BatchGenerator(YEAR, seed, districts).write(n, format, out);
        return out.toString();
    }

    private Batch read(int n, long seed, BatchFormat format) throws IOException, BatchException {
        return read(n, seed, format, Districts.CITIES);
    }

    private Batch read(int n, long seed, BatchFormat format, Districts districts) throws IOException, BatchException {
        Path file = temp.resolve("batch-" + n + "-" + seed + "-" + districts + "." + format.name().toLowerCase());
        Files.writeString(file, generate(n, seed, format, districts), StandardCharsets.UTF_8);
        return BatchReader.read(file);
    }

    private static List<Nomination> accepted(Batch batch, NominationType type) {
        return batch.accepted().stream().map(Indexed::value).filter(n -> n.type() == type).toList();
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedAnotherBatch() throws IOException {
        for (BatchFormat format : BatchFormat.values()) {
            String first = generate(500, 42, format);
            assertThat(generate(500, 42, format)).as(format.name()).isEqualTo(first);
            assertThat(generate(500, 43, format)).as(format.name()).isNotEqualTo(first);
        }
    }

    @Test
    void aBatchLargerThanACityIsARollUpOfCitiesSoNoDistrictGrowsPastARealOne() throws Exception {
        int n = 3 * NominationDraws.RECORDS_PER_CITY;
        Batch batch = read(n, 7, BatchFormat.JSON);
        Map<String, Long> perDistrict = batch.accepted().stream()
                .collect(Collectors.groupingBy(r -> r.value().district(), Collectors.counting()));
        assertThat(batch.accepted()).extracting(r -> r.value().city()).contains("Hà Nội", "Hà Nội 2", "Hà Nội 3");
        assertThat(perDistrict).containsKeys("Gia Lâm", "Gia Lâm 2", "Gia Lâm 3").hasSize(90);
        assertThat(perDistrict.values()).allSatisfy(count ->
                assertThat(count).as("records of one district").isLessThan(NominationDraws.RECORDS_PER_CITY / 4));
        assertThat(batch.accepted().get(0).value().city()).isEqualTo("Hà Nội");
    }

    /** As the benchmark's million: one city's districts, as concentrated as the sample's city, however many records. */
    @Test
    void oneCityKeepsEveryRecordInHanoiWithItsBusiestDistrictsBusy() throws Exception {
        int n = 3 * NominationDraws.RECORDS_PER_CITY;
        Batch batch = read(n, 7, BatchFormat.JSON, Districts.CITY);
        assertThat(batch.accepted()).allSatisfy(r -> assertThat(r.value().city()).isEqualTo("Hà Nội"));
        Map<String, Long> perDistrict = batch.accepted().stream()
                .collect(Collectors.groupingBy(r -> r.value().district(), Collectors.counting()));
        assertThat(perDistrict).hasSize(30);
        assertThat(perDistrict.get("Gia Lâm") / (double) batch.accepted().size()).isBetween(0.16, 0.21);
        // up to a city's size, the batch is the default one
        assertThat(generate(2_000, 7, BatchFormat.JSON, Districts.CITY)).isEqualTo(generate(2_000, 7, BatchFormat.JSON));
    }

    /** The largest quota group a batch can hold: every record in Gia Lâm, from its communes. */
    @Test
    void oneDistrictPutsEveryRecordInGiaLam() throws Exception {
        Batch batch = read(3_000, 7, BatchFormat.JSON, Districts.ONE);
        Set<String> giaLam = HanoiPlaces.ONE_DISTRICT.communes().stream().map(HanoiPlaces.Commune::name)
                .collect(Collectors.toSet());
        assertThat(batch.accepted()).hasSizeGreaterThan(2_900).allSatisfy(r -> {
            assertThat(r.value().district()).isEqualTo("Gia Lâm");
            assertThat(r.value().city()).isEqualTo("Hà Nội");
            assertThat(giaLam).contains(r.value().commune());
        });
        assertThat(generate(3_000, 7, BatchFormat.JSON, Districts.ONE))
                .isEqualTo(generate(3_000, 7, BatchFormat.JSON, Districts.ONE))
                .isNotEqualTo(generate(3_000, 8, BatchFormat.JSON, Districts.ONE));
        // the same draws otherwise: the records' kinds and ids are those of the default batch
        Batch spread = read(3_000, 7, BatchFormat.JSON);
        assertThat(batch.accepted()).extracting(r -> r.value().id() + " " + r.value().type())
                .isEqualTo(spread.accepted().stream().map(r -> r.value().id() + " " + r.value().type()).toList());
    }

    @Test
    void aLongerBatchStartsWithTheShorterOne() throws IOException {
        String[] shorter = generate(100, 5, BatchFormat.JSON).split("\n");
        String[] longer = generate(300, 5, BatchFormat.JSON).split("\n");
        // record i draws from the i-th split of the seed, whatever comes after it
        assertThat(List.of(longer).subList(0, 100)).isEqualTo(List.of(shorter).subList(0, 100));
    }

    @Test
    void jsonHasTheYearFirstAndOneRecordALine() throws IOException {
        String[] lines = generate(200, 9, BatchFormat.JSON).split("\n", -1);
        assertThat(lines[0]).isEqualTo("{\"year\":2024,\"nominations\":[");
        assertThat(lines).hasSize(200 + 3);                               // header, records, "]}", empty after the last \n
        assertThat(lines[1]).startsWith("{\"id\":\"HN-2024-000001\",");
        assertThat(lines[200]).startsWith("{\"id\":\"HN-2024-");
        assertThat(lines[200 + 1]).isEqualTo("]}");
        for (int i = 1; i <= 200; i++) {
            assertThat(lines[i]).startsWith("{").endsWith(i < 200 ? "}," : "}");
        }
    }

    @Test
    void theReaderTakesEveryRecordAndRejectsExactlyTheSpoiltOnes() throws Exception {
        for (BatchFormat format : BatchFormat.values()) {
            Path file = temp.resolve("spoilt." + format.name().toLowerCase());
            BatchGenerator.Summary summary;
            try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                summary = new BatchGenerator(YEAR, 7).write(5000, format, out);
            }
            Batch batch = BatchReader.read(file);
            assertThat(batch.year()).isEqualTo(YEAR);
            assertThat(batch.records()).as(format.name()).isEqualTo(5000);
            assertThat(batch.rejected()).as(format.name()).hasSize(summary.invalid());
            assertThat(batch.rejected().size()).as(format.name()).isBetween(25, 100);   // 0.5 % to 2 %
        }
    }

    @Test
    void defectsAreOfEveryKindTheContractRejects() throws Exception {
        Batch batch = read(20_000, 3, BatchFormat.JSON);
        String messages = batch.rejected().stream().flatMap(r -> r.errors().stream())
                .map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("\n"));
        assertThat(messages).contains("required field is missing", "must not be negative", "is not a real date",
                "is after the reference date", "unknown field", "must be from 0 to 100",
                "is more than the total value", "duplicate id")
                .containsPattern("expected a whole number, got \"\\d+\"")          // "1200"
                .containsPattern("expected a whole number, got \\d+\\.[05]\\b");  // 12.5, 12.0
        // one defect a record: each rejected record is reported for one field
        assertThat(batch.rejected()).allSatisfy(r -> assertThat(r.errors()).hasSize(1));
    }

    @Test
    void csvCarriesTheSameDefectsInItsOwnTerms() throws Exception {
        Batch json = read(20_000, 3, BatchFormat.JSON);
        Batch csv = read(20_000, 3, BatchFormat.CSV);
        assertThat(csv.rejected().stream().map(r -> r.index() + " " + r.id()).toList())
                .isEqualTo(json.rejected().stream().map(r -> r.index() + " " + r.id()).toList());
        String messages = csv.rejected().stream().flatMap(r -> r.errors().stream())
                .map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("\n"));
        assertThat(messages).doesNotContain("unknown field")
                .contains("row: has 25 cells, the header has 24", "duplicate id", "is not a real date")
                .containsPattern("beneficiaries: expected a whole number, got \"\\d+ người\"");
        assertThat(csv.rejected()).allSatisfy(r -> assertThat(r.errors()).hasSize(1));
    }

    @Test
    void valuesSitAtAndJustBelowEveryThreshold() throws Exception {
        Batch batch = read(5000, 11, BatchFormat.JSON);
        LocalDate reference = LocalDate.of(YEAR, 12, 31);
        List<Nomination> models = accepted(batch, NominationType.MODEL);
        List<Nomination> works = accepted(batch, NominationType.WORK);

        assertThat(values(models, n -> ChronoUnit.MONTHS.between(n.startDate(), reference)))
                .contains(11L, 12L, 23L, 24L, 35L, 36L);
        assertThat(values(works, n -> ChronoUnit.MONTHS.between(n.completedDate(), reference))).contains(2L, 3L);
        assertThat(values(models, n -> n.fundsVnd() + n.laborDays() * 200_000))
                .contains(49_999_999L, 50_000_000L, 99_999_999L, 100_000_000L, 499_999_999L, 500_000_000L,
                        999_999_999L, 1_000_000_000L);
        assertThat(values(models, Nomination::beneficiaries))
                .contains(49L, 50L, 199L, 200L, 999L, 1000L, 4999L, 5000L);
        assertThat(values(works, Nomination::beneficiaries)).contains(499L, 500L);
        assertThat(values(models, Nomination::replicationSites)).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(models.stream().map(n -> n.approvalPercent().toPlainString()).collect(Collectors.toSet()))
                .contains("69.99", "69.9", "70", "79.99", "79.9", "80", "89.99", "89.9", "90");
        assertThat(works.stream().map(n -> n.approvalPercent().toPlainString()).collect(Collectors.toSet()))
                .contains("79.99", "80", "89.99", "90");
        assertThat(values(works, Nomination::totalValueVnd))
                .contains(49_999_999L, 50_000_000L, 99_999_999L, 100_000_000L);
        assertThat(works).allSatisfy(w -> assertThat(w.peopleContributionVnd()).isLessThanOrEqualTo(w.totalValueVnd()));
        Set<String> shares = works.stream().map(BatchGeneratorTest::shareBand).collect(Collectors.toSet());
        assertThat(shares).contains("exactly 50 %", "exactly 70 %", "just under 50 %", "just under 70 %");
    }

    /** How a work's people's share stands to the 50 % and 70 % thresholds, compared exactly. */
    private static String shareBand(Nomination work) {
        BigInteger people = BigInteger.valueOf(work.peopleContributionVnd()).multiply(BigInteger.valueOf(10_000));
        BigInteger total = BigInteger.valueOf(work.totalValueVnd());
        for (int threshold : new int[] {5000, 7000}) {
            int c = people.compareTo(total.multiply(BigInteger.valueOf(threshold)));
            String percent = threshold / 100 + " %";
            if (c == 0) return "exactly " + percent;
            // under, but by less than 0.02 percentage points
            if (c < 0 && people.compareTo(total.multiply(BigInteger.valueOf(threshold - 2))) >= 0) {
                return "just under " + percent;
            }
        }
        return "other";
    }

    @Test
    void priorRecognitionsAndViolationsFallInsideAndJustOutsideTheWindows() throws Exception {
        Batch batch = read(5000, 11, BatchFormat.JSON);
        List<Nomination> models = accepted(batch, NominationType.MODEL);
        Map<String, Set<Integer>> priorYears = new TreeMap<>();
        models.forEach(n -> n.priorRecognitions().forEach(p ->
                priorYears.computeIfAbsent(p.title(), t -> new TreeSet<>()).add(p.year())));
        assertThat(priorYears.get("COMMUNE_MODEL")).contains(YEAR, YEAR - 1).allMatch(y -> y <= YEAR);
        assertThat(priorYears.get("DISTRICT_MODEL")).containsExactly(YEAR - 4, YEAR - 3, YEAR - 2, YEAR - 1);
        assertThat(priorYears.get("DISTRICT_GIAY_KHEN")).containsExactly(YEAR - 3, YEAR - 2, YEAR - 1);
        assertThat(priorYears.get("CITY_BANG_KHEN")).containsExactly(YEAR - 3, YEAR - 2, YEAR - 1);
        assertThat(models).anyMatch(n -> n.priorRecognitions().isEmpty());
        Set<Integer> violationYears = batch.accepted().stream().flatMap(n -> n.value().violations().stream())
                .map(v -> v.year()).collect(Collectors.toSet());
        assertThat(violationYears).contains(YEAR, YEAR - 1).anyMatch(y -> y < YEAR - 1);
        assertThat(batch.accepted()).anyMatch(n -> !n.value().dossier().report())
                .anyMatch(n -> !n.value().dossier().confirmation())
                .anyMatch(n -> n.value().type() == NominationType.WORK && !n.value().dossier().acceptance());
    }

    @Test
    void aboutFourInFiveAreModelsFromAllThirtyDistrictsOfHanoiSomeFarBusierThanOthers() throws Exception {
        Batch batch = read(5000, 11, BatchFormat.JSON);
        List<Nomination> all = batch.accepted().stream().map(Indexed::value).toList();
        assertThat(accepted(batch, NominationType.MODEL).size() / (double) all.size()).isBetween(0.75, 0.85);
        Map<String, Long> byDistrict = all.stream().collect(Collectors.groupingBy(Nomination::district,
                Collectors.counting()));
        assertThat(byDistrict).hasSize(30).containsKeys("Ba Đình", "Hoàn Kiếm", "Gia Lâm", "Đông Anh", "Sóc Sơn",
                "Mê Linh");
        long busiest = byDistrict.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        long quietest = byDistrict.values().stream().mapToLong(Long::longValue).min().orElseThrow();
        assertThat(busiest).isGreaterThan(8 * quietest);
        assertThat(all).allSatisfy(n -> assertThat(n.city()).isEqualTo("Hà Nội"));
    }

    @Test
    void evaluationAwardsEveryTitleAndMissesEveryTitleWithQuotaContention() throws Exception {
        Batch batch = read(3000, 2024, BatchFormat.JSON);
        Evaluation evaluation = new Evaluator(TestRules.standard()).evaluate(batch);
        List<String> titles = evaluation.rules().awardedTitles().stream().map(TitleDefinition::code).toList();
        assertThat(titles).contains("DISTRICT_MODEL", "DISTRICT_GIAY_KHEN", "DISTRICT_WORK_SIGN", "CITY_MODEL",
                "CITY_BANG_KHEN", "CITY_WORK_SIGN");
        for (String title : titles) {
            assertThat(evaluation.count(title)).as("nominations awarded " + title).isPositive();
            assertThat(evaluation.decisions()).as("a nomination that misses " + title)
                    .anyMatch(d -> d.notAwarded().stream().anyMatch(n -> n.title().equals(title)));
        }
        // quota contention: more than 3 nominations of one district that fail CITY_MODEL on the quota alone
        Map<String, Long> pastQuota = evaluation.decisions().stream()
                .filter(d -> failedOnly(d, "CITY_MODEL").equals(Set.of("district-quota")))
                .collect(Collectors.groupingBy(d -> d.nomination().district(), Collectors.counting()));
        assertThat(pastQuota.values()).as("past the quota by district: " + pastQuota).anyMatch(c -> c > 3);
    }

    private static Set<String> failedOnly(Decision decision, String title) {
        return decision.notAwarded().stream().filter(n -> n.title().equals(title))
                .flatMap((NotAwarded n) -> n.failed().stream()).map(CriterionOutcome::criterion)
                .collect(Collectors.toSet());
    }

    @Test
    void zeroRecordsGiveAnEmptyJsonBatchAndACsvHeaderThatIsNoBatch() throws Exception {
        assertThat(generate(0, 1, BatchFormat.JSON)).isEqualTo("{\"year\":2024,\"nominations\":[]}\n");
        Batch empty = read(0, 1, BatchFormat.JSON);
        assertThat(empty.records()).isZero();
        assertThat(empty.year()).isEqualTo(YEAR);
        // a CSV batch has its year in its rows only: the reader refuses a header alone
        assertThat(generate(0, 1, BatchFormat.CSV)).doesNotContain("\n2024,").startsWith("year,id,name,");
        assertThatThrownBy(() -> read(0, 1, BatchFormat.CSV)).isInstanceOf(BatchException.class)
                .hasMessageContaining("no rows");
    }

    @Test
    void idsCountFromOneInSixDigitsAndRepeatOnlyOnPurpose() throws Exception {
        BatchGenerator generator = new BatchGenerator(2025, 1);
        assertThat(generator.id(0)).isEqualTo("HN-2025-000001");
        assertThat(generator.id(122)).isEqualTo("HN-2025-000123");
        assertThat(generator.id(1_233_455)).isEqualTo("HN-2025-1233456");
        Batch batch = read(5000, 11, BatchFormat.JSON);
        Set<String> ids = batch.accepted().stream().map(n -> n.value().id()).collect(Collectors.toSet());
        assertThat(ids).hasSize(batch.accepted().size());
    }

    private static <T> TreeSet<Long> values(List<T> items, ToLongFunction<T> value) {
        return items.stream().mapToLong(value).boxed().collect(Collectors.toCollection(TreeSet::new));
    }
}
