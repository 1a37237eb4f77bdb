package dvk.domain;

import java.util.List;

/** An input record that broke the data contract; {@code id} is null when it had none. */
public record RejectedRecord(int index, String id, List<FieldError> errors) {
    public RejectedRecord {
        errors = List.copyOf(errors);
    }
}
