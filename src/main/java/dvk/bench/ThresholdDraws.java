package dvk.bench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;

/**
 * Draws values clustered at the thresholds of criteria.md, so that a generated batch meets and
 * misses every one of them by the smallest step. A value is drawn in two steps: a band (which
 * thresholds it reaches, chosen by the nomination's {@link Tier}), then a place in the band:
 * exactly at its threshold (a quarter of the time), one step short of the next (a quarter), or
 * anywhere in between (half). Uniform values alone would almost never land on a boundary, which
 * is where rule mistakes hide.
 */
final class ThresholdDraws {
    static final long[] MONTHS = {12, 24, 36};
    static final long[] WORK_MONTHS = {3};
    static final long[] RESOURCES = {50_000_000L, 100_000_000L, 500_000_000L, 1_000_000_000L};
    static final long[] BENEFICIARIES = {50, 200, 1_000, 5_000};
    static final long[] WORK_BENEFICIARIES = {500};
    static final long[] REPLICATION = {1, 3, 5};
    /** Approval in hundredths of a percent. */
    static final long[] APPROVAL = {7_000, 8_000, 9_000};
    static final long[] WORK_APPROVAL = {8_000, 9_000};
    static final long[] WORK_VALUE = {50_000_000L, 100_000_000L};
    /** People's share in hundredths of a percent. */
    static final long[] SHARE = {5_000, 7_000};

    /** A labour day counts 200,000 VND in the resources mobilized. */
    static final long LABOR_DAY_VND = 200_000;

    /** How strong a nomination is: which bands its values tend to reach. */
    enum Tier { WEAK, TYPICAL, STRONG }

    private final SplittableRandom random;
    private final Tier tier;

    ThresholdDraws(SplittableRandom random, Tier tier) {
        this.random = random;
        this.tier = tier;
    }

    /**
     * A whole value for bands bounded by {@code thresholds}: band 0 is [floor, t0), band k is
     * [t(k-1), t(k)), the last band is [t(last), ceiling). Uniform places are multiples of
     * {@code step} above the band's bottom (round sums, as people write them).
     */
    long whole(long[] thresholds, long floor, long ceiling, long step) {
        int band = band(thresholds.length);
        long low = band == 0 ? floor : thresholds[band - 1];
        long high = band == thresholds.length ? ceiling : thresholds[band];
        int place = random.nextInt(4);
        if (place == 0 && band > 0) return low;                        // exactly at the threshold
        if (place <= 1 && band < thresholds.length) return high - 1;   // one step short of the next
        return low + random.nextLong(Math.max(1, (high - low) / step)) * step;
    }

    /**
     * A band from 0 (below every threshold) to {@code top} (every threshold reached): each threshold
     * is reached, given the one below, with the tier's chance. A single-threshold criterion (works
     * in use for 3 months) is then met as often as the first step of a four-band one.
     */
    private int band(int top) {
        double step = switch (tier) {
            case STRONG -> 0.85;
            case TYPICAL -> 0.6;
            case WEAK -> 0.3;
        };
        int band = 0;
        while (band < top && random.nextDouble() < step) band++;
        return band;
    }

    /**
     * A date exactly {@code months} whole months before the reference date (31 December): the
     * first or the last such day (the first of a month, as most start dates are, or the end of
     * it), so that one day more or less changes the month count, or a day in between.
     */
    LocalDate monthsBefore(LocalDate reference, long months) {
        LocalDate latest = reference.minusMonths(months);
        LocalDate earliest = reference.minusMonths(months + 1).plusDays(1);
        int place = random.nextInt(10);
        if (place < 3) return latest;
        if (place < 7) return earliest;
        return earliest.plusDays(random.nextLong(ChronoUnit.DAYS.between(earliest, latest) + 1));
    }

    /** An approval percentage: at 70/80/90, just under (69.99 or 69.9), or with one decimal in between. */
    BigDecimal approval(long[] thresholds) {
        long hundredths = whole(thresholds, 4_000, 10_001, 10);
        boolean justUnder = false;
        for (long t : thresholds) justUnder |= hundredths == t - 1;
        if (justUnder && random.nextBoolean()) hundredths -= 9;         // 79.9 rather than 79.99
        return BigDecimal.valueOf(hundredths, 2).stripTrailingZeros();
    }

    /**
     * The people's contribution for a share drawn around 50 % and 70 %: at the share (rounded up to
     * the VND), sometimes one VND short of it, or the share just below (49.99 %).
     */
    long contribution(long total) {
        long share = whole(SHARE, 2_000, 10_001, 100);
        long people = Math.min(total, ceilDiv(total * share, 10_000));
        boolean atThreshold = share == SHARE[0] || share == SHARE[1];
        if (atThreshold && people > 0 && random.nextInt(4) == 0) people -= 1;
        return people;
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
