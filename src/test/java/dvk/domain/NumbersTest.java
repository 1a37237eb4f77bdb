package dvk.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NumbersTest {
    /** The format explanations always had; the hand-written one must read the same. */
    private static String reference(Number n) {
        DecimalFormat format = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.DOWN);
        String text = format.format(Numbers.toBigDecimal(n));
        return text.equals("-0") ? "0" : text; // DecimalFormat's "-0" for -0.001 was never wanted
    }

    @Test
    void readsAsPeopleWriteAmounts() {
        assertThat(Numbers.format(143_000_000L)).isEqualTo("143,000,000");
        assertThat(Numbers.format(new BigDecimal("92.50"))).isEqualTo("92.5");
        assertThat(Numbers.format(new BigDecimal("69.999"))).as("cut, never rounded up to a pass").isEqualTo("69.99");
        assertThat(Numbers.format(0)).isEqualTo("0");
        assertThat(Numbers.format(-1234L)).isEqualTo("-1,234");
        assertThat(Numbers.format(new BigInteger("123456789012345678901234"))).isEqualTo("123,456,789,012,345,678,901,234");
    }

    @Test
    void agreesWithDecimalFormatOnManyValues() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            long whole = random.nextLong() >> random.nextInt(64);
            assertThat(Numbers.format(whole)).isEqualTo(reference(whole));
            BigDecimal decimal = BigDecimal.valueOf(whole % 100_000_000, random.nextInt(5));
            assertThat(Numbers.format(decimal)).as("%s", decimal).isEqualTo(reference(decimal));
            BigInteger big = BigInteger.valueOf(whole).multiply(BigInteger.valueOf(random.nextInt(1000)));
            assertThat(Numbers.format(big)).isEqualTo(reference(big));
        }
        for (String edge : new String[] {"0.00", "-0.001", "0.005", "999.999", "1000", "1E+3", "-999999.5"}) {
            BigDecimal value = new BigDecimal(edge);
            assertThat(Numbers.format(value)).as(edge).isEqualTo(reference(value));
        }
    }
}
