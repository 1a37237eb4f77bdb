package dvk.domain;

/** A title as the titles data beside the rules describe it. */
public record TitleDefinition(String code, String nameVi, String nameEn, Level level, String issuer,
                              NominationType appliesTo) {}
