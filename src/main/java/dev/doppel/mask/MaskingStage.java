package dev.doppel.mask;

import dev.doppel.mask.fake.FakePerson;
import dev.doppel.mask.fake.Fakes;
import dev.doppel.mask.fake.LayoutReader;
import dev.doppel.mask.fake.RealValueFilter;
import dev.doppel.mask.generalise.Categorical;
import dev.doppel.mask.generalise.Generalisation;
import dev.doppel.mask.generalise.Hierarchy;
import dev.doppel.mask.generalise.KAnonymity;
import dev.doppel.mask.generalise.KAnonymityPlan;
import dev.doppel.mask.pseudo.PseudonymKey;
import dev.doppel.mask.pseudo.PseudonymMemo;
import dev.doppel.mask.pseudo.Pseudonymiser;
import dev.doppel.mask.pseudo.VocabularyPseudonyms;
import dev.doppel.privacy.MaskAction;
import dev.doppel.privacy.PersonalData;
import dev.doppel.privacy.PrivacyRole;
import dev.doppel.schema.ColumnSpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.concurrent.atomic.LongAdder;

/**
 * Masks the rows of one table as a {@link MaskPlan} says, in two passes that suit streaming: {@link #observe} sees
 * every batch of rows once, on any thread (what k-anonymity, rare-value suppression, real-value avoidance and
 * vocabulary pseudonyms need to know), {@link #merge} folds the batches in order on one thread, {@link #solve} settles
 * the generalisation levels, then {@link #mask} turns each row into its output row. {@link #observe} and
 * {@link #mask} are thread-safe; randomness comes from the caller, so output depends only on the seed per batch.
 *
 * <p>What it keeps between the passes: value counts of rare-value columns and distinct quasi-identifier tuples (both
 * grow with distinct values, not rows), a fixed-size filter of each faked direct identifier's real values, and the
 * distinct values of name-like pseudonymised columns. Nothing of it is ever written.
 */
public final class MaskingStage {
    /** Kinds that pseudonymise into a made-up word of the same kind rather than a format token. */
    static final Set<PersonalData> VOCABULARY = EnumSet.of(PersonalData.FIRST_NAME, PersonalData.LAST_NAME,
            PersonalData.CITY);
    /** Name kinds: their fakes avoid the real values of every name column. */
    private static final Set<PersonalData> NAMES = EnumSet.of(PersonalData.FIRST_NAME, PersonalData.LAST_NAME,
            PersonalData.FULL_NAME);
    /** The longest whole-number id that fits a fresh range (below 10^17 fits a long, twice). */
    private static final int MAX_FRESH_DIGITS = 17;

    private final MaskPlan plan;
    private final List<ColumnSpec> specs;
    private final MaskAction[] actions;
    private final PersonalData[] whats;
    private final Fakes fakes;
    private PseudonymKey key;
    private Pseudonymiser pseudonymiser;
    private final long seed;
    /** When no key was set: SHA-256 over the batches' SHA-256 digests of their pseudonymised values, in order. */
    private final MessageDigest inputDigest;
    private final boolean[] pseudonymised;
    /**
     * Per pseudonymised column without a key: true while every value is a whole number without leading zeros, so
     * its pseudonyms can be put in a fresh range above every real id ("1" + an L-digit token, L the longest real id's
     * length) and never equal one.
     */
    private final boolean[] freshRange;
    /** Per column: whether pass 1 checks it for a fresh range (as set up; {@link #freshRange} is the outcome). */
    private final boolean[] freshCandidate;
    private final int[] longestDigits;
    private final boolean applyReplacements;
    private final RealValueFilter[] realValues; // per faked direct identifier
    /** Per column: whether a made-up value might be a real one (its filter's test, or never). */
    private final Predicate<String>[] isReal;
    /** Per faked column when this stage makes the fakes: the maker of its kind; null for other columns. */
    private final Fakes.Maker[] makers;
    private final Map<String, Long>[] valueCounts; // per column with rare values to suppress
    private final Set<String>[] distinct; // per vocabulary-pseudonymised column
    private final Hierarchy[] hierarchies; // per generalised or suppressed column (level 0 = the profile's)
    private final int[] qiColumns;
    private final boolean[] qi; // per column: one of qiColumns
    private final KAnonymity counter;
    private final int[] output; // input columns that reach the output, in order
    private final LongAdder[] suppressedCells;
    private KAnonymityPlan kPlan;
    private VocabularyPseudonyms[] vocabulary;
    private boolean solved;

