package dvk.domain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Exact arithmetic and the one readable number format of explanations. */
public final class Numbers {
    private Numbers() {}

    public static BigDecimal toBigDecimal(Number n) {
        if (n instanceof BigDecimal d) return d;
        if (n instanceof BigInteger i) return new BigDecimal(i);
        if (n instanceof Double || n instanceof Float) return BigDecimal.valueOf(n.doubleValue());
        return BigDecimal.valueOf(n.longValue());
    }

    /** 143000000 → "143,000,000"; 92.50 → "92.5". */
    public static String format(Number n) {
        DecimalFormat format = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(java.math.RoundingMode.DOWN);
        return format.format(toBigDecimal(n));
    }
}
