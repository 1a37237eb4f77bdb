package dvk.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dvk.report.Words.Label;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Words come from the bundles, Vietnamese first; both languages have every word, written once. */
class WordsTest {
    private static Properties file(String name) throws IOException {
        Properties words = new Properties();
        try (InputStream in = Words.class.getResourceAsStream("/dvk/words/" + name)) {
            if (in == null) return words;
            words.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return words;
    }

    @Test
    void everyAreaHasTheSameWordsInBothLanguagesAsPlainText() throws Exception {
        Map<String, String> areaOfKey = new HashMap<>();
        for (String area : Words.AREAS) {
            Properties vi = file(area + "_vi.properties");
            Properties en = file(area + "_en.properties");
            assertThat(en.stringPropertyNames()).as(area + ": English has the Vietnamese keys").isEqualTo(vi.stringPropertyNames());
            for (Properties words : new Properties[] {vi, en}) {
                // a word may be empty where a language says nothing (input.warning.asTyped), never markup
                words.forEach((key, text) -> assertThat((String) text).as(key.toString())
                        .doesNotContainPattern("</?[a-zA-Z][a-zA-Z0-9]*[\\s/>]").doesNotContain("&"));
            }
            for (String key : vi.stringPropertyNames()) {
                assertThat(areaOfKey.put(key, area)).as("\"" + key + "\" is written once, not in two areas").isNull();
                if (area.equals("input")) {
                    // MessageFormat patterns, filled when shown
                    assertThat(Words.vietnamese().pattern(key)).isEqualTo(vi.getProperty(key));
                    assertThat(Words.english().pattern(key)).isEqualTo(en.getProperty(key));
                } else {
                    assertThat(Words.bilingual().label(key)).isEqualTo(new Label(vi.getProperty(key), en.getProperty(key)));
                }
            }
        }
    }

    @Test
    void vietnameseIsTheDefaultAndEnglishIsOnRequest() {
        assertThat(Words.of(null).text("rejected.heading")).isEqualTo("Hồ sơ bị loại");
        assertThat(Words.of("vi").text("common.yes")).isEqualTo("Có");
        assertThat(Words.of("fr").isVietnamese()).isTrue();
        assertThat(Words.of("en").text("rejected.heading")).isEqualTo("Rejected records");
    }

    @Test
    void theVietnameseIsReadAsUtf8WhateverTheMachinesLocale() {
        Locale was = Locale.getDefault();
        try {
            Locale.setDefault(Locale.ENGLISH);
            assertThat(Words.bilingual().vi("rejected.heading")).isEqualTo("Hồ sơ bị loại");
            assertThat(Words.bilingual().en("rejected.heading")).isEqualTo("Rejected records");
        } finally {
            Locale.setDefault(was);
        }
    }

    @Test
    void argumentsAreWrittenWithoutGroupingAndAMissingWordFails() {
        assertThat(Words.bilingual().vi("report.title", 2024)).isEqualTo("Kết quả xét danh hiệu “Dân vận khéo” năm 2024");
        assertThat(Words.bilingual().en("impact.records", 12345)).isEqualTo("12345 records");
        assertThat(Words.bilingual().find("part.months")).contains(new Label("Thời gian duy trì", "time running"));
        assertThat(Words.bilingual().find("part.other")).isEmpty();
        assertThatThrownBy(() -> Words.bilingual().vi("no.such.word")).isInstanceOf(MissingResourceException.class);
    }
}
