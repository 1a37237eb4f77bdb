package dvk.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dvk.domain.FieldError;
import dvk.domain.Phrase;
import dvk.domain.RejectedRecord;
import dvk.io.Phrases;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** What reading says, in the reader's words: every word of the input bundles is a pattern Words can fill. */
class InputTextTest {
    @Test
    void everyInputWordWithArgumentsIsAPatternInBothLanguages() throws IOException {
        for (String language : List.of("vi", "en")) {
            Properties words = new Properties();
            try (InputStream in = InputTextTest.class.getResourceAsStream("/dvk/words/input_" + language + ".properties")) {
                words.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            for (String key : words.stringPropertyNames()) {
                assertThat(key).startsWith("input.");
                // a word without arguments is shown as it is ({"year": …}); one with them is a MessageFormat pattern
                if (!words.getProperty(key).matches("(?s).*\\{\\d.*")) continue;
                assertThatCode(() -> new MessageFormat(words.getProperty(key), Locale.forLanguageTag(language)))
                        .as(language + " " + key).doesNotThrowAnyException();
            }
        }
    }

    @Test
    void anErrorIsShownInTheReadersWordsWithItsPlace() {
        Phrase what = Phrase.of("input.error.expectedWhole", "\"abc\"");
        Phrase where = Phrase.of("input.place.cell", "5", "M");
        FieldError error = new FieldError("fundsVnd", Phrases.english(what), what, null).at(where, Phrases.english(where));
        assertThat(error.message()).isEqualTo("expected a whole number, got \"abc\" (row 5, column M)");
        assertThat(InputText.message(error, Words.english())).isEqualTo(error.message());
        assertThat(InputText.message(error, Words.vietnamese())).isEqualTo("cần là số nguyên, nhận được \"abc\" (hàng 5, cột M)");
        RejectedRecord record = new RejectedRecord(3, "GL-4", List.of(error, new FieldError("x", "said in English only")));
        assertThat(InputText.describe(record, Words.vietnamese()))
                .isEqualTo("fundsVnd: cần là số nguyên, nhận được \"abc\" (hàng 5, cột M); x: said in English only");
    }

    @Test
    void phrasesWithinPhrasesListsAndCountsAreRendered() {
        Phrase merged = Phrase.of("input.warning.district.merged", "huyện Gia Lâm", Phrase.of("input.warning.asTyped"),
                Phrase.of("input.records", 1), "Gia Lâm", 1200);
        assertThat(InputText.of(merged, Words.english()))
                .isEqualTo("district \"huyện Gia Lâm\" (1 record) counted as \"Gia Lâm\" (1,200)");
        assertThat(InputText.of(merged, Words.vietnamese()))
                .isEqualTo("quận, huyện \"huyện Gia Lâm\" (1 hồ sơ) được tính là \"Gia Lâm\" (1.200)");
        Phrase notOne = Phrase.of("input.error.notOneOf", "\"PROJECT\"", List.of("MODEL", "WORK"));
        assertThat(InputText.of(notOne, Words.english())).isEqualTo("\"PROJECT\" is not one of MODEL, WORK");
    }
}
