package dvk.report;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The words of the HTML pages, each written once in the bundle {@code dvk/report/words}: Vietnamese
 * in {@code words.properties}, English in {@code words_en.properties}, under the same keys. The pages
 * show the Vietnamese with the English as a gloss. Words are plain text (the templates escape them
 * like any other value); {@code {0}}, {@code {1}} stand for the arguments, written as
 * {@link String#valueOf} writes them (no grouping of digits, whatever the machine's locale).
 *
 * <p>Each language is looked up exactly, without falling back to another: a word missing in English
 * fails the page rather than showing Vietnamese as the gloss (WordsTest keeps the two files alike).
 */
public final class Words {
    static final String BUNDLE = "dvk.report.words";

    /** A language's own file only: no parent bundle, no fallback to the machine's default locale. */
    private static final ResourceBundle.Control EXACT = new ResourceBundle.Control() {
        @Override
        public List<String> getFormats(String baseName) {
            return FORMAT_PROPERTIES;
        }

        @Override
        public List<Locale> getCandidateLocales(String baseName, Locale locale) {
            return List.of(locale);
        }

        @Override
        public Locale getFallbackLocale(String baseName, Locale locale) {
            return null;
        }
    };

    private static final Words BILINGUAL = new Words(bundle(Locale.ROOT), bundle(Locale.ENGLISH));

    private final ResourceBundle vi;
    private final ResourceBundle en;

    private Words(ResourceBundle vi, ResourceBundle en) {
        this.vi = vi;
        this.en = en;
    }

    /** Vietnamese with English glosses, as the pages are written today. */
    public static Words bilingual() {
        return BILINGUAL;
    }

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale, Words.class.getClassLoader(), EXACT);
    }

    /** The Vietnamese word. */
    public String vi(String key, Object... args) {
        return fill(vi.getString(key), args);
    }

    /** The English word, the gloss. */
    public String en(String key, Object... args) {
        return fill(en.getString(key), args);
    }

    /** Both, as a {@link Label}. */
    public Label label(String key, Object... args) {
        return new Label(vi(key, args), en(key, args));
    }

    /** The word when the bundle has one: names that come from rules (score components) may have none. */
    public Optional<Label> find(String key) {
        return vi.containsKey(key) ? Optional.of(label(key)) : Optional.empty();
    }

    private static String fill(String text, Object... args) {
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return text;
    }

    /** A Vietnamese word with its English gloss. */
    public record Label(String vi, String en) {}
}
