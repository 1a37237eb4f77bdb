package dvk.io;

import dvk.domain.Phrase;

/**
 * The batch as a whole cannot be read (not JSON/CSV, no year, unknown top-level field or column…).
 * The message is in English; {@link #phrase} is the same problem for a reader in another language.
 */
public class BatchException extends Exception {
    /** Characters of the file's own text a message quotes at most. */
    private static final int SHOWN = 60;

    private final transient Phrase phrase;

    public BatchException(Phrase phrase) {
        super(Phrases.english(phrase));
        this.phrase = phrase;
    }

    public BatchException(Phrase phrase, Throwable cause) {
        super(Phrases.english(phrase), cause);
        this.phrase = phrase;
    }

    static BatchException of(String key, Object... arguments) {
        return new BatchException(Phrase.of(key, arguments));
    }

    /** The problem as a phrase: what the message says, in words of any language. */
    public Phrase phrase() {
        return phrase;
    }

    /**
     * Text from the file (a field name, a cell) as a message quotes it: control characters escaped as
     * in JSON (a line break as {@code \n}) so that the message stays one line, and a long text cut.
     */
    static String shown(String text) {
        return shown(text, SHOWN);
    }

    /** The same, cut at {@code max} characters. */
    static String shown(String text, int max) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            if (i == max) return out.append("…").toString();
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
