package dvk.domain;

import java.util.List;

/**
 * Something read that was not wrong enough to reject, but deserves a look: two spellings of a
 * district counted as one ({@link #NAME_MERGED}), or two names that differ only in accents or case
 * and are counted apart ({@link #NAME_SIMILAR}). {@code ids} are the records concerned (at most
 * {@link #MOST_IDS}; the message gives the counts).
 */
public record Warning(String kind, Phrase message, List<String> ids) {
    public static final String NAME_MERGED = "name-merged";
    public static final String NAME_SIMILAR = "name-similar";
    public static final int MOST_IDS = 100;

    public Warning {
        ids = List.copyOf(ids);
    }
}
