package dvk.report;

import dvk.domain.Numbers;
import dvk.domain.YearRange;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * Every word a person reads, from resource bundles under {@code dvk/words/}: Vietnamese by default,
 * English on request. The bundles are split by who owns them (the report, the workspace, the
 * reading of input, the meeting papers, the command line), each {@code AREA_vi.properties} and
 * {@code AREA_en.properties} with the same keys, and a key is looked up in all of them, so a word is
 * written once wherever it is shown. Words are plain text (templates escape them like any other
 * value); {@code {0}}, {@code {1}} stand for the arguments, written as {@link String#valueOf} writes
 * them, with no grouping of digits whatever the machine's locale: numbers are formatted by whoever
 * passes them, with {@link #number} for the language's grouping ({@code 1.200.000} in Vietnamese,
 * {@code 1,200,000} in English). Each language is looked up exactly, never falling back to another.
 * The input area is the exception: its words are {@link java.text.MessageFormat} patterns (with
 * counts and plurals), rendered by {@link InputText} and by reading itself.
 */
public final class Words {
    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    public static final Locale ENGLISH = Locale.ENGLISH;
    /** The areas, each a pair of bundles {@code dvk/words/AREA_vi.properties} and {@code AREA_en.properties}. */
    static final List<String> AREAS = List.of("common", "report", "input", "web", "papers", "cli", "rules", "register", "workbench");

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

    /** The area whose words are MessageFormat patterns (counts written the language's way, plurals chosen). */
    private static final String PATTERNS_AREA = "input";
    private static final List<Area> VI_BUNDLES = bundles(VIETNAMESE);
    private static final List<Area> EN_BUNDLES = bundles(ENGLISH);
    private static final Words VI = new Words(VIETNAMESE);
    private static final Words EN = new Words(ENGLISH);

    private final Locale locale;

    private Words(Locale locale) {
        this.locale = locale;
    }

    /** One area's bundle in one language. */
    private record Area(String name, Locale locale, ResourceBundle bundle) {
        String fill(String key, Object... args) {
            String pattern = bundle.getString(key);
            if (name.equals(PATTERNS_AREA)) return new MessageFormat(pattern, locale).format(args);
            for (int i = 0; i < args.length; i++) {
                pattern = pattern.replace("{" + i + "}", String.valueOf(args[i]));
            }
            return pattern;
        }
    }

    private static List<Area> bundles(Locale locale) {
        List<Area> found = new ArrayList<>();
        for (String area : AREAS) {
            try {
                found.add(new Area(area, locale,
                        ResourceBundle.getBundle("dvk.words." + area, locale, Words.class.getClassLoader(), EXACT)));
            } catch (MissingResourceException e) {
                // an area with no words yet
            }
        }
        return List.copyOf(found);
    }

    public static Words vietnamese() {
        return VI;
    }

    public static Words english() {
        return EN;
    }

    /** Vietnamese, whose {@link #label}s carry the English as well (for pages that show both). */
    public static Words bilingual() {
        return VI;
    }

    /** {@code vi} (the default, also for anything unknown) or {@code en}. */
    public static Words of(String language) {
        return language != null && language.strip().equalsIgnoreCase("en") ? EN : VI;
    }

    public Locale locale() {
        return locale;
    }

    public boolean isVietnamese() {
        return locale == VIETNAMESE;
    }

    /** {@code vi} or {@code en}: the page's {@code lang}. */
    public String language() {
        return locale.getLanguage();
    }

    /**
     * A number as this language writes it: {@code 1.200.000} and {@code 92,5} in Vietnamese,
     * {@code 1,200,000} and {@code 92.5} in English; at most two decimals, cut as {@link Numbers#format} cuts them.
     */
    public String number(Number n) {
        String english = Numbers.format(n);
        if (!isVietnamese()) return english;
        char[] digits = english.toCharArray();
        for (int i = 0; i < digits.length; i++) {
            if (digits[i] == ',') digits[i] = '.';
            else if (digits[i] == '.') digits[i] = ',';
        }
        return new String(digits);
    }

    /** A date as this language writes it: {@code 01/03/2022} in Vietnamese, {@code 2022-03-01} in English. */
    public String date(LocalDate date) {
        if (!isVietnamese()) return date.toString();
        return two(date.getDayOfMonth()) + "/" + two(date.getMonthValue()) + "/" + date.getYear();
    }

    /** The years of a rule set: {@code 2024–2025}, {@code 2026} alone, or open-ended ({@code từ 2026}, {@code 2026 onwards}). */
    public String years(YearRange years) {
        return years.to() == null ? text("years.onwards", years.from()) : years.toString();
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : String.valueOf(n);
    }

    /** The word for {@code key} in this language, arguments filled in. */
    public String text(String key, Object... args) {
        return lookup(isVietnamese() ? VI_BUNDLES : EN_BUNDLES, key, args);
    }

    /**
     * The word for {@code key} as the bundle writes it, arguments not filled in: the input area's
     * words are {@link java.text.MessageFormat} patterns (counts, plurals), put in a language by
     * {@link InputText}.
     */
    public String pattern(String key) {
        for (Area area : isVietnamese() ? VI_BUNDLES : EN_BUNDLES) {
            if (area.bundle().containsKey(key)) return area.bundle().getString(key);
        }
        throw new MissingResourceException("no word for \"" + key + "\"", Words.class.getName(), key);
    }

    /** The Vietnamese word. */
    public String vi(String key, Object... args) {
        return lookup(VI_BUNDLES, key, args);
    }

    /** The English word. */
    public String en(String key, Object... args) {
        return lookup(EN_BUNDLES, key, args);
    }

    /** Both, as a {@link Label}. */
    public Label label(String key, Object... args) {
        return new Label(vi(key, args), en(key, args));
    }

    public boolean has(String key) {
        return VI_BUNDLES.stream().anyMatch(a -> a.bundle().containsKey(key));
    }

    /** The word in this language when a bundle has one, else {@code otherwise}. */
    public String textOr(String key, String otherwise) {
        return has(key) ? text(key) : otherwise;
    }

    /** The word when a bundle has one: names that come from rules (score components) may have none. */
    public Optional<Label> find(String key) {
        return has(key) ? Optional.of(label(key)) : Optional.empty();
    }

    private static String lookup(List<Area> areas, String key, Object... args) {
        for (Area area : areas) {
            if (area.bundle().containsKey(key)) return area.fill(key, args);
        }
        throw new MissingResourceException("no word for \"" + key + "\"", Words.class.getName(), key);
    }

    /** A Vietnamese word with its English gloss. */
    public record Label(String vi, String en) {}
}
