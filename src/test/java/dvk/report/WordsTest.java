package dvk.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Words come from the bundles, Vietnamese first; both languages have every word. */
class WordsTest {
    @Test
    void vietnameseIsTheDefaultAndEnglishIsOnRequest() {
        assertThat(Words.of(null).text("common.rejected")).isEqualTo("Hồ sơ bị loại");
        assertThat(Words.of("vi").text("common.yes")).isEqualTo("Có");
        assertThat(Words.of("fr").isVietnamese()).isTrue();
        assertThat(Words.of("en").text("common.rejected")).isEqualTo("Rejected records");
    }

    @Test
    void anUnknownKeyShowsItselfRatherThanNothing() {
        assertThat(Words.vietnamese().text("no.such.key")).isEqualTo("no.such.key");
    }

    @Test
    void everyBundleHasTheSameKeysInBothLanguages() throws IOException {
        for (String area : new String[] {"common", "report", "input", "web", "papers", "cli"}) {
            Set<String> vi = keys("/dvk/words/" + area + "_vi.properties");
            Set<String> en = keys("/dvk/words/" + area + "_en.properties");
            assertThat(en).as(area + ": English has the Vietnamese keys").isEqualTo(vi);
        }
    }

    private static Set<String> keys(String resource) throws IOException {
        try (InputStream in = WordsTest.class.getResourceAsStream(resource)) {
            if (in == null) return Set.of();
            Properties p = new Properties();
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            return new TreeSet<>(p.stringPropertyNames());
        }
    }
}
