package dvk.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dvk.domain.FieldOfWork;
import dvk.domain.Kind;
import dvk.domain.Level;
import dvk.domain.NominationType;
import dvk.domain.TitleDefinition;
import dvk.engine.RuleInfo;
import dvk.report.Words.Label;
import dvk.testing.TestRuleSet;
import dvk.testing.TestRules;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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

    @Test
    void numbersAreGroupedByDotsInVietnameseAndByCommasInEnglish() {
        assertThat(Words.vietnamese().number(1_200_000)).isEqualTo("1.200.000");
        assertThat(Words.english().number(1_200_000)).isEqualTo("1,200,000");
        assertThat(Words.vietnamese().number(new BigDecimal("92.50"))).isEqualTo("92,5");
        assertThat(Words.english().number(new BigDecimal("1234.567"))).isEqualTo("1,234.56");
        assertThat(Words.vietnamese().number(-1234L)).isEqualTo("-1.234");
        assertThat(Words.vietnamese().number(999)).isEqualTo("999");
        assertThat(Words.vietnamese().date(LocalDate.of(2022, 3, 1))).isEqualTo("01/03/2022");
        assertThat(Words.english().date(LocalDate.of(2022, 3, 1))).isEqualTo("2022-03-01");
    }

    /** A criterion a rule set adds fails here until the bundles give it a name in both languages. */
    @Test
    void everyCriterionOfEveryRuleSetHasANameInBothLanguages() {
        List<String> nameless = new ArrayList<>();
        List<TestRuleSet> ruleSets = TestRules.all();
        assertThat(ruleSets).extracting(TestRuleSet::name).contains("rules/2024-2025", "rules/2026");
        for (TestRuleSet set : ruleSets) {
            for (RuleInfo rule : set.rules().rulesById().values()) {
                if (rule.criterion() == null) continue;
                if (!Words.vietnamese().has("criterion." + rule.criterion())) nameless.add(set.name() + ": " + rule.id() + " (" + rule.criterion() + ")");
            }
            for (TitleDefinition title : set.rules().titles()) {
                assertThat(title.nameVi()).as(set.name() + " " + title.code()).isNotBlank();
                assertThat(title.nameEn()).as(set.name() + " " + title.code()).isNotBlank();
            }
        }
        assertThat(nameless).as("criteria without a criterion.ID word in common_vi/common_en.properties").isEmpty();
    }

    @Test
    void everyCodeOfTheDataHasAWord() {
        for (Words words : List.of(Words.vietnamese(), Words.english())) {
            for (NominationType type : NominationType.values()) assertThat(words.text("type." + type.name())).isNotBlank();
            for (Kind kind : Kind.values()) assertThat(words.text("kind." + kind.name())).isNotBlank();
            for (FieldOfWork field : FieldOfWork.values()) assertThat(words.text("field." + field.name())).isNotBlank();
            for (Level level : Level.values()) assertThat(words.text("level." + level.name())).isNotBlank();
        }
    }
}
