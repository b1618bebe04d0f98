package dev.doppel.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the layout of a column of dates or date-times: ISO ({@code yyyy-MM-dd}), European ({@code dd-MM-yyyy},
 * {@code dd.MM.yyyy}, {@code dd/MM/yyyy}) or US ({@code MM/dd/yyyy}), with or without zero padding, optionally followed
 * by a time; or with English month names ({@code dd-MMM-yyyy}, {@code MMM d, yyyy}, ...). Day-month order is taken from
 * the data (a first field above 12 is a day); when the data cannot tell, the result says so.
 */
final class TemporalDetector {
    private static final Pattern SHAPE = Pattern.compile(
            "(\\d{1,4})([-./])(\\d{1,2})\\2(\\d{1,4})(?:([ T])(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?(Z|[+-]\\d{2}:?\\d{2})?)?");

    /** A detected layout; {@code ambiguous} when both day-month orders fit every value. */
    record Detected(TemporalLayout layout, boolean ambiguous) {}

    private TemporalDetector() {}

    /**
     * Dates with English month names, as spreadsheets and database exports write them (12-Mar-2021, 12 Mar 2021,
     * Mar 12, 2021, March 12, 2021): tried in order, padded days first, when the values are not numeric dates.
     */
    private static final List<String> MONTH_NAME_LAYOUTS = List.of(
            "dd-MMM-yyyy", "d-MMM-yyyy", "dd MMM yyyy", "d MMM yyyy", "dd/MMM/yyyy", "d/MMM/yyyy",
            "MMM dd, yyyy", "MMM d, yyyy", "MMMM dd, yyyy", "MMMM d, yyyy", "dd MMMM yyyy", "d MMMM yyyy");
    /** A value that might hold a month name: a letter, a digit, and not longer than "September 30, 2021". */
    private static final Pattern MONTH_NAME_SHAPE = Pattern.compile("(?=.*[A-Za-z])(?=.*\\d)[A-Za-z0-9 ,./-]{8,18}");

    static Optional<Detected> detect(String[] values) {
        Optional<Detected> numeric = detectNumeric(values);
        if (numeric.isPresent()) {
            return numeric;
        }
        Optional<Detected> named = detectMonthNames(values);
        return named.isPresent() ? named : detectTimeOfDay(values);
    }

    /** A time of day: 14:35, 9:05 or 14:35:10, every value the same way. */
    private static final Pattern TIME_OF_DAY = Pattern.compile("(\\d{1,2}):\\d{2}(:\\d{2})?");

    /**
     * A column of times of day (a preferred contact time, a login time) is a date-time column whose values count
     * seconds from midnight, written back as times ({@code HH:mm}, {@code H:mm} or with seconds).
     */
    private static Optional<Detected> detectTimeOfDay(String[] values) {
        Boolean seconds = null;
        boolean padded = true;
        int seen = 0;
        for (String v : values) {
            if (v == null) {
                continue;
            }
            Matcher m = TIME_OF_DAY.matcher(v);
            if (!m.matches() || (seconds != null && seconds != (m.group(2) != null))) {
                return Optional.empty();
            }
            seconds = m.group(2) != null;
            padded &= m.group(1).length() == 2;
            seen++;
        }
        if (seen == 0) {
            return Optional.empty();
        }
        TemporalLayout layout = TemporalLayout.of((padded ? "HH" : "H") + ":mm" + (seconds ? ":ss" : ""), true);
        for (String v : values) {
            if (v != null && Double.isNaN(layout.toNumber(v))) {
                return Optional.empty(); // 25:00 or 12:75: not a time of day (a duration, say)
            }
        }
        return Optional.of(new Detected(layout, false));
    }

    /**
     * A column that mixes a few date layouts (exports merged from several systems: 2021-03-04, 04.03.2021 and
     * Mar 4, 2021 in one column): the values grouped by shape, each group's layout found as {@link #detect} finds
     * one, all dates or all date-times.
     *
     * @param majority the layout of the group with the most values: the one the column is written in
     * @param layouts every group's layout
     */
    record Mixed(TemporalLayout majority, List<TemporalLayout> layouts) {}

    /** The most layouts one column may mix. */
    private static final int MAX_MIXED = 4;

    static Optional<Mixed> detectMixed(String[] values) {
        Map<String, List<String>> groups = groups(values);
        if (groups == null || groups.size() < 2 || groups.size() > MAX_MIXED) {
            return Optional.empty();
        }
        List<TemporalLayout> layouts = new ArrayList<>();
        TemporalLayout majority = null;
        int most = -1;
        for (List<String> group : groups.values()) {
            Optional<Detected> d = detect(group.toArray(new String[0]));
            if (d.isEmpty() || (!layouts.isEmpty() && layouts.get(0).dateTime() != d.get().layout().dateTime())) {
                return Optional.empty();
            }
            layouts.add(d.get().layout());
            if (group.size() > most) {
                most = group.size();
                majority = d.get().layout();
            }
        }
        return Optional.of(new Mixed(majority, List.copyOf(layouts)));
    }

