package dvk.domain;

/** A value with its 0-based position in the input. */
public record Indexed<T>(int index, T value) {}
