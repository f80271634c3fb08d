package dev.rehearse.report;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The reports' times, written without java.util.Formatter, read as they did when it wrote them. */
class FixedPointTest {

    @Test
    void fixedDecimalsOfWholeUnits() {
        assertEquals("1.234", FixedPoint.of(1234, 3));
        assertEquals("0.005", FixedPoint.of(5, 3));
        assertEquals("0.000", FixedPoint.of(0, 3));
        assertEquals("12.50", FixedPoint.of(1250, 2));
        assertEquals("-0.01", FixedPoint.of(-1, 2));
        assertEquals("-3.07", FixedPoint.of(-307, 2));
    }

    @Test
    void roundsHalfUpAwayFromZero() {
        assertEquals(1001, FixedPoint.rounded(1_000_500_000, 1_000_000));
        assertEquals(1000, FixedPoint.rounded(1_000_499_999, 1_000_000));
        assertEquals(-1, FixedPoint.rounded(-5, 10));
        assertEquals(0, FixedPoint.rounded(-4, 10));
    }

    @Test
    void pageSecondsAsFormatterWroteThem() {
        for (long millis = 0; millis < 200_000; millis += 7) {
            double s = millis / 1000.0;
            String formatted = s < 60 ? String.format(Locale.ROOT, "%.2fs", s)
                    : String.format(Locale.ROOT, "%dm%02ds", (long) s / 60, (long) s % 60);
            assertEquals(formatted, HtmlPage.seconds(Duration.ofMillis(millis)), millis + " ms");
        }
        assertEquals("60.00s", HtmlPage.seconds(Duration.ofMillis(59_995)));
        assertEquals("1m00s", HtmlPage.seconds(Duration.ofMillis(60_000)));
        assertEquals("61m01s", HtmlPage.seconds(Duration.ofSeconds(3661)));
        assertEquals("0.00s", HtmlPage.seconds(null));
    }

    @Test
    void junitSecondsAsFormatterWroteThem() {
        for (long nanos = 0; nanos < 3_000_000_000L; nanos += 999_983) {
            assertEquals(String.format(Locale.ROOT, "%.3f", nanos / 1e9),
                    FixedPoint.of(FixedPoint.rounded(nanos, 1_000_000), 3), nanos + " ns");
        }
    }
}
