package dvk.web.view;

import java.util.List;

/** A rule file of a person's draft in the code editor, checked as they type. */
public record EditorPage(String ruleSet, String file, String text, List<String> files, String saveUrl, String checkUrl,
                         String draftUrl) {}
