package dvk.web.view;

import java.time.Instant;
import java.util.List;

/** Every round, newest first. */
public record RoundsPage(List<Item> rounds, boolean canUpload) {
    public RoundsPage {
        rounds = List.copyOf(rounds);
    }

    /** A round with its newest version. */
    public record Item(String url, String name, int year, int versions, String fileName, String uploadedBy, Instant uploadedAt,
                       int records, int decided, int rejected) {}
}
