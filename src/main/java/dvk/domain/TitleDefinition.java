package dvk.domain;

import java.util.List;

/**
 * A title as the titles data beside the rules describe it. {@code requires} names the criteria the
 * title rests on (each checked by a rule with {@code @title} this code and {@code @criterion} the
 * name): an award of the title needs an outcome of every one of them, besides the criteria the
 * rule set requires of every title.
 */
public record TitleDefinition(String code, String nameVi, String nameEn, Level level, String issuer,
                              NominationType appliesTo, List<String> requires) {
    public TitleDefinition {
        requires = List.copyOf(requires);
    }
}
