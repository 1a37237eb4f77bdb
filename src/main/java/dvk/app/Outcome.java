package dvk.app;

import dvk.domain.Phrase;
import dvk.engine.RuleProblem;
import java.io.IOException;
import java.util.List;

/**
 * What a use case came to: its result, or why there is none. Every case but {@link Done} wrote
 * nothing and changed nothing; the command line maps each to its exit code, the web to its page.
 */
public sealed interface Outcome<T> {

    /** The use case's result. */
    record Done<T>(T value) implements Outcome<T> {}

    /**
     * An input could not be opened or read: not a batch, no year, not found, a fixture that does not
     * parse. {@code message} is in English; {@code phrase}, when there is one, says it in any language.
     */
    record InputUnreadable<T>(String input, String message, Phrase phrase) implements Outcome<T> {
        public InputUnreadable(String input, String message) {
            this(input, message, null);
        }
    }

    /** The batch broke midway (cut short, malformed): a batch is decided whole or not at all. */
    record InputBroken<T>(String input, String message, int recordsRead, Phrase phrase) implements Outcome<T> {
        public InputBroken(String input, String message, int recordsRead) {
            this(input, message, recordsRead, null);
        }
    }

    /** The rules do not compile, do not pass the checks, or cannot be found. */
    record RulesUnusable<T>(List<RuleProblem> problems) implements Outcome<T> {}

    /** A rule failed while evaluating (threw, looped, ran out of time or memory), or no rule set covers the year. */
    record RuleFailed<T>(String message) implements Outcome<T> {}

    /** Something asked for is not there: a git revision of the rules, say. */
    record Unavailable<T>(String what, String message) implements Outcome<T> {}

    /** The output could not be written. */
    record OutputFailed<T>(IOException cause) implements Outcome<T> {}

    static <T> Outcome<T> done(T value) {
        return new Done<>(value);
    }
}
