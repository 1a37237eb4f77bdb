package dvk.domain;

import java.util.List;

/** An input record that broke the data contract; {@code id} is null when it had none. */
public record RejectedRecord(int index, String id, List<FieldError> errors) implements ValidatedRecord {
    public RejectedRecord {
        errors = List.copyOf(errors);
    }

    /** Every problem in one line: {@code startDate: required field is missing; fundsVnd: …}. */
    public String describe() {
        return String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList());
    }
}
