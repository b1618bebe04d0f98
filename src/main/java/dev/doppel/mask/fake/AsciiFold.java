package dev.doppel.mask.fake;

import java.text.Normalizer;
import java.util.Locale;

/** Folds a name to the lower-case ASCII letters and digits an e-mail or domain label uses: "Jürgen" → "juergen". */
final class AsciiFold {
    private AsciiFold() {}

    /**
     * German umlauts and ß are spelt out (ä → ae, ß → ss), other accents are dropped (é → e), letters with no
     * decomposition are mapped (ø → o, ł → l, æ → ae), and everything that is not a-z or 0-9 is removed. The result may
     * be empty (a name in a non-Latin script).
     */
    static String fold(String text) {
        if (isAscii(text)) {
            return foldAscii(text); // the same result without the Unicode normaliser, which dominated loading words
        }
        StringBuilder spelt = new StringBuilder(text.length() + 4);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case 'ä', 'Ä', 'æ', 'Æ' -> spelt.append("ae");
                case 'ö', 'Ö', 'œ', 'Œ' -> spelt.append("oe");
                case 'ü', 'Ü' -> spelt.append("ue");
                case 'ß' -> spelt.append("ss");
                case 'ø', 'Ø' -> spelt.append('o');
                case 'ł', 'Ł' -> spelt.append('l');
                case 'đ', 'Đ' -> spelt.append('d');
                case 'þ', 'Þ' -> spelt.append("th");
                default -> spelt.append(c);
            }
        }
        String decomposed = Normalizer.normalize(spelt, Normalizer.Form.NFD).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** {@link #fold} of ASCII text: lower-cased, letters and digits kept. */
    private static String foldAscii(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                out.append((char) (c + ('a' - 'A')));
            } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
