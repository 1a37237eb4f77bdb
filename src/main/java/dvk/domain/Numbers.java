package dvk.domain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/** Exact arithmetic and the one readable number format of explanations. */
public final class Numbers {
    private Numbers() {}

    public static BigDecimal toBigDecimal(Number n) {
        if (n instanceof BigDecimal d) return d;
        if (n instanceof BigInteger i) return new BigDecimal(i);
        if (n instanceof Double || n instanceof Float) return BigDecimal.valueOf(n.doubleValue());
        return BigDecimal.valueOf(n.longValue());
    }

    /**
     * 143000000 → "143,000,000"; 92.50 → "92.5"; at most two decimals, cut (not rounded) so that
     * 69.999 never reads as the 70 it fails. Written out by hand: a DecimalFormat per call was a
     * third of the evaluation time, and one shared would not be thread-safe.
     */
    public static String format(Number n) {
        if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
            return grouped(Long.toString(n.longValue()));
        }
        BigDecimal d = toBigDecimal(n);
        // below 0.01 it cuts to 0, and setScale would first divide by 10^(scale − 2): for a value
        // written 1E-999999999 that power of ten is past what BigInteger can hold
        if (d.scale() > 2 && d.precision() - d.scale() < -2) d = BigDecimal.ZERO;
        String plain = d.setScale(2, RoundingMode.DOWN).stripTrailingZeros().toPlainString();
        int point = plain.indexOf('.');
        return point < 0 ? grouped(plain) : grouped(plain.substring(0, point)) + plain.substring(point);
    }

    /** "-1234567" → "-1,234,567". */
    private static String grouped(String digits) {
        int start = digits.startsWith("-") ? 1 : 0;
        int length = digits.length() - start;
        if (length <= 3) return digits;
        StringBuilder out = new StringBuilder(digits.length() + length / 3).append(digits, 0, start);
        int head = length % 3 == 0 ? 3 : length % 3;
        out.append(digits, start, start + head);
        for (int i = start + head; i < digits.length(); i += 3) {
            out.append(',').append(digits, i, i + 3);
        }
        return out.toString();
    }
}