    /**
     * @param key the pseudonymisation key; null to derive one from the seed and the input when pseudonymising
     *     ({@link PseudonymKey#derived}: consistent within this output only)
     * @param applyReplacements true to fake and pseudonymise here (mask); false when the model makes them up (run)
     * @param expectedRows an upper estimate of the rows, to size the real-value filters
     * @param seed the seed a derived key is made from
     */
    @SuppressWarnings("unchecked")
    public MaskingStage(
            MaskPlan plan,
            List<ColumnSpec> specs,
            Supplier<Fakes> fakes,
            PseudonymKey key,
            boolean applyReplacements,
            long expectedRows,
            long seed) {
        this.plan = plan;
        this.specs = List.copyOf(specs);
        boolean needsFakes = applyReplacements && plan.columns().stream().anyMatch(m -> m.action() == MaskAction.FAKE
                || m.action() == MaskAction.PSEUDONYMISE && VOCABULARY.contains(m.what()));
        this.fakes = needsFakes ? fakes.get() : null; // loading a locale's words takes a second or two
        this.key = key;
        this.pseudonymiser = key == null ? null : Pseudonymiser.of(key, MaskSetup.DOMAIN);
        this.seed = seed;
        this.inputDigest = key == null && applyReplacements && plan.needsKey() ? sha256() : null;
        this.pseudonymised = new boolean[specs.size()];
        this.applyReplacements = applyReplacements;
        int n = specs.size();
        actions = new MaskAction[n];
        whats = new PersonalData[n];
        realValues = new RealValueFilter[n];
        valueCounts = new Map[n];
        distinct = new Set[n];
        hierarchies = new Hierarchy[n];
        suppressedCells = new LongAdder[n];
        vocabulary = new VocabularyPseudonyms[n];
        List<Integer> kept = new ArrayList<>();
        RealValueFilter names = null;
        freshRange = new boolean[n];
        longestDigits = new int[n];
        for (int c = 0; c < n; c++) {
            ColumnMask m = plan.columns().get(c);
            actions[c] = m.action();
            whats[c] = m.what();
            suppressedCells[c] = new LongAdder();
            if (m.action() != MaskAction.DROP) {
                kept.add(c);
            }
            switch (m.action()) {
                case FAKE -> {
                    // made-up whole-number ids go above the real ones: a dense id range leaves no room beside them
                    freshRange[c] = applyReplacements && (m.what() == PersonalData.RECORD_ID
                            || m.what() == PersonalData.CUSTOMER_ID);
                    if (applyReplacements && m.role() == PrivacyRole.DIRECT_IDENTIFIER) {
                        // names share one filter: a made-up last name must not be a real first name either
                        RealValueFilter shared = NAMES.contains(m.what()) ? names : null;
                        if (shared == null) {
                            shared = RealValueFilter.withCapacity(Math.max(1, expectedRows)
                                    * (NAMES.contains(m.what()) ? NAMES.size() : 1));
                            if (NAMES.contains(m.what())) {
                                names = shared;
                            }
                        }
                        realValues[c] = shared;
                    }
                }
                case PSEUDONYMISE -> {
                    pseudonymised[c] = true;
                    freshRange[c] = key == null && applyReplacements;
                    if (applyReplacements && VOCABULARY.contains(m.what())) {
                        distinct[c] = new HashSet<>();
                    }
                }
                case GENERALISE -> hierarchies[c] = Generalisation.parse(m.level(), specs.get(c));
                case SUPPRESS -> hierarchies[c] = Categorical.of().from(1);
                default -> {}
            }
            if (hierarchies[c] != null) {
                valueCounts[c] = new HashMap<>();
            }
        }
        output = kept.stream().mapToInt(Integer::intValue).toArray();
        isReal = new Predicate[n];
        makers = new Fakes.Maker[n];
        for (int c = 0; c < n; c++) {
            RealValueFilter filter = realValues[c];
            isReal[c] = filter == null ? v -> false : filter::mightContain;
            if (applyReplacements && actions[c] == MaskAction.FAKE && this.fakes != null) {
                makers[c] = this.fakes.maker(whats[c]);
            }
        }
        freshCandidate = new boolean[n];
        for (int c = 0; c < n; c++) {
            freshCandidate[c] = freshRange[c] && distinct[c] == null;
        }
        List<String> qis = plan.quasiIdentifiers();
        qiColumns = new int[qis.size()];
        qi = new boolean[n];
        List<Hierarchy> qiHierarchies = new ArrayList<>();
        for (int q = 0; q < qis.size(); q++) {
            int c = indexOf(qis.get(q));
            qiColumns[q] = c;
            qi[c] = true;
            qiHierarchies.add(hierarchies[c] != null ? hierarchies[c] : QuasiHierarchies.forKept(specs.get(c)));
        }
        counter = qiColumns.length == 0 ? null : KAnonymity.counter(qiHierarchies);
    }

