package dvk.report;

import java.util.List;

/** A record that broke the data contract, with each problem naming its field; {@code id} is null when it had none. */
public record RejectedView(int index, String id, List<Problem> errors) {

    /** One problem: the field path and what is wrong. */
    public record Problem(String field, String message) {}
}
