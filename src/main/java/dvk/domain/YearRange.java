package dvk.domain;

/** The evaluation years a rule set applies to: {@code from} to {@code to} inclusive; no {@code to} means open-ended. */
public record YearRange(int from, Integer to) {

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
