package dev.rehearse.report;

/**
 * Figures with a fixed number of decimals, as the reports and the progress lines write times, made from whole units
 * rather than through {@link java.util.Formatter}: the first floating-point format of a process sets up the
 * formatter's locale data and number conversion, a cost every short run paid once for a report's few figures.
 */
public final class FixedPoint {
    private FixedPoint() {
    }

    /** {@code units} of 10^-{@code decimals}, written with that many decimals: {@code (1234, 3)} is {@code 1.234}. */
    public static String of(long units, int decimals) {
        long scale = 1;
        for (int i = 0; i < decimals; i++) {
            scale *= 10;
        }
        long whole = Math.abs(units / scale);
        String fraction = Long.toString(Math.abs(units % scale));
        return (units < 0 ? "-" : "") + whole + "." + "0".repeat(decimals - fraction.length()) + fraction;
    }

    /** {@code value / divisor}, rounded half up (for values of either sign, away from zero at the half). */
    public static long rounded(long value, long divisor) {
        long half = divisor / 2;
        return value >= 0 ? (value + half) / divisor : -((-value + half) / divisor);
    }
}
