package dvk.domain;

import java.util.List;

/**
 * An input record that broke the data contract; {@code id} is null when it had none. Its
 * {@code district} (normalised as a nomination's is) and {@code type} are what could be read of
 * them, or null: they tell which district quota the record, once fixed, could take part in.
 */
public record RejectedRecord(int index, String id, List<FieldError> errors, String district, NominationType type)
        implements ValidatedRecord {
    public RejectedRecord {
        errors = List.copyOf(errors);
    }

    public RejectedRecord(int index, String id, List<FieldError> errors) {
        this(index, id, errors, null, null);
    }

    /** Every problem in one line: {@code startDate: required field is missing; fundsVnd: …}. */
    public String describe() {
        return String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList());
    }

    /** Its id, or {@code #index} when it has none: how lists of records name it. */
    public String label() {
        return id != null ? id : "#" + index;
    }

    /** A model, or a record whose type could not be read. */
    public boolean mayBeModel() {
        return type != NominationType.WORK;
    }
}
