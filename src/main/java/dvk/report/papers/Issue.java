package dvk.report.papers;

import java.time.LocalDate;
import java.util.List;

/**
 * A round's decision as issued: its number ({@code 123/QĐ-UBND}), date and signer, filled into the
 * papers in place of the blanks; and the council's overrides of the rules, listed apart.
 */
public record Issue(String number, LocalDate date, String signer, List<Change> changes) {
    public Issue {
        changes = List.copyOf(changes);
    }

    /** A title the council granted ({@code granted}) or withheld against the rules' recommendation, with its reason. */
    public record Change(String id, String name, String title, String titleName, boolean granted, String reason) {}
}
