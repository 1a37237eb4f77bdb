package dvk.domain;

/** The evaluation years a rule set applies to: {@code from} to {@code to} inclusive; no {@code to} means open-ended. */
public record YearRange(int from, Integer to) {
    /** The years a batch or a rule set may name: four digits, as the contract's dates have. */
    public static final int MIN_YEAR = 1;
    public static final int MAX_YEAR = 9999;

    public YearRange {
        if (to != null && to < from) {
            throw new IllegalArgumentException("years end (" + to + ") before they start (" + from + ")");
        }
    }

    public boolean includes(int year) {
        return year >= from && (to == null || year <= to);
    }

    public boolean overlaps(YearRange other) {
        return (to == null || other.from <= to) && (other.to == null || from <= other.to);
    }

    @Override
    public String toString() {
        if (to == null) return from + " onwards";
        return from == to ? String.valueOf(from) : from + "–" + to;
    }
}
