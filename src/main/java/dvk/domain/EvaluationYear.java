package dvk.domain;

import java.time.LocalDate;

/** The context fact of a session: the batch's year and its reference date, 31 December. */
public record EvaluationYear(int year) {
    public LocalDate referenceDate() {
        return LocalDate.of(year, 12, 31);
    }
}
