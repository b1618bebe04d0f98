package dev.doppel.mask.pseudo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Keyed pseudonyms drawn from a vocabulary of made-up words (for instance de-duplicated Datafaker first names), for
 * columns where a {@linkplain Pseudonymiser#token format-preserving token} would look wrong: "Heather" becomes "Lorna"
 * rather than "Xbqmnzd".
 *
 * <p><b>Assignment.</b> Each distinct real value v has h(v) = HMAC-SHA256(domain key, v). Values are taken in the order
 * of h (not the input order), and each takes the vocabulary word at index h(v) mod V; when an earlier value already
 * holds that word, it probes HMAC(domain key, attempt, v) mod V up to {@value #PROBES} times, then walks forward from
 * the last probe to the next free word. So the map is injective while there are at most V distinct values, and it does
 * not depend on input order, duplicates or thread count. Once every word is taken, further values get "word-suffix"
 * with a short base-36 suffix from the HMAC, still checked against every pseudonym given so far.
 *
 * <p><b>Across files.</b> A value gets its first-choice word in every file unless, in some file, a value earlier in
 * h-order took that word; so two files share pseudonyms except where a collision was probed differently. For joins
 * that must hold without exception, assign once over the union of the values of all files (or use {@link
 * Pseudonymiser}, whose tokens depend on the value alone). The vocabulary's order matters: pass the same list.
 *
 * <p>The object holds real values; {@link #toString()} prints counts only.
 */
public final class VocabularyPseudonyms {
    /** Keyed random probes before walking forward to a free word. */
    static final int PROBES = 16;

    private static final char[] BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();

    private final Map<String, String> pseudonyms;
    private final int vocabularySize;
    private final int suffixed;
    private final String domain;
    private final String keyId;

    private VocabularyPseudonyms(
            Map<String, String> pseudonyms, int vocabularySize, int suffixed, String domain, String keyId) {
        this.pseudonyms = pseudonyms;
        this.vocabularySize = vocabularySize;
        this.suffixed = suffixed;
        this.domain = domain;
        this.keyId = keyId;
    }

    /**
     * Assigns a pseudonym to each distinct value of {@code realValues}.
     *
     * @param domain non-secret label; columns that must agree share it
     * @param vocabulary the words to draw from, in a fixed order; duplicates are dropped (first kept)
     * @throws IllegalArgumentException when the vocabulary is empty
     * @throws NullPointerException when a word or a value is null
     */
    public static VocabularyPseudonyms assign(
            PseudonymKey key, String domain, List<String> vocabulary, Collection<String> realValues) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(domain, "domain");
        List<String> words = new ArrayList<>(new LinkedHashSet<>(vocabulary));
        if (words.isEmpty()) {
            throw new IllegalArgumentException("the vocabulary is empty");
        }
        byte[] label = ("doppel vocabulary v1\u0000" + domain).getBytes(StandardCharsets.UTF_8);
        byte[] domainKey = HmacSha256.of(key.bytes()).mac(label);
        HmacSha256 prf = HmacSha256.of(domainKey);
        Arrays.fill(domainKey, (byte) 0);

        List<Hashed> order = new ArrayList<>();
        for (String value : new HashSet<>(realValues)) {
            Objects.requireNonNull(value, "a real value is null");
            order.add(new Hashed(value, mac(prf, 0, 0, value)));
        }
        order.sort(Hashed::compareTo);

        int size = words.size();
        boolean[] taken = new boolean[size];
        int free = size;
        Set<String> given = new HashSet<>();
        Map<String, String> pseudonyms = new HashMap<>();
        int suffixed = 0;
        for (Hashed h : order) {
            int first = index(h.mac, size);
            String pseudonym;
            if (free > 0) {
                int index = first;
                for (int attempt = 1; taken[index] && attempt <= PROBES; attempt++) {
                    index = index(mac(prf, 1, attempt, h.value), size);
                }
                while (taken[index]) {
                    index = (index + 1) % size;
                }
                taken[index] = true;
                free--;
                pseudonym = words.get(index);
            } else {
                pseudonym = suffixedWord(prf, words.get(first), h.value, given);
                suffixed++;
            }
            given.add(pseudonym);
            pseudonyms.put(h.value, pseudonym);
        }
        return new VocabularyPseudonyms(pseudonyms, size, suffixed, domain, key.id());
    }

    /** "word-xxxx": a base-36 suffix of 4 characters, one longer after every 8 clashes. */
    private static String suffixedWord(HmacSha256 prf, String word, String value, Set<String> given) {
        for (int attempt = 0; ; attempt++) {
            byte[] mac = mac(prf, 2, attempt, value);
            int length = Math.min(4 + attempt / 8, mac.length);
            StringBuilder sb = new StringBuilder(word.length() + 1 + length).append(word).append('-');
            for (int i = 0; i < length; i++) {
                sb.append(BASE36[(mac[i] & 0xff) % 36]);
            }
            String candidate = sb.toString();
            if (!given.contains(candidate)) {
                return candidate;
            }
        }
    }

    private static byte[] mac(HmacSha256 prf, int purpose, int attempt, String value) {
        MessageDigest md = prf.start();
        md.update((byte) purpose);
        md.update(new byte[] {(byte) (attempt >>> 24), (byte) (attempt >>> 16), (byte) (attempt >>> 8), (byte) attempt});
        md.update(value.getBytes(StandardCharsets.UTF_8));
        byte[] out = new byte[HmacSha256.LENGTH];
        prf.finish(md, out);
        return out;
    }

    private static int index(byte[] mac, int size) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = v << 8 | (mac[i] & 0xff);
        }
        return (int) Long.remainderUnsigned(v, size);
    }

    /**
     * The pseudonym of {@code realValue}. Never null.
     *
     * @throws IllegalArgumentException when the value was not among those assigned (the message does not show it)
     */
    public String pseudonymOf(String realValue) {
        String p = pseudonyms.get(realValue);
        if (p == null) {
            throw new IllegalArgumentException("value not among the " + pseudonyms.size() + " assigned values");
        }
        return p;
    }

    /** Distinct real values assigned. */
    public int size() {
        return pseudonyms.size();
    }

    /** Words in the de-duplicated vocabulary. */
    public int vocabularySize() {
        return vocabularySize;
    }

    /** Values that got "word-suffix" because every word was taken (0 while values do not outnumber words). */
    public int suffixed() {
        return suffixed;
    }

    /** Counts, the domain and the key's fingerprint; no value and no pseudonym. */
    @Override
    public String toString() {
        return "VocabularyPseudonyms[domain=" + domain + ", key=" + keyId + ", values=" + pseudonyms.size()
                + ", vocabulary=" + vocabularySize + ", suffixed=" + suffixed + "]";
    }

    /** A real value with its HMAC; ordered by the HMAC (unsigned), then by the value. Prints neither. */
    private static final class Hashed implements Comparable<Hashed> {
        final String value;
        final byte[] mac;

        Hashed(String value, byte[] mac) {
            this.value = value;
            this.mac = mac;
        }

        @Override
        public int compareTo(Hashed o) {
            int c = Arrays.compareUnsigned(mac, o.mac);
            return c != 0 ? c : value.compareTo(o.value);
        }

        @Override
        public String toString() {
            return "Hashed[hidden]";
        }
    }
}