    /**
     * The values grouped by shape: separator, year first or last, and the time's separator for numeric dates; the
     * skeleton of words, numbers and punctuation for month names. Null when a value is neither.
     */
    static Map<String, List<String>> groups(String[] values) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (String v : values) {
            if (v == null) {
                continue;
            }
            String key;
            Matcher m = SHAPE.matcher(v);
            if (m.matches()) {
                key = m.group(2) + (m.group(1).length() == 4 ? "Y" : "D") + (m.group(5) == null ? "" : "T" + m.group(5));
            } else if (MONTH_NAME_SHAPE.matcher(v).matches()) {
                key = v.replaceAll("[A-Za-z]+", "a").replaceAll("\\d+", "9");
            } else {
                return null;
            }
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(v);
        }
        return groups;
    }

    private static Optional<Detected> detectMonthNames(String[] values) {
        String first = null;
        for (String v : values) {
            if (v != null) {
                first = v;
                break;
            }
        }
        if (first == null || !MONTH_NAME_SHAPE.matcher(first).matches()) {
            return Optional.empty();
        }
        for (String pattern : MONTH_NAME_LAYOUTS) {
            TemporalLayout layout = TemporalLayout.of(pattern, false);
            boolean all = true;
            for (String v : values) {
                if (v != null && Double.isNaN(layout.toNumber(v))) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return Optional.of(new Detected(layout, false));
            }
        }
        return Optional.empty();
    }

    private static Optional<Detected> detectNumeric(String[] values) {
        Boolean yearFirst = null;
        char separator = 0;
        int firstMax = 0;
        int secondMax = 0;
        boolean padded = true;
        Boolean hasTime = null;
        Boolean hasSeconds = null;
        int fractionDigits = -1;
        String zone = null;
        char timeSeparator = 0;
        boolean hourPadded = true;
        int seen = 0;
        for (String v : values) {
            if (v == null) {
                continue;
            }
            Matcher m = SHAPE.matcher(v);
            if (!m.matches()) {
                return Optional.empty();
            }
            seen++;
            String a = m.group(1);
            String b = m.group(3);
            String c = m.group(4);
            boolean yf = a.length() == 4;
            if (!yf && c.length() != 4) {
                return Optional.empty(); // two-digit years are not trusted
            }
            if (yearFirst == null) {
                yearFirst = yf;
                separator = m.group(2).charAt(0);
            } else if (yearFirst != yf || separator != m.group(2).charAt(0)) {
                return Optional.empty();
            }
            String first = yf ? b : a;
            String second = yf ? c : b;
            firstMax = Math.max(firstMax, Integer.parseInt(first));
            secondMax = Math.max(secondMax, Integer.parseInt(second));
            padded &= first.length() == 2 && second.length() == 2;
            boolean time = m.group(5) != null;
            if (hasTime == null) {
                hasTime = time;
                if (time) {
                    timeSeparator = m.group(5).charAt(0);
                    hasSeconds = m.group(8) != null;
                    fractionDigits = m.group(9) == null ? 0 : m.group(9).length();
                    zone = m.group(10);
                }
            } else if (hasTime != time) {
                return Optional.empty();
            }
            if (time) {
                if (hasSeconds != (m.group(8) != null)
                        || fractionDigits != (m.group(9) == null ? 0 : m.group(9).length())
                        || (zone == null) != (m.group(10) == null)
                        || timeSeparator != m.group(5).charAt(0)) {
                    return Optional.empty();
                }
                hourPadded &= m.group(6).length() == 2;
            }
        }
        if (seen == 0) {
            return Optional.empty();
        }
        String dd = padded ? "dd" : "d";
        String mm = padded ? "MM" : "M";
        String s = String.valueOf(separator);
        String datePattern;
        boolean ambiguous = false;
        if (yearFirst) {
            if (firstMax > 12) {
                return Optional.empty(); // yyyy-dd-MM is not a layout anyone writes
            }
            datePattern = "yyyy" + s + mm + s + dd;
        } else if (firstMax > 12 && secondMax <= 12) {
            datePattern = dd + s + mm + s + "yyyy";
        } else if (secondMax > 12 && firstMax <= 12) {
            datePattern = mm + s + dd + s + "yyyy";
        } else if (firstMax > 12) {
            return Optional.empty();
        } else {
            ambiguous = true; // both orders fit: dots are day-first by convention, slashes are taken as US
            datePattern = separator == '/' ? mm + s + dd + s + "yyyy" : dd + s + mm + s + "yyyy";
        }
        String pattern = datePattern;
        if (hasTime) {
            pattern += (timeSeparator == 'T' ? "'T'" : " ") + (hourPadded ? "HH" : "H") + ":mm";
            if (hasSeconds) {
                pattern += ":ss";
                if (fractionDigits > 0) {
                    pattern += "." + "S".repeat(fractionDigits);
                }
            }
            if (zone != null) {
                pattern += zone.contains(":") || zone.equals("Z") ? "XXX" : "xx";
            }
        }
        TemporalLayout layout = TemporalLayout.of(pattern, hasTime);
        for (String v : values) {
            if (v != null && Double.isNaN(layout.toNumber(v))) {
                return Optional.empty(); // shaped like a date but not one (month 13, 31 February)
            }
        }
        return Optional.of(new Detected(layout, ambiguous));
    }
}
