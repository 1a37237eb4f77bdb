package dvk.report;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every word a person reads, from resource bundles: Vietnamese by default, English on request. The
 * bundles are split by who owns them (the report, the workspace, the reading of input, the meeting
 * papers, the command line) so that each stays readable, but a key is looked up in all of them, so
 * a word is written once wherever it is shown. Keys start with their area: {@code report.rejected}.
 */
public final class Words {
    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    public static final Locale ENGLISH = Locale.ENGLISH;
    /** The bundles under {@code dvk/words/}, each {@code NAME_vi.properties} and {@code NAME_en.properties}. */
    private static final List<String> AREAS = List.of("common", "report", "input", "web", "papers", "cli");

    private final Locale locale;
    private final List<ResourceBundle> bundles;

    private Words(Locale locale) {
        this.locale = locale;
        List<ResourceBundle> found = new ArrayList<>();
        for (String area : AREAS) {
            try {
                found.add(ResourceBundle.getBundle("dvk.words." + area, locale, Words.class.getClassLoader(),
                        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
            } catch (MissingResourceException e) {
                // an area with no words yet
            }
        }
        this.bundles = List.copyOf(found);
    }

    private static final Words VI = new Words(VIETNAMESE);
    private static final Words EN = new Words(ENGLISH);

    public static Words vietnamese() {
        return VI;
    }

    public static Words english() {
        return EN;
    }

    /** {@code vi} (the default, also for anything unknown) or {@code en}. */
    public static Words of(String language) {
        return language != null && language.strip().equalsIgnoreCase("en") ? EN : VI;
    }

    public Locale locale() {
        return locale;
    }

    public boolean isVietnamese() {
        return locale.getLanguage().equals("vi");
    }

    /** The word for {@code key}, with {@code {0}}, {@code {1}} … filled in; the key itself when no bundle has it. */
    public String text(String key, Object... arguments) {
        for (ResourceBundle bundle : bundles) {
            if (bundle.containsKey(key)) {
                String pattern = bundle.getString(key);
                return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
            }
        }
        return key;
    }

    public boolean has(String key) {
        return bundles.stream().anyMatch(b -> b.containsKey(key));
    }
}
