package dev.doppel.mask.pseudo;

/**
 * The closed sets of characters a pseudonym keeps a character within. A character outside every class (punctuation,
 * space, symbols, letters of other scripts, characters outside the Basic Multilingual Plane) is kept as it is.
 *
 * <p>The alphabets are fixed code point ranges rather than {@link Character} properties, so the tokens do not change
 * when a newer Java ships a newer Unicode version.
 */
enum CharClass {
    DIGIT(range('0', '9')),
    UPPER(range('A', 'Z')),
    LOWER(range('a', 'z')),
    /** À..Þ without × (30 letters). */
    LATIN1_UPPER(without(range('\u00c0', '\u00de'), '\u00d7')),
    /** ß..ÿ without ÷ (32 letters). */
    LATIN1_LOWER(without(range('\u00df', '\u00ff'), '\u00f7')),
    /** Α..Ω without the unassigned U+03A2 (24 letters). */
    GREEK_UPPER(without(range('\u0391', '\u03a9'), '\u03a2')),
    /** α..ω, final sigma included (25 letters). */
    GREEK_LOWER(range('\u03b1', '\u03c9')),
    /** А..Я (32 letters; Ё and the letters of other Cyrillic alphabets are kept). */
    CYRILLIC_UPPER(range('\u0410', '\u042f')),
    /** а..я (32 letters). */
    CYRILLIC_LOWER(range('\u0430', '\u044f'));

    private static final int TABLE_END = 0x0450;
    private static final CharClass[] VALUES = values();
    /** Class ordinal + 1 for each char below {@link #TABLE_END}, 0 when kept. */
    private static final byte[] CLASS_OF = new byte[TABLE_END];
    /** Index within its class's alphabet. */
    private static final byte[] INDEX_OF = new byte[TABLE_END];

    static {
        for (CharClass cls : VALUES) {
            for (int i = 0; i < cls.alphabet.length; i++) {
                CLASS_OF[cls.alphabet[i]] = (byte) (cls.ordinal() + 1);
                INDEX_OF[cls.alphabet[i]] = (byte) i;
            }
        }
    }

    private final char[] alphabet;

    CharClass(char[] alphabet) {
        this.alphabet = alphabet;
    }

    /** The class of {@code c}, or null when {@code c} is kept as it is. */
    static CharClass of(char c) {
        return c < TABLE_END && CLASS_OF[c] != 0 ? VALUES[CLASS_OF[c] - 1] : null;
    }

    /** The position of {@code c} in its class's alphabet; {@code c} must belong to a class. */
    static int indexOf(char c) {
        return INDEX_OF[c];
    }

    int radix() {
        return alphabet.length;
    }

    char charAt(int index) {
        return alphabet[index];
    }

    private static char[] range(char first, char last) {
        char[] chars = new char[last - first + 1];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) (first + i);
        }
        return chars;
    }

    private static char[] without(char[] chars, char gap) {
        char[] out = new char[chars.length - 1];
        int j = 0;
        for (char c : chars) {
            if (c != gap) {
                out[j++] = c;
            }
        }
        return out;
    }
}
