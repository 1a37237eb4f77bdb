package dvk.io;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * How names are compared: the same name typed two ways is one name. Every name of a record (id,
 * name, sponsor, commune, district, city, model code) is cleaned: Unicode NFC (a Mac or a web form
 * may send "â" as "a" and a combining circumflex), no leading, trailing or repeated spaces, no
 * invisible characters. A district or commune is also taken without its administrative prefix
 * ({@code huyện Gia Lâm} is {@code Gia Lâm}). Names that differ otherwise, in accents or case, stay
 * apart: {@link #folded} only finds them, so that a warning can name them.
 */
final class Names {
    /** Longest first, so that "thị xã" is not read as "thị" and a name. Lower case, NFC. */
    private static final List<String> PREFIXES = List.of("thành phố", "thị trấn", "thị xã", "phường", "huyện", "quận", "xã");

    private Names() {}

    /** Nothing but spaces of any kind and invisible characters: a blank cell, as far as a person can see. */
    static boolean isBlank(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(Character.isWhitespace(c) || Character.isSpaceChar(c) || isInvisible(c))) return false;
        }
        return true;
    }

    private static boolean isInvisible(char c) {
        return c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF';
    }

    /** NFC, spaces of every kind as one space, none at either end, no zero-width characters. */
    static String clean(String text) {
        String nfc = Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(nfc.length());
        boolean space = false;
        for (int i = 0; i < nfc.length(); i++) {
            char c = nfc.charAt(i);
            if (isInvisible(c)) continue;
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = true;
                continue;
            }
            if (space && out.length() > 0) out.append(' ');
            space = false;
            out.append(c);
        }
        return out.toString();
    }

    /**
     * A cleaned district or commune name without its administrative prefix, in any case:
     * {@code huyện Gia Lâm}, {@code Huyện Gia Lâm} → {@code Gia Lâm}. A name that is only a number
     * after its prefix keeps it ({@code quận 1} → {@code Quận 1}), since "1" alone names no place.
     */
    static String place(String cleaned) {
        String lower = cleaned.toLowerCase(Locale.ROOT);
        for (String prefix : PREFIXES) {
            if (lower.length() > prefix.length() + 1 && lower.startsWith(prefix) && lower.charAt(prefix.length()) == ' ') {
                String rest = cleaned.substring(prefix.length() + 1);
                if (rest.chars().allMatch(Character::isDigit)) {
                    return Character.toUpperCase(prefix.charAt(0)) + prefix.substring(1) + " " + rest;
                }
                return rest;
            }
        }
        return cleaned;
    }

    /** Without accents and in lower case ({@code Gia Lâm}, {@code gia lam} → {@code gia lam}): names that may be one. */
    static String folded(String name) {
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) continue;
            out.append(c == 'đ' || c == 'Đ' ? 'd' : Character.toLowerCase(c));
        }
        return out.toString();
    }

    /**
     * How a header or a value is matched: cleaned, in lower case, and with the tone mark of "oa", "oe"
     * and "uy" where either spelling puts it ({@code hoá} and {@code hóa} are one word).
     */
    static String matchKey(String text) {
        String key = clean(text).toLowerCase(Locale.ROOT);
        // "Văn hóa - xã hội", "Văn hóa-xã hội", "Văn hóa – xã hội": one way to write the dash
        key = key.replace('\u2013', '-').replace('\u2014', '-').replace(" - ", "-").replace(" -", "-").replace("- ", "-");
        return Normalizer.normalize(oldTones(Normalizer.normalize(key, Normalizer.Form.NFD)), Normalizer.Form.NFC);
    }

    /**
     * In decomposed text, a tone mark written on the second vowel of "oa", "oe", "uy" (the old
     * spelling {@code hoá}) moved onto the first ({@code hóa}), so both spellings compare equal.
     */
    private static String oldTones(String nfd) {
        StringBuilder out = new StringBuilder(nfd);
        for (int i = 0; i + 2 < out.length(); i++) {
            char first = out.charAt(i);
            char second = out.charAt(i + 1);
            char mark = out.charAt(i + 2);
            boolean pair = (first == 'o' && (second == 'a' || second == 'e')) || (first == 'u' && second == 'y');
            if (pair && isTone(mark)) {
                out.setCharAt(i + 1, mark);
                out.setCharAt(i + 2, second);
            }
        }
        return out.toString();
    }

    private static boolean isTone(char c) {
        return c == '\u0300' || c == '\u0301' || c == '\u0303' || c == '\u0309' || c == '\u0323';
    }
}
