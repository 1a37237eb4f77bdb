package dvk.domain;

import java.util.Objects;

/**
 * One problem of an input record, naming the field path (e.g. {@code priorRecognitions[0].year}).
 * {@code message} is the problem in English with its place, as one line; {@code what} and
 * {@code where} are the same problem and place as phrases, for a reader in another language (either
 * may be null: an error made without words of its own shows its message).
 */
public record FieldError(String field, String message, Phrase what, Phrase where) {
    public FieldError(String field, String message) {
        this(field, message, null, null);
    }

    /** The same problem at a place: {@code where} and its English text {@code (row 7, column F)}. */
    public FieldError at(Phrase place, String placeInEnglish) {
        return new FieldError(field, message + " (" + placeInEnglish + ")", what, place);
    }

    /** Two errors are equal when they say the same: the same field and the same (English) message. */
    @Override
    public boolean equals(Object other) {
        return other instanceof FieldError e && field.equals(e.field) && message.equals(e.message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(field, message);
    }
}