    private int indexOf(String name) {
        for (int c = 0; c < specs.size(); c++) {
            if (specs.get(c).name().equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no column named so");
    }

    /** The input columns that reach the output, in order. */
    public int[] outputColumns() {
        return output.clone();
    }

    /** True when some column's values change before the model sees them (generalise, suppress, k-anonymity). */
    public boolean coarsens() {
        for (int c = 0; c < specs.size(); c++) {
            if (hierarchies[c] != null) {
                return true;
            }
        }
        return counter != null && plan.k() > 0;
    }

    /** True when {@link #observe} must see every row (and {@link #merge} every batch) before {@link #mask}. */
    public boolean needsObservation() {
        for (int c = 0; c < specs.size(); c++) {
            if (realValues[c] != null || valueCounts[c] != null || distinct[c] != null) {
                return true;
            }
        }
        return counter != null || inputDigest != null;
    }

    /**
     * Pass 1 for one batch of input rows (null cells are missing). Value counts, distinct values and quasi-identifier
     * tuples do not depend on the order of the batches: they are folded into the stage here, under a lock per
     * structure (or into a concurrent counter), so workers fold batches in parallel. The rest is returned, to be
     * {@linkplain #merge merged} in batch order on one thread: the input's digest (when a key is derived from it) and
     * the fresh-id check depend on the order, and the hashes of real values fakes must avoid go into tables that are
     * quickest filled by one thread. Thread-safe; the caller must not change the rows until this returns.
     */
    public BatchObservation observe(String[][] rows) {
        Observer observer = observer(rows.length);
        observer.add(rows);
        return observer.finish();
    }

    /** An {@link Observer} of one batch of about {@code rows} rows. */
    public Observer observer(int rows) {
        return new Observer(rows);
    }

    /**
     * {@link #observe} of one batch given a slice of rows at a time (each while its cells are still in the
     * processor's cache): {@link #add} the slices in order, then {@link #finish}. The same result as observing the
     * whole batch at once. Not thread-safe: one per batch; observers of different batches may run in parallel.
     */
    public final class Observer {
        private int rows;
        private final long[][] hashes;
        private final int[] hashCount;
        private final Map<String, long[]>[] counts;
        private final Set<String>[] seen;
        private final boolean[] fresh;
        private final int[] longest;
        private final MessageDigest digest;
        private final byte[] digestBuffer;
        private final String[] tuple;

        @SuppressWarnings("unchecked")
        private Observer(int expectedRows) {
            int n = specs.size();
            hashes = new long[n][];
            hashCount = new int[n];
            counts = new Map[n];
            seen = new Set[n];
            fresh = new boolean[n];
            longest = new int[n];
            for (int c = 0; c < n; c++) {
                hashes[c] = realValues[c] != null ? new long[Math.max(16, expectedRows)] : null;
                counts[c] = valueCounts[c] != null ? new HashMap<>() : null;
                seen[c] = distinct[c] != null ? new HashSet<>() : null;
                fresh[c] = freshCandidate[c];
            }
            digest = inputDigest != null ? sha256() : null;
            digestBuffer = digest != null ? new byte[DIGEST_BUFFER] : null;
            tuple = counter != null ? new String[qiColumns.length] : null;
        }

        /** Observes the next rows of the batch (null cells are missing); the caller must not change them. */
        public void add(String[][] slice) {
            rows += slice.length;
            // column by column, each in a small method of its own: quick to compile, and each loop does one thing
            for (int c = 0; c < hashes.length; c++) {
                if (hashes[c] != null) {
                    if (hashCount[c] + slice.length > hashes[c].length) {
                        hashes[c] = Arrays.copyOf(hashes[c], Math.max(2 * hashes[c].length,
                                hashCount[c] + slice.length));
                    }
                    hashCount[c] = hashes(slice, c, hashes[c], hashCount[c]);
                }
                if (counts[c] != null) {
                    countValues(counts[c], slice, c);
                }
                if (seen[c] != null) {
                    addValues(seen[c], slice, c);
                }
                if (fresh[c]) {
                    for (String[] row : slice) {
                        String v = row[c];
                        if (v != null) {
                            fresh[c] = wholeNumber(v) && v.length() <= MAX_FRESH_DIGITS;
                            longest[c] = Math.max(longest[c], v.length());
                            if (!fresh[c]) {
                                break;
                            }
                        }
                    }
                }
            }
            if (tuple != null) {
                addTuples(slice, tuple);
            }
            if (digest != null) {
                digest(slice, digest, digestBuffer);
            }
        }

        /**
         * Folds the batch's value counts and distinct values into the stage (under a lock per structure; start at
         * another column on each thread, so two workers seldom wait for the same lock) and returns the rest, to be
         * {@linkplain #merge merged} in batch order.
         */
        public BatchObservation finish() {
            int n = specs.size();
            int first = (int) Math.floorMod(Thread.currentThread().getId(), (long) Math.max(1, n));
            for (int i = 0; i < n; i++) {
                int c = (first + i) % n;
                if (counts[c] != null) {
                    Map<String, Long> into = valueCounts[c];
                    synchronized (into) {
                        counts[c].forEach((v, count) -> into.merge(v, count[0], Long::sum));
                    }
                }
                if (seen[c] != null) {
                    synchronized (distinct[c]) {
                        distinct[c].addAll(seen[c]);
                    }
                }
            }
            return new BatchObservation(rows, hashes, hashCount, fresh, longest,
                    digest != null ? digest.digest() : null);
        }
    }

    /** The {@link RealValueFilter#hashOf hashes} of the column's values, into {@code into} from {@code at}. */
    private static int hashes(String[][] rows, int c, long[] into, int at) {
        int count = at;
        for (String[] row : rows) {
            String v = row[c];
            if (v != null) {
                into[count++] = RealValueFilter.hashOf(v);
            }
        }
        return count;
    }

    /** Counts the column's values. */
    private static void countValues(Map<String, long[]> counts, String[][] rows, int c) {
        for (String[] row : rows) {
            String v = row[c];
            if (v != null) {
                counts.computeIfAbsent(v, k -> new long[1])[0]++;
            }
        }
    }

    /** Adds the column's values to a set. */
    private static void addValues(Set<String> into, String[][] rows, int c) {
        for (String[] row : rows) {
            String v = row[c];
            if (v != null) {
                into.add(v);
            }
        }
    }

    /** Counts the rows' quasi-identifier tuples (the counter is thread-safe). */
    private void addTuples(String[][] rows, String[] tuple) {
        for (String[] row : rows) {
            for (int q = 0; q < tuple.length; q++) {
                tuple[q] = row[qiColumns[q]];
            }
            counter.addTuple(tuple);
        }
        counter.addRows(rows.length);
    }

    /** Adds the rows' pseudonymised values to a SHA-256, row by row, with their column and length. */
    private void digest(String[][] rows, MessageDigest digest, byte[] buffer) {
        // per value: the column, the UTF-8 length in two bytes, the bytes; gathered in the observer's buffer and hashed
        // in blocks (the same bytes in the same order as updating value by value, at a fraction of the calls)
        int used = 0;
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                String v = row[c];
                if (v != null && pseudonymised[c]) {
                    byte[] bytes = v.getBytes(StandardCharsets.UTF_8);
                    if (used + 3 + bytes.length > buffer.length) {
                        digest.update(buffer, 0, used);
                        used = 0;
                    }
                    if (3 + bytes.length > buffer.length) {
                        digest.update(new byte[] {(byte) c, (byte) (bytes.length >>> 8), (byte) bytes.length});
                        digest.update(bytes);
                        continue;
                    }
                    buffer[used++] = (byte) c;
                    buffer[used++] = (byte) (bytes.length >>> 8);
                    buffer[used++] = (byte) bytes.length;
                    System.arraycopy(bytes, 0, buffer, used, bytes.length);
                    used += bytes.length;
                }
            }
        }
        digest.update(buffer, 0, used);
    }

