package dvk.domain;

/** The papers of a nomination; {@code acceptance} (biên bản nghiệm thu) only concerns works. */
public record Dossier(boolean report, boolean confirmation, boolean acceptance) {}
