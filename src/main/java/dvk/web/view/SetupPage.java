package dvk.web.view;

/** The form that creates the first administrator, through the link printed when the workspace first starts. */
public record SetupPage(String token, boolean valid, String login, String displayName, String error) {}
