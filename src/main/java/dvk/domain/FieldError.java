package dvk.domain;

/** One problem of an input record, naming the field path (e.g. {@code priorRecognitions[0].year}). */
public record FieldError(String field, String message) {}
