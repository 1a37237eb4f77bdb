package dvk.io;

import dvk.domain.Phrase;

/**
 * Where a record's fields stand in the file it came from, so that an error names the place a
 * person must fix ({@code row 7, column F}, {@code line 12}) and not only the field. A JSON record
 * needs none: its fields are named by their paths, which is where one looks for them.
 */
@FunctionalInterface
public interface FieldLocator {
    /** Locates nothing: errors keep their messages as they are. */
    FieldLocator NONE = path -> null;

    /**
     * The place of the field at {@code path} ({@code fundsVnd}, {@code dossier.report},
     * {@code priorRecognitions[1].year}), or null when it cannot be told.
     */
    Phrase locate(String path);
}
