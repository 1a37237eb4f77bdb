package dvk.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Words for a person, not yet in a language: a key of the word bundles ({@code input.…}) and its
 * arguments, each a {@code String} (shown as it is: a name, a year, a cell's text), a
 * {@code Number} (a count, written the language's way), a {@code Phrase} (words within words) or a
 * {@code List} of those (joined with commas). The domain carries phrases; whoever shows them
 * renders them in the reader's language.
 */
public record Phrase(String key, List<Object> arguments) {
    public Phrase {
        for (Object argument : arguments) check(argument);
        arguments = List.copyOf(arguments);
    }

    public static Phrase of(String key, Object... arguments) {
        List<Object> list = new ArrayList<>(arguments.length);
        for (Object argument : arguments) list.add(argument instanceof List<?> l ? List.copyOf(l) : argument);
        return new Phrase(key, list);
    }

    private static void check(Object argument) {
        if (argument instanceof List<?> list) {
            list.forEach(Phrase::check);
        } else if (!(argument instanceof String || argument instanceof Number || argument instanceof Phrase)) {
            throw new IllegalArgumentException("a phrase's argument is text, a number, a phrase or a list of them, not "
                    + (argument == null ? "null" : argument.getClass().getSimpleName()));
        }
    }
}
