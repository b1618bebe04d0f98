package dev.doppel.mask.fake;

import java.util.Objects;

/**
 * One made-up person, drawn once per row by {@link Fakes#person} so that the row's first name, last name, full name,
 * e-mail, company and website agree with each other. Holds made-up values only, but {@link #toString()} prints none of
 * them all the same (a fake printed in a log is as confusing as a real one).
 *
 * @param first the first name
 * @param last the last name
 * @param gender the gender the first name was drawn for, {@link Gender#UNSPECIFIED} where the locale's lists have none
 * @param employer a made-up last name that the person's company, company e-mail domain and website are built on
 */
public record FakePerson(Word first, Word last, Gender gender, Word employer) {
    /** Which list the first name came from. */
    public enum Gender {
        FEMALE,
        MALE,
        UNSPECIFIED
    }

    /**
     * A word as written and folded to lower-case ASCII ("Jürgen", "juergen"); the ASCII form may be empty.
     *
     * @param text the word as written
     * @param ascii its lower-case ASCII letters and digits
     */
    public record Word(String text, String ascii) {
        public Word {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(ascii, "ascii");
        }

        /** A word with its ASCII form computed. */
        public static Word of(String text) {
            return new Word(text, AsciiFold.fold(text));
        }

        @Override
        public String toString() {
            return "Word[" + text.length() + " chars]";
        }
    }

    public FakePerson {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        Objects.requireNonNull(gender, "gender");
        Objects.requireNonNull(employer, "employer");
    }

    public String firstName() {
        return first.text();
    }

    public String lastName() {
        return last.text();
    }

    @Override
    public String toString() {
        return "FakePerson[" + gender + ", values hidden]";
    }
}
