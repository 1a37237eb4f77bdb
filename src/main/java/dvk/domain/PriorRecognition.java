package dvk.domain;

/** A title held before; commune-level title codes are free text. */
public record PriorRecognition(int year, Level level, String title) {}
