package dvk.bench;

import dvk.bench.Draft.Prior;
import dvk.bench.Draft.Violation;
import dvk.bench.HanoiPlaces.Commune;
import dvk.bench.HanoiPlaces.District;
import dvk.bench.NameParts.Named;
import dvk.bench.ThresholdDraws.Tier;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws one valid record of a year's batch: 80 % models, 20 % works. Each record gets a tier
 * (weak, typical, strong) that steers all of its values together, because titles need several
 * criteria at once: independent draws would make a CITY_BANG_KHEN (score ≥ 90, approval ≥ 90,
 * CITY_MODEL within the district quota) vanishingly rare, while real batches hold a few.
 */
final class NominationDraws {
    private final int year;
    private final LocalDate reference;
    private final Districts districts;

    NominationDraws(int year, Districts districts) {
        this.year = year;
        this.reference = LocalDate.of(year, 12, 31);
        this.districts = districts;
    }

    /**
     * Records per city: about what Hà Nội sends in a year (11,935 models in 2025). With
     * {@link Districts#CITIES}, a larger batch is a roll-up of several cities shaped like Hà Nội
     * ("Gia Lâm 2" in "Hà Nội 2"), as a national roll-up would be, so that no district sends more
     * than a real one does; {@link Districts#CITY} and {@link Districts#ONE} concentrate it instead.
     */
    static final int RECORDS_PER_CITY = 12_000;

    Draft draw(SplittableRandom random, String id) {
        return draw(random, id, 0);
    }

    /** The record at {@code index} of the batch: with {@link Districts#CITIES}, its city is the index's group of {@link #RECORDS_PER_CITY}. */
    Draft draw(SplittableRandom random, String id, int index) {
        int group = districts == Districts.CITIES ? index / RECORDS_PER_CITY : 0;
        String suffix = group == 0 ? "" : " " + (group + 1);
        boolean work = random.nextInt(5) == 0;
        Tier tier = tier(random);
        ThresholdDraws draws = new ThresholdDraws(random, tier);
        District drawn = HanoiPlaces.district(random);
        // drawn all the same, so that the rest of the record draws the numbers it would in another district
        District district = districts == Districts.ONE ? HanoiPlaces.ONE_DISTRICT : drawn;
        Commune commune = NameParts.pick(random, district.communes());
        Draft draft = new Draft();
        draft.put("id", id);
        if (work) {
            work(random, draft, commune);
        } else {
            model(random, draft, commune);
        }
        draft.put("commune", commune.name());
        draft.put("district", district.name() + suffix);
        draft.put("city", HanoiPlaces.CITY + suffix);
        if (work) {
            workValues(draws, draft);
        } else {
            modelValues(random, draws, draft);
            draft.putList("priorRecognitions", priors(random, tier));
        }
        draft.putList("violations", violations(random));
        dossier(random, draft, work);
        return draft;
    }

    /** 32 % weak, 50 % typical, 18 % strong. */
    private static Tier tier(SplittableRandom random) {
        int t = random.nextInt(50);
        return t < 16 ? Tier.WEAK : t < 41 ? Tier.TYPICAL : Tier.STRONG;
    }

    private static void model(SplittableRandom random, Draft draft, Commune commune) {
        boolean individual = random.nextInt(100) < 15;
        Named named = individual
                ? NameParts.individualModel(random, field(random), commune)
                : NameParts.collectiveModel(random, field(random), commune);
        draft.put("name", named.name());
        draft.put("type", "MODEL");
        draft.put("kind", individual ? "INDIVIDUAL" : "COLLECTIVE");
        draft.put("field", named.field());
        draft.put("sponsor", named.sponsor());
    }

    /** ECONOMIC 30 %, CULTURE_SOCIETY 40 %, DEFENSE_SECURITY 18 %, POLITICAL_SYSTEM 12 %. */
    private static int field(SplittableRandom random) {
        int f = random.nextInt(100);
        return f < 30 ? 0 : f < 70 ? 1 : f < 88 ? 2 : 3;
    }

    private static void work(SplittableRandom random, Draft draft, Commune commune) {
        Named named = NameParts.work(random, commune);
        draft.put("name", named.name());
        draft.put("type", "WORK");
        draft.put("field", named.field());
        draft.put("sponsor", named.sponsor());
    }

