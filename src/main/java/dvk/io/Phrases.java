package dvk.io;

import dvk.domain.Phrase;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.function.BiFunction;

/**
 * Renders a {@link Phrase} through a word source: the arguments first (a phrase within a phrase, a
 * list joined with commas), then the phrase's own words. The report renders with {@code Words} in
 * the reader's language; reading renders the English text every error and exception also carries
 * (for logs, tests and callers that show no language of their own), from the same bundle, so a word
 * is written once.
 */
public final class Phrases {
    /** The input's English words: {@code dvk/words/input_en.properties}, which {@code Words} also reads. */
    private static final ResourceBundle ENGLISH = ResourceBundle.getBundle("dvk.words.input", Locale.ENGLISH,
            Phrases.class.getClassLoader(), ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

    private Phrases() {}

    /**
     * The phrase in words: {@code text} gives a key's words with its (already rendered) arguments
     * filled in, as {@code Words.text} does.
     */
    public static String render(Phrase phrase, BiFunction<String, Object[], String> text) {
        List<Object> arguments = new ArrayList<>(phrase.arguments().size());
        for (Object argument : phrase.arguments()) arguments.add(argument(argument, text));
        return text.apply(phrase.key(), arguments.toArray());
    }

    private static Object argument(Object argument, BiFunction<String, Object[], String> text) {
        if (argument instanceof Phrase p) return render(p, text);
        if (argument instanceof List<?> list) {
            List<String> items = new ArrayList<>(list.size());
            for (Object item : list) items.add(String.valueOf(argument(item, text)));
            return String.join(", ", items);
        }
        return argument;
    }

    /** The phrase in English. */
    public static String english(Phrase phrase) {
        return render(phrase, Phrases::englishText);
    }

    /** A key's English words with the arguments filled in, as {@code Words.text} fills them. */
    private static String englishText(String key, Object[] arguments) {
        String pattern;
        try {
            pattern = ENGLISH.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, Locale.ENGLISH).format(arguments);
    }
}
