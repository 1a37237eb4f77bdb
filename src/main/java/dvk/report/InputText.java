package dvk.report;

import dvk.domain.FieldError;
import dvk.domain.Phrase;
import dvk.domain.RejectedRecord;
import dvk.io.Phrases;

/**
 * What reading a batch says, in the reader's words: a rejected record's errors, a file's problem, a
 * warning. Reading makes them as phrases (and English text); here they are put in a language.
 */
public final class InputText {
    private InputText() {}

    public static String of(Phrase phrase, Words words) {
        return Phrases.render(phrase, words::text);
    }

    /** The phrase in words, or {@code fallback} (an English message) when there is no phrase. */
    public static String of(Phrase phrase, String fallback, Words words) {
        return phrase == null ? fallback : of(phrase, words);
    }

    /** An error's message with its place: {@code cần là số nguyên, nhận được "abc" (hàng 5, cột M)}. */
    public static String message(FieldError error, Words words) {
        if (error.what() == null) return error.message();
        String what = of(error.what(), words);
        return error.where() == null ? what : what + " (" + of(error.where(), words) + ")";
    }

    /** Every problem of a rejected record in one line: {@code startDate: …; fundsVnd: …}. */
    public static String describe(RejectedRecord record, Words words) {
        return String.join("; ", record.errors().stream().map(e -> e.field() + ": " + message(e, words)).toList());
    }
}
