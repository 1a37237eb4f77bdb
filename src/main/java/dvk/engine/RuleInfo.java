package dvk.engine;

/**
 * What a rule declares about itself in its metadata. {@code title}/{@code criterion} are set on
 * criterion rules, {@code awards} on award rules, {@code withholds} on rules withholding a title.
 * {@code order} is its position across the rule files (files by name, rules by line), used to list
 * reasons in the order staff wrote them.
 */
public record RuleInfo(String name, String id, String cite, String title, String criterion, String awards,
                       String withholds, String file, int line, int order) {}
