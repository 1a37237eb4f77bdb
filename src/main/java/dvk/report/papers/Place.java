package dvk.report.papers;

import dvk.domain.Level;
import dvk.report.Words;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An administrative unit: its level and its name as the nominations write it, without a prefix
 * ({@code Gia Lâm}, not {@code huyện Gia Lâm}: the words of the level add it). An unknown place
 * (a batch across several cities, say) has a null name and reads as a blank to fill.
 */
public record Place(Level level, String name) {
    /** The prefixes the data contract strips when it compares districts and communes, longest first. */
    private static final Pattern PREFIX = Pattern.compile(
            "(?iU)^(thành phố|thị xã|thị trấn|huyện|quận|tỉnh|xã|phường)\\s+");

    public Place {
        name = name == null || name.isBlank() ? null : PREFIX.matcher(name.strip()).replaceFirst("");
    }

    static Place unknown(Level level) {
        return new Place(level, null);
    }

    boolean known() {
        return name != null;
    }

    /** {@code huyện Gia Lâm}, {@code Gia Lâm district}; a blank to fill when unknown. */
    String describe(Words words) {
        return known() ? words.text("papers.place." + level.name(), name) : words.text("papers.place.unknown");
    }

    /** The place before the date of a document: {@code Gia Lâm, ngày … tháng … năm …}. */
    String dated(Words words) {
        return known() ? words.text("papers.dated", name) : words.text("papers.dated.blank");
    }

    static String upper(String text) {
        return text.toUpperCase(Locale.forLanguageTag("vi"));
    }
}