    /** Bytes gathered before they go to the input digest. */
    private static final int DIGEST_BUFFER = 8192;

    /**
     * Folds what {@link #observe} returned for one batch into pass 1's results. Call it for every batch in batch
     * order, on one thread: the results are then the same whatever thread observed which batch. Not thread-safe; may
     * run while other batches are observed.
     */
    public void merge(BatchObservation batch) {
        for (int c = 0; c < specs.size(); c++) {
            if (batch.realHashes[c] != null) {
                // on this one thread, a column at a time: each filter's table stays in this core's cache
                long[] hashes = batch.realHashes[c];
                RealValueFilter filter = realValues[c];
                for (int i = 0; i < batch.realCount[c]; i++) {
                    filter.addHash(hashes[i]);
                }
            }
            if (freshCandidate[c] && freshRange[c]) {
                longestDigits[c] = Math.max(longestDigits[c], batch.longestDigits[c]);
                freshRange[c] = batch.freshRange[c];
            }
        }
        if (batch.inputDigest != null) {
            inputDigest.update(batch.inputDigest);
        }
    }

    /** Settles rare values, vocabulary pseudonyms and the k-anonymity levels after pass 1. */
    public void solve() {
        if (inputDigest != null) {
            key = PseudonymKey.derived(seed, inputDigest.digest());
            pseudonymiser = Pseudonymiser.of(key, MaskSetup.DOMAIN);
        }
        for (int c = 0; c < specs.size(); c++) {
            if (hierarchies[c] != null) {
                hierarchies[c] = hierarchies[c].fit(valueCounts[c], plan.rareBelow());
            }
            if (distinct[c] != null) {
                vocabulary[c] = VocabularyPseudonyms.assign(key, MaskSetup.DOMAIN, fakes.words(whats[c]), distinct[c]);
                distinct[c] = null;
            }
        }
        if (counter != null) {
            // without a k to enforce, k-anonymity only measures what the profile's coarsening reaches
            kPlan = plan.k() > 0 ? counter.solve(plan.k(), plan.maxSuppressed())
                    : counter.solve(1, 0, plan.rareBelow());
        }
        solved = true;
    }

