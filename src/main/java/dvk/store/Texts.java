package dvk.store;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Text as search compares it: lower case, without accents, đ as d, spaces single. */
public final class Texts {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Texts() {}

    /** {@code Bát Tràng} → {@code bat trang}. */
    public static String folded(String text) {
        if (text == null) return "";
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String plain = MARKS.matcher(decomposed).replaceAll("").replace('đ', 'd').replace('Đ', 'D');
        return SPACES.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }
}