    private void modelValues(SplittableRandom random, ThresholdDraws draws, Draft draft) {
        draft.put("startDate", draws.monthsBefore(reference, draws.whole(ThresholdDraws.MONTHS, 0, 120, 1)).toString());
        long resources = draws.whole(ThresholdDraws.RESOURCES, 0, 3_000_000_000L, 1_000_000);
        long laborDays = laborDays(random, resources);
        draft.put("fundsVnd", resources - laborDays * ThresholdDraws.LABOR_DAY_VND);
        draft.put("laborDays", laborDays);
        draft.put("beneficiaries", draws.whole(ThresholdDraws.BENEFICIARIES, 0, 20_000, 1));
        draft.put("replicationSites", draws.whole(ThresholdDraws.REPLICATION, 0, 7, 1));
        draft.put("approvalPercent", draws.approval(ThresholdDraws.APPROVAL));
    }

    /**
     * Part of the resources given as labour (none for a quarter of models, up to 3,000 days); the
     * funds are the rest, so the sum stays exactly at the drawn value.
     */
    private static long laborDays(SplittableRandom random, long resources) {
        long most = Math.min(3_000, resources / ThresholdDraws.LABOR_DAY_VND);
        return most == 0 || random.nextInt(4) == 0 ? 0 : random.nextLong(most + 1);
    }

    private void workValues(ThresholdDraws draws, Draft draft) {
        draft.put("completedDate",
                draws.monthsBefore(reference, draws.whole(ThresholdDraws.WORK_MONTHS, 0, 72, 1)).toString());
        long total = draws.whole(ThresholdDraws.WORK_VALUE, 5_000_000, 5_000_000_000L, 1_000_000);
        draft.put("totalValueVnd", total);
        draft.put("peopleContributionVnd", draws.contribution(total));
        draft.put("beneficiaries", draws.whole(ThresholdDraws.WORK_BENEFICIARIES, 0, 10_000, 1));
        draft.put("approvalPercent", draws.approval(ThresholdDraws.WORK_APPROVAL));
    }

    /**
     * Prior recognitions around the windows of the rules: a COMMUNE one in a year up to Y (or
     * none), DISTRICT_MODEL in Y-4…Y-1 (Y-4 falls outside the CITY_MODEL window Y-3…Y-1), and
     * DISTRICT_GIAY_KHEN, CITY_MODEL and CITY_BANG_KHEN in Y-3…Y-1 (Y-3 outside the no-repeat window).
     */
    private List<Prior> priors(SplittableRandom random, Tier tier) {
        int strength = tier.ordinal();                                  // 0 weak, 1 typical, 2 strong
        List<Prior> priors = new ArrayList<>();
        int districtYear = random.nextInt(100) < 10 + 32 * strength ? year - 1 - random.nextInt(4) : 0;
        if (random.nextInt(100) < 45 + 22 * strength) {
            // recognised by the commune first, as a rule, before the district took the model up
            int communeYear = year - random.nextInt(6);
            if (districtYear > 0 && communeYear > districtYear) communeYear = districtYear - random.nextInt(2);
            priors.add(new Prior(communeYear, "COMMUNE", "COMMUNE_MODEL"));
        }
        if (districtYear > 0) {
            priors.add(new Prior(districtYear, "DISTRICT", "DISTRICT_MODEL"));
            if (random.nextInt(100) < 30) {
                priors.add(new Prior(year - 1 - random.nextInt(3), "DISTRICT", "DISTRICT_GIAY_KHEN"));
            }
        }
        if (tier == Tier.STRONG && random.nextInt(100) < 12) {
            int cityYear = year - 1 - random.nextInt(3);
            priors.add(new Prior(cityYear, "CITY", "CITY_MODEL"));
            if (random.nextBoolean()) priors.add(new Prior(cityYear, "CITY", "CITY_BANG_KHEN"));
        }
        priors.sort(Comparator.comparingInt(Prior::year));                 // stable: same-year entries keep their order
        return priors;
    }

    /** 8 % of records have a violation: in Y or Y-1 (no title at all) or earlier (no effect). */
    private List<Violation> violations(SplittableRandom random) {
        if (random.nextInt(100) >= 8) return List.of();
        int roll = random.nextInt(10);
        int when = roll < 3 ? year : roll < 6 ? year - 1 : year - 2 - random.nextInt(5);
        return List.of(new Violation(when, NameParts.pick(random, NameParts.VIOLATIONS)));
    }

    /** Dossiers are mostly complete: each paper is missing from about one record in 25. */
    private static void dossier(SplittableRandom random, Draft draft, boolean work) {
        draft.dossier().put("report", random.nextInt(25) != 0);
        draft.dossier().put("confirmation", random.nextInt(25) != 0);
        if (work) draft.dossier().put("acceptance", random.nextInt(25) != 0);
    }
}
