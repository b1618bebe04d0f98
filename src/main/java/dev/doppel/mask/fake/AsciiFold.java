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
}