    /** A {@link Masker} for one thread (or one batch of rows): cheap to make. */
    public Masker masker() {
        return new Masker();
    }

    /**
     * Pass 2 on one thread: masks rows with what a thread reuses from row to row (the layouts of real values it has
     * read). Not thread-safe; each worker makes its own from the stage, which is shared.
     */
    public final class Masker {
        /** Per faked column: the layouts of its real values (null for other columns). */
        private final LayoutReader.OfKind[] layouts;
        /**
         * Per generalised or suppressed column outside k-anonymity: what its hierarchy made of the values met (up to
         * {@value #GENERALISED_ENTRIES}; {@link #NONE} for null). Dates repeat, and reading one takes a date parser.
         */
        private final Map<String, Object>[] generalised;
        /**
         * Per column pseudonymised with format tokens (not a vocabulary) when replacing here: the pseudonyms of the
         * values met; null for other columns.
         */
        private final PseudonymMemo[] pseudonyms;

        @SuppressWarnings("unchecked")
        private Masker() {
            LayoutReader reader = new LayoutReader();
            layouts = new LayoutReader.OfKind[whats.length];
            generalised = new Map[whats.length];
            pseudonyms = new PseudonymMemo[whats.length];
            for (int c = 0; c < whats.length; c++) {
                if (makers[c] != null) {
                    layouts[c] = reader.ofKind(whats[c]);
                }
                if (applyReplacements && actions[c] == MaskAction.PSEUDONYMISE && vocabulary[c] == null) {
                    int column = c;
                    pseudonyms[c] = new PseudonymMemo(v -> pseudonym(column, v));
                }
                if (hierarchies[c] != null) {
                    generalised[c] = new HashMap<>();
                }
            }
        }

