package dvk.web.view;

import java.time.Instant;
import java.util.List;

/** The audit log, newest first, a page at a time. */
public record AuditPage(List<Entry> entries, String newer, String older) {

    public record Entry(Instant at, String actor, String action, String subject, String before, String after, String ip) {}
}
