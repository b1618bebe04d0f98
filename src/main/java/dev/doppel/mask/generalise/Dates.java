package dev.doppel.mask.generalise;

import dev.doppel.schema.TemporalLayout;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Dates and date-times read with a {@link TemporalLayout}, coarsened step by step. Levels of a date layout: 0 the value
 * as given, 1 month ("yyyy-MM"), 2 year ("yyyy"), 3 decade ("1980s"), 4 suppressed. A date-time layout has one more
 * level after the value: day ("yyyy-MM-dd"). Generalised values are written in these ISO forms whatever the input
 * layout (a month cannot be written in {@code dd.MM.yyyy}); date-times with an offset are taken in UTC. A cell the
 * layout cannot read is unreadable: null at every level.
 */
public final class Dates implements Hierarchy {
    private enum Step {
        VALUE("value"),
        DAY("day"),
        MONTH("month"),
        YEAR("year"),
        DECADE("decade");

        final String label;

        Step(String label) {
            this.label = label;
        }
    }

    private final TemporalLayout layout;
    private final List<Step> steps;

    private Dates(TemporalLayout layout) {
        this.layout = layout;
        this.steps = layout.dateTime()
                ? List.of(Step.VALUE, Step.DAY, Step.MONTH, Step.YEAR, Step.DECADE)
                : List.of(Step.VALUE, Step.MONTH, Step.YEAR, Step.DECADE);
    }

    /** The hierarchy of a date or date-time layout. */
    public static Dates of(TemporalLayout layout) {
        return new Dates(layout);
    }

    /**
     * The level of a step name ("day", "month", "year", "decade"); -1 when the layout has no such step. "day" on a date
     * layout is level 0 (the value).
     */
    public int levelOf(String step) {
        if (step.equals("day") && !layout.dateTime()) {
            return 0;
        }
        for (int i = 1; i < steps.size(); i++) {
            if (steps.get(i).label.equals(step)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public int top() {
        return steps.size();
    }

    @Override
    public String apply(String value, int level) {
        Levels.check(level, top());
        if (value == null || level == top()) {
            return null;
        }
        double number = layout.toNumber(value.trim());
        if (Double.isNaN(number)) {
            return null;
        }
        if (level == 0) {
            return value;
        }
        LocalDateTime t = layout.dateTime()
                ? LocalDateTime.ofEpochSecond((long) Math.floor(number), 0, ZoneOffset.UTC)
                : LocalDate.ofEpochDay((long) number).atStartOfDay();
        int year = t.getYear();
        return switch (steps.get(level)) {
            case DAY -> year + "-" + twoDigits(t.getMonthValue()) + "-" + twoDigits(t.getDayOfMonth());
            case MONTH -> year + "-" + twoDigits(t.getMonthValue());
            case YEAR -> Integer.toString(year);
            case DECADE -> Math.floorDiv(year, 10) * 10 + "s";
            case VALUE -> throw new AssertionError(level); // level 0 returned above
        };
    }

    @Override
    public String describe(int level) {
        Levels.check(level, top());
        if (level == top()) {
            return "suppressed";
        }
        return level == 0 ? (layout.dateTime() ? "date-time " : "date ") + layout.pattern() : steps.get(level).label;
    }

    private static String twoDigits(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    @Override
    public String toString() {
        return "Dates[" + layout.pattern() + "]";
    }
}