        /**
         * The output row for one input row: dropped columns left out, the others masked.
         *
         * @param rnd the batch's random stream (fakes)
         */
        public String[] mask(String[] row, SplittableRandom rnd) {
            String[] masked = maskAll(row, rnd, this);
            String[] out = new String[output.length];
            for (int i = 0; i < output.length; i++) {
                out[i] = masked[output[i]];
            }
            return out;
        }

        /** {@code hierarchies[c].apply(v, 0)}, remembered for the values met. */
        private String generalise(int c, String v) {
            Map<String, Object> known = generalised[c];
            Object g = known.get(v);
            if (g == null) {
                String made = hierarchies[c].apply(v, 0);
                if (known.size() < GENERALISED_ENTRIES) {
                    known.put(v, made == null ? NONE : made);
                }
                return made;
            }
            return g == NONE ? null : (String) g;
        }
    }

    /** Values per column whose generalisation a {@link Masker} remembers. */
    private static final int GENERALISED_ENTRIES = 1 << 14;
    /** Remembers a null generalisation. */
    private static final Object NONE = new Object();

    /**
     * Pass 2 for a table the model learns (run): every column of the row, with generalisation, rare-value
     * suppression and k-anonymity applied, and the columns the model makes up left as they are. Thread-safe.
     */
    public String[] coarsen(String[] row) {
        if (applyReplacements) {
            throw new IllegalStateException("coarsen() is for a stage that leaves replacements to the model");
        }
        return maskAll(row, null, null);
    }

    /** The masked row; {@code masker} is null where nothing is made up (run's coarsening). */
    private String[] maskAll(String[] row, SplittableRandom rnd, Masker masker) {
        if (!solved) {
            throw new IllegalStateException("solve() first");
        }
        String[] masked = row.clone();
        if (kPlan != null) {
            String[] tuple = new String[qiColumns.length];
            for (int q = 0; q < tuple.length; q++) {
                tuple[q] = row[qiColumns[q]];
            }
            String[] coarse = kPlan.apply(tuple);
            for (int q = 0; q < tuple.length; q++) {
                masked[qiColumns[q]] = coarse[q];
            }
        }
        FakePerson person = null;
        for (int c = 0; c < row.length; c++) {
            String v = row[c];
            if (v == null || isQi(c)) {
                continue;
            }
            switch (actions[c]) {
                case GENERALISE, SUPPRESS -> masked[c] = masker != null ? masker.generalise(c, v)
                        : hierarchies[c].apply(v, 0);
                case FAKE -> {
                    if (applyReplacements) {
                        if (person == null && Fakes.personBound(whats[c])) {
                            person = fakes.person(rnd);
                        }
                        Fakes.Drawn drawn = fake(c, v, person, rnd, masker.layouts[c]);
                        person = drawn.person();
                        masked[c] = drawn.value();
                    }
                }
                case PSEUDONYMISE -> {
                    if (applyReplacements) {
                        masked[c] = vocabulary[c] != null ? vocabulary[c].pseudonymOf(v)
                                : masker.pseudonyms[c].of(v);
                    }
                }
                default -> {}
            }
        }
        for (int c = 0; c < row.length; c++) {
            if (row[c] != null && masked[c] == null && actions[c] != MaskAction.DROP) {
                suppressedCells[c].increment();
            }
        }
        return masked;
    }

