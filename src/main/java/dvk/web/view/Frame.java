package dvk.web.view;

import dvk.report.Words;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * What every page of the workspace shows around its content: the title, who is signed in, the
 * menu for their roles, the language switch, and the token its forms carry. Words are looked up
 * here, in the page's language.
 */
public record Frame(Words words, String title, String section, String userName, String userLogin, boolean admin,
                    boolean secretary, String csrf, String vietnameseUrl, String englishUrl) {
    /** Times are shown as the committees read them: Vietnam's time, day first. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZONE);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    public String t(String key, Object... arguments) {
        return words.text(key, arguments);
    }

    public String lang() {
        return words.isVietnamese() ? "vi" : "en";
    }

    public boolean signedIn() {
        return userLogin != null;
    }

    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    /** A date as committees write it, day first: {@code 15/12/2024}. */
    public String date(java.time.LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    /** {@code 12.000} in Vietnamese, {@code 12,000} in English. */
    public String number(long n) {
        return NumberFormat.getIntegerInstance(words.locale()).format(n);
    }

    public boolean in(String name) {
        return name.equals(section);
    }
}
