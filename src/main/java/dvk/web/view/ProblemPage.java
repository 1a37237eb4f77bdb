package dvk.web.view;

import java.util.List;

/** A request that could not be done: what went wrong, the details (a broken file's cells), and where to go back. */
public record ProblemPage(int status, String title, List<String> details, String back) {
    public ProblemPage {
        details = List.copyOf(details);
    }
}