    /** The format-token pseudonym of a value of column c (not a vocabulary column): a pure function of it. */
    private String pseudonym(int c, String v) {
        return whats[c] == PersonalData.EMAIL ? pseudonymiser.emailToken(v)
                : freshRange[c] ? "1" + pseudonymiser.token(leftPad(v, longestDigits[c]))
                : pseudonymiser.token(v);
    }

    private boolean isQi(int c) {
        return kPlan != null && qi[c];
    }

    private Fakes.Drawn fake(int c, String real, FakePerson person, SplittableRandom rnd, LayoutReader.OfKind layouts) {
        if (freshRange[c] && longestDigits[c] > 0) {
            StringBuilder id = new StringBuilder(longestDigits[c] + 1).append('1');
            for (int i = 0; i < longestDigits[c]; i++) {
                id.append((char) ('0' + rnd.nextInt(10)));
            }
            return new Fakes.Drawn(id.toString(), person);
        }
        return fakes.fakeAvoiding(makers[c], whats[c], person, layouts.layoutOf(real), rnd, isReal[c],
                specs.get(c).name());
    }

    /** How a pseudonymised column's pseudonyms are made, for the manifest (after {@link #solve}). */
    public String pseudonymStyle(int c) {
        if (vocabulary[c] != null) {
            return "vocabulary (a made-up " + whats[c].label() + " per real value)";
        }
        if (whats[c] == PersonalData.EMAIL) {
            return "e-mail token (local part and domain tokenised, top-level domain kept)";
        }
        if (freshRange[c] && longestDigits[c] > 0 && actions[c] == MaskAction.PSEUDONYMISE) {
            return "fresh id range: 1 followed by a " + longestDigits[c] + "-digit token, above every real id";
        }
        return "format token (each character keeps its class)";
    }

    /** How a key derived here is described in the manifest; null when the key was given (or none was needed). */
    public PrivacyManifest.Key derivedKey() {
        return inputDigest == null ? null : new PrivacyManifest.Key(
                "derived from the seed and the input, as no key was set: pseudonyms are consistent within this output"
                        + " but not across files (set $" + plan.keyEnv() + " or privacy.key_file for that)", key.id());
    }

    private static boolean wholeNumber(String v) {
        if (v.isEmpty() || v.charAt(0) == '0' && v.length() > 1) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            if (ch < '0' || ch > '9') {
                return false;
            }
        }
        return true;
    }

    private static String leftPad(String digits, int width) {
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Cells of a column written as missing by masking so far (rare values, generalisation, k-anonymity). */
    public long suppressedCells(int column) {
        return suppressedCells[column].sum();
    }

    /** What k-anonymity reached and cost; null when no column is a quasi-identifier. */
    public PrivacyManifest.KAnonymityReport kAnonymity() {
        if (kPlan == null) {
            return null;
        }
        Map<String, String> levels = new LinkedHashMap<>();
        for (int q = 0; q < qiColumns.length; q++) {
            levels.put(specs.get(qiColumns[q]).name(), kPlan.describeLevels().get(q));
        }
        return new PrivacyManifest.KAnonymityReport(plan.quasiIdentifiers(), plan.k() > 0 ? plan.k() : null,
                kPlan.kReached(), levels, kPlan.suppressedRows(), kPlan.suppressedCells(),
                plan.k() > 0 ? plan.maxSuppressed() : null);
    }
}
