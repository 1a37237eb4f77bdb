package dvk.web.view;

/** The sign-in form; {@code error} is the word to show after a failed try. */
public record LoginPage(String next, String login, String error) {}
