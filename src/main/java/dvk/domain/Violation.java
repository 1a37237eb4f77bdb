package dvk.domain;

public record Violation(int year, String description) {}
