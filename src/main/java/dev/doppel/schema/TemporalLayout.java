package dev.doppel.schema;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.DateTimeException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * A date or date-time layout (a java.time pattern such as {@code dd.MM.yyyy} or {@code yyyy-MM-dd HH:mm:ss}) that
 * turns text into a number on a line and back: dates become epoch days, date-times epoch seconds (UTC).
 */
public final class TemporalLayout {
    private final String pattern;
    private final boolean dateTime;
    private final boolean zoned;
    /** A time of day without a date ({@code HH:mm}): read as seconds since midnight, as if on 1970-01-01. */
    private final boolean timeOnly;
    private final DateTimeFormatter formatter;
    private final double resolutionSeconds;

    private TemporalLayout(String pattern, boolean dateTime) {
        this.pattern = pattern;
        this.dateTime = dateTime;
        String letters = pattern.replaceAll("'[^']*'", ""); // quoted text such as 'T' or 'Z' is literal
        this.zoned = dateTime && (letters.contains("X") || letters.contains("x") || letters.contains("Z"));
        this.timeOnly = dateTime && !letters.matches(".*[yuMLdDE].*"); // 14:35: seconds since midnight
        // English month names (Mar, March) for layouts that spell them, read in any case (MAR from a database export;
        // written Mar); numbers are the same in every locale here
        java.time.format.DateTimeFormatterBuilder builder = new java.time.format.DateTimeFormatterBuilder();
        if (letters.contains("MMM")) {
            builder.parseCaseInsensitive();
        }
        this.formatter = builder.appendPattern(pattern.replace("yyyy", "uuuu")).toFormatter(Locale.ENGLISH)
                .withResolverStyle(ResolverStyle.STRICT);
        if (!dateTime) {
            resolutionSeconds = 86400;
        } else if (pattern.contains("S")) {
            int digits = pattern.length() - pattern.replace("S", "").length();
            resolutionSeconds = Math.pow(10, -digits);
        } else if (pattern.contains("ss")) {
            resolutionSeconds = 1;
        } else {
            resolutionSeconds = 60;
        }
    }

    /** Builds a layout; throws IllegalArgumentException when the pattern is not a valid java.time pattern. */
    public static TemporalLayout of(String pattern, boolean dateTime) {
        return new TemporalLayout(pattern, dateTime);
    }

    /**
     * Builds a layout and checks that it can write a value and read it back (a date layout with hours, or a date-time
     * layout without a time, cannot); throws IllegalArgumentException otherwise.
     */
    public static TemporalLayout checked(String pattern, boolean dateTime) {
        TemporalLayout layout = of(pattern, dateTime);
        double sample = dateTime ? 1_600_000_000 : 18_000; // 2020-09-13 12:26:40 and 2019-04-14
        try {
            if (Double.isNaN(layout.toNumber(layout.format(sample)))) {
                throw new IllegalArgumentException("layout cannot read back what it writes");
            }
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("layout cannot write a " + (dateTime ? "date-time" : "date"));
        }
        return layout;
    }

    public String pattern() {
        return pattern;
    }

    public boolean dateTime() {
        return dateTime;
    }

    /** The step values take: 1 day for dates; 1 s, 60 s or a fraction of a second for date-times (in the unit of {@link #toNumber}). */
    public double step() {
        return dateTime ? resolutionSeconds : 1;
    }

    /**
     * Text to epoch days (dates) or epoch seconds (date-times; a time of day alone counts from midnight of 1970-01-01);
     * NaN when the text does not fit the layout.
     */
    public double toNumber(String text) {
        try {
            TemporalAccessor parsed = formatter.parse(text);
            if (!dateTime) {
                return LocalDate.from(parsed).toEpochDay();
            }
            if (timeOnly) {
                java.time.LocalTime t = java.time.LocalTime.from(parsed);
                return t.toSecondOfDay() + t.getNano() / 1e9;
            }
            if (zoned) {
                OffsetDateTime t = OffsetDateTime.from(parsed);
                return t.toEpochSecond() + t.getNano() / 1e9;
            }
            LocalDateTime t = LocalDateTime.from(parsed);
            return t.toEpochSecond(ZoneOffset.UTC) + t.getNano() / 1e9;
        } catch (DateTimeException | ArithmeticException e) {
            return Double.NaN; // the text does not fit, or the layout lacks a field the kind needs
        }
    }

    /** A number from {@link #toNumber} back to text in this layout. */
    public String format(double number) {
        if (!dateTime) {
            return formatter.format(LocalDate.ofEpochDay(Math.round(number)));
        }
        long seconds = (long) Math.floor(number);
        int nanos = (int) Math.round((number - seconds) * 1e9);
        if (nanos >= 1_000_000_000) {
            seconds++;
            nanos -= 1_000_000_000;
        }
        LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, nanos, ZoneOffset.UTC);
        return zoned ? formatter.format(t.atOffset(ZoneOffset.UTC)) : formatter.format(t);
    }

    /** True when values carry a UTC offset (written back in UTC). */
    public boolean zoned() {
        return zoned;
    }

    @Override
    public String toString() {
        return pattern;
    }
}
