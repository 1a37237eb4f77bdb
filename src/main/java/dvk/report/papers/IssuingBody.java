package dvk.report.papers;

import dvk.domain.Level;
import dvk.report.Words;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who issues a title, for one place: the issuer the titles data gives ({@code Chủ tịch UBND huyện},
 * {@code Ban Thường vụ Huyện ủy}) at the level of the title, in the place of the awardees
 * ({@code Gia Lâm}). Everything a document's heading says of its issuer is read from that name:
 * the organisation, its lines at the top left, the symbol of its decisions, and whether it is a
 * Party committee, whose documents take the Party's heading instead of the national name.
 */
public record IssuingBody(String issuer, Place place) {
    /** The office within an organisation that decides: what is left is the organisation. */
    private static final Pattern OFFICE = Pattern.compile("(?iU)^(chủ tịch|ban thường vụ|thường trực|ban chấp hành)\\s+");
    /** The level word an organisation's name ends with: {@code Ủy ban nhân dân huyện}. */
    private static final Pattern LEVEL_WORD = Pattern.compile(
            "(?iU)\\s+(thành phố|thị xã|thị trấn|huyện|quận|tỉnh|xã|phường)$");
    /** A Party committee: {@code Huyện ủy}, {@code Thành ủy}, {@code Đảng ủy} (either accent placement), not {@code Ủy ban}. */
    private static final Pattern PARTY = Pattern.compile("(?iU)\\b(ủy|uỷ)\\b(?!\\s+ban)");
    /** Where the office writes a document's number when it issues it. */
    static final String BLANK = " ".repeat(10);
    private static final Map<String, String> ABBREVIATIONS = Map.of(
            "UBND", "Ủy ban nhân dân",
            "HĐND", "Hội đồng nhân dân");

    /** The issuer in full, in its place: {@code Chủ tịch Ủy ban nhân dân huyện Gia Lâm}. */
    public String name() {
        return inPlace(expanded(issuer));
    }

    /** The organisation: {@code Ủy ban nhân dân huyện Gia Lâm}, {@code Huyện ủy Gia Lâm}. */
    public String organisation() {
        return inPlace(organisationWord());
    }

    /** A Party committee issues Party documents (Guidance 36-HD/VPTW), not the State's (Decree 30/2020/NĐ-CP). */
    public boolean party() {
        return PARTY.matcher(organisationWord()).find();
    }

    /** The organisation at the top left, in capitals, one or two lines: {@code ỦY BAN NHÂN DÂN} / {@code HUYỆN GIA LÂM}. */
    public List<String> headerLines() {
        String organisation = withoutPlace(organisationWord());
        Matcher level = LEVEL_WORD.matcher(organisation);
        List<String> lines = new ArrayList<>();
        if (level.find() && place.known()) {
            lines.add(organisation.substring(0, level.start()));
            lines.add(level.group(1) + " " + place.name());
        } else {
            lines.add(inPlace(organisation));
        }
        return lines.stream().map(Place::upper).toList();
    }

    /** The symbol of its decisions: {@code QĐ-UBND}, a Party committee's {@code QĐ/HU}. */
    public String decisionSymbol() {
        return party() ? "QĐ/" + initials() : "QĐ-" + initials();
    }

    /** {@code Số:      /QĐ-UBND}, a Party committee's {@code Số      -QĐ/HU}: the number is given at issuing. */
    String number(Words words) {
        return words.text(party() ? "papers.number.party" : "papers.number", numberToFill());
    }

    /** The number of a decision with a blank for the number: {@code       /QĐ-UBND}, {@code       -QĐ/HU}. */
    String numberToFill() {
        return BLANK + (party() ? "-" : "/") + decisionSymbol();
    }

    /** The initials of the organisation without its level: {@code UBND}, {@code HU}, {@code HĐND}. */
    private String initials() {
        String organisation = LEVEL_WORD.matcher(withoutPlace(organisationWord())).replaceFirst("");
        StringBuilder initials = new StringBuilder();
        for (String word : organisation.split("[\\s-]+")) {
            if (word.isEmpty()) continue;
            String first = word.substring(0, 1);
            initials.append(first.equalsIgnoreCase("đ") ? "Đ"
                    : Normalizer.normalize(first, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toUpperCase(Locale.ROOT));
        }
        return initials.toString();
    }

    private String organisationWord() {
        return OFFICE.matcher(expanded(issuer)).replaceFirst("");
    }

    /** The name followed by the place, unless it names the place already. */
    private String inPlace(String name) {
        return place.known() ? withoutPlace(name) + " " + place.name() : name;
    }

    /** A name that ends with the place (titles data may name it: {@code UBND huyện Gia Lâm}) without it. */
    private String withoutPlace(String name) {
        if (place.known() && name.toLowerCase(Locale.ROOT).endsWith(" " + place.name().toLowerCase(Locale.ROOT))) {
            return name.substring(0, name.length() - place.name().length() - 1);
        }
        return name;
    }

    private static String expanded(String name) {
        String expanded = Normalizer.normalize(name.strip(), Normalizer.Form.NFC);
        for (Map.Entry<String, String> abbreviation : ABBREVIATIONS.entrySet()) {
            expanded = expanded.replaceAll("(?U)\\b" + abbreviation.getKey() + "\\b", abbreviation.getValue());
        }
        return expanded;
    }

    Level level() {
        return place.level();
    }
}
