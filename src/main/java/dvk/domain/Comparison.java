package dvk.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a criterion compared, as data: the kind of comparison and its raw values, so that a report
 * writes a why-not line in its reader's language ("tối thiểu 80", "xếp thứ 6 trong Gia Lâm") from the
 * numbers, years and codes themselves. The outcome's {@code actual} and {@code required} strings say
 * the same in the data contract's English; the comparison is not written to the JSON.
 */
public sealed interface Comparison {

    /** {@code actual >= minimum}. */
    record AtLeast(Number actual, Number minimum) implements Comparison {}

    /**
     * {@code part / total >= percent / 100}; {@code share} is the percentage cut to two decimals, null
     * when {@code total} is 0 (which fails).
     */
    record ShareAtLeast(long part, long total, BigDecimal share, Number percent) implements Comparison {}

    /** A prior recognition with {@code title} in a year of {@code years}; {@code held} the recognitions with that title, any year. */
    record PriorTitle(String title, Years years, List<PriorRecognition> held) implements Comparison {
        public PriorTitle {
            held = List.copyOf(held);
        }
    }

    /** No prior recognition with {@code title} in a year of {@code years}; {@code found} those there are. */
    record NoPriorTitle(String title, Years years, List<PriorRecognition> found) implements Comparison {
        public NoPriorTitle {
            found = List.copyOf(found);
        }
    }

    /**
     * A prior recognition of any title at {@code level} in a year of {@code years} ({@code from} 0: any
     * year up to {@code to}); {@code held} the recognitions at that level, any year.
     */
    record PriorAtLevel(Level level, Years years, List<PriorRecognition> held) implements Comparison {
        public PriorAtLevel {
            held = List.copyOf(held);
        }
    }

    /** No violation in a year of {@code years}; {@code found} those there are. */
    record NoViolation(Years years, List<Violation> found) implements Comparison {
        public NoViolation {
            found = List.copyOf(found);
        }
    }

    /** A prerequisite {@code title} awarded this year. */
    record TitleAwarded(String title, boolean awarded) implements Comparison {}

    /** A place within the {@code quota} of a title in {@code district}'s ranking. */
    record WithinQuota(String district, long rank, int quota) implements Comparison {}

    /** Every {@code needed} document present; {@code missing} those that are not. */
    record Documents(List<String> needed, List<String> missing) implements Comparison {
        public Documents {
            needed = List.copyOf(needed);
            missing = List.copyOf(missing);
        }
    }

    /** An outcome made without the rule kit: its {@code actual} and {@code required} strings are all there is. */
    record AsWritten() implements Comparison {}

    /** Years from {@code from} to {@code to}; {@code from} 0 when any year up to {@code to} counts. */
    record Years(int from, int to) {
        public static Years upTo(int to) {
            return new Years(0, to);
        }

        public boolean single() {
            return from == to;
        }

        public boolean open() {
            return from == 0;
        }
    }
}
