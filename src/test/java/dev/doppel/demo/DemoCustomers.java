package dev.doppel.demo;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The seeded generator of {@code profiles/data/demo_customers.csv}: 3,000 made-up customers of a German subscription
 * service with a known structure (profiles/data/README.md describes it). Nothing in it comes from real people.
 *
 * <p>Reproducible byte for byte: one {@link SplittableRandom} with a fixed seed, of which only {@code nextLong()} is
 * used (its algorithm has been the same since Java 8); every transcendental function is {@link StrictMath} (exact
 * across JVMs and CPUs); money is whole cents in {@code long}; text is formatted with {@link Locale#ROOT}; lines end in
 * LF; the file is UTF-8 without a BOM. {@code DemoCustomersGoldenTest} checks the committed file against this class.
 */
public final class DemoCustomers {
    public static final long SEED = 20240630L;
    public static final int ROWS = 3000;
    /** The day the table was "exported": tenure, signup and last login are counted back from it. */
    public static final LocalDate SNAPSHOT = LocalDate.of(2024, 6, 30);

    public static final List<String> HEADER = List.of(
            "customer_id", "signup_date", "age", "gender", "region", "plan", "contract", "tenure_months",
            "monthly_fee", "total_spend", "newsletter", "support_calls", "last_login", "churned");

    /** Twelve German states; the last two are rare on purpose (about 2 rows each) so rare-label pooling shows. */
    static final String[] REGIONS = {
        "Nordrhein-Westfalen", "Bayern", "Baden-Württemberg", "Niedersachsen", "Hessen", "Sachsen", "Berlin",
        "Rheinland-Pfalz", "Hamburg", "Schleswig-Holstein", "Bremen", "Saarland"
    };
    static final double[] REGION_WEIGHTS = {22, 17, 14, 10, 8, 6, 6, 5, 4, 3.86, 0.07, 0.07};

    static final String[] PLANS = {"Basic", "Plus", "Premium"};
    /** List prices in cents per plan. */
    static final long[] PLAN_PRICE_CENTS = {1499, 2499, 3999};
    static final String[] CONTRACTS = {"monthly", "annual", "two-year"};
    /** Price factor in percent per contract: longer commitments are cheaper. */
    static final long[] CONTRACT_FACTOR_PERCENT = {100, 90, 85};
    static final long ADDON_CENTS = 350;

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu", Locale.ROOT);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);

    /** One generated customer, with the generator's hidden variables kept for tests. */
    public record Customer(
            String id,
            LocalDate signup,
            int age,
            String gender,
            String region,
            int plan,
            int contract,
            int tenureMonths,
            long monthlyFeeCents,
            Long totalSpendCents,
            boolean newsletter,
            int supportCalls,
            LocalDateTime lastLogin,
            boolean churned) {

        String csvLine() {
            return String.join(",",
                    id,
                    DATE.format(signup),
                    Integer.toString(age),
                    gender,
                    region,
                    PLANS[plan],
                    CONTRACTS[contract],
                    Integer.toString(tenureMonths),
                    money(monthlyFeeCents),
                    totalSpendCents == null ? "" : money(totalSpendCents),
                    newsletter ? "yes" : "no",
                    Integer.toString(supportCalls),
                    DATE_TIME.format(lastLogin),
                    churned ? "Yes" : "No");
        }
    }

    private final SplittableRandom random;

    private DemoCustomers(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** The customers of the committed file. */
    public static List<Customer> customers() {
        return new DemoCustomers(SEED).generate(ROWS);
    }

    /** The committed file's exact bytes. */
    public static byte[] csvBytes() {
        StringBuilder sb = new StringBuilder(ROWS * 128);
        sb.append(String.join(",", HEADER)).append('\n');
        for (Customer c : customers()) {
            sb.append(c.csvLine()).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private List<Customer> generate(int rows) {
        List<Customer> out = new ArrayList<>(rows);
        long id = 1000 + below(900);
        for (int i = 0; i < rows; i++) {
            id += 1 + below(7); // increasing, unique, with gaps: not a row counter
            out.add(customer(id));
        }
        return out;
    }

    private Customer customer(long number) {
        String id = String.format(Locale.ROOT, "C-%06d", number);

        double g = unit();
        String gender = g < 0.49 ? "female" : g < 0.98 ? "male" : "diverse";

        // Right-skewed age: 18 + a gamma(2, 11 years) (mode 29, mean 40), redrawn above 90.
        int age;
        do {
            age = 18 + (int) StrictMath.floor(-11 * (StrictMath.log(1 - unit()) + StrictMath.log(1 - unit())));
        } while (age > 90);

        String region = REGIONS[pick(REGION_WEIGHTS)];

        // Older customers buy Premium more often.
        double premium = StrictMath.min(0.35, 0.10 + 0.004 * (age - 18));
        int plan = pick(new double[] {1 - 0.32 - premium, 0.32, premium});

        // Premium customers commit for longer.
        int contract = plan == 2 ? pick(new double[] {0.40, 0.35, 0.25}) : pick(new double[] {0.58, 0.28, 0.14});

        // Tenure: 15% joined in the last three months (0, 1 or 2); the rest 3 + an exponential whose mean grows
        // with the contract's length, redrawn above 72.
        int tenure;
        if (unit() < 0.15) {
            tenure = below(3);
        } else {
            double mean = new double[] {12, 26, 38}[contract];
            do {
                tenure = 3 + (int) StrictMath.floor(-mean * StrictMath.log(1 - unit()));
            } while (tenure > 72);
        }
        LocalDate signup = SNAPSHOT.minusMonths(tenure).minusDays(below(28));

        // Fee: list price of the plan x contract discount x an occasional promotion, plus 0-4 add-ons at 3.50.
        long promoPercent = unit() < 0.2 ? 5 + below(16) : 0;
        long addons = StrictMath.min(4, poisson(0.6));
        long fee = (PLAN_PRICE_CENTS[plan] * CONTRACT_FACTOR_PERCENT[contract] * (100 - promoPercent) + 5000) / 10000
                + ADDON_CENTS * addons;

        // Total spend: tenure x fee with log-normal noise (price changes, extras); nothing billed yet at tenure 0.
        Long total = tenure == 0 ? null
                : (long) StrictMath.floor(tenure * fee * StrictMath.exp(0.08 * normal()) + 0.5);

        double newsletterShare = age < 35 ? 0.55 : age < 55 ? 0.35 : 0.25;
        boolean newsletter = unit() < newsletterShare;

        // Support calls: half the customers never call; the others call Poisson(1.2), Poisson(2.0) on Basic.
        int calls = unit() < 0.5 ? 0 : poisson(plan == 0 ? 2.0 : 1.2);

        // Churn: logistic in contract, tenure and support calls.
        double logit = -2.6
                + (contract == 0 ? 1.7 : contract == 1 ? 0.5 : 0)
                - 0.035 * StrictMath.min(tenure, 48)
                + (tenure <= 2 ? 0.8 : 0)
                + 0.3 * calls;
        boolean churned = unit() < 1 / (1 + StrictMath.exp(-logit));

        // Last login: days back from the snapshot's end, exponential with mean 5 days (40 when churned), never
        // before the signup day.
        double meanDays = churned ? 40 : 5;
        long secondsBack = (long) StrictMath.floor(-meanDays * 86_400 * StrictMath.log(1 - unit()));
        LocalDateTime login = SNAPSHOT.atTime(23, 59, 59).minusSeconds(secondsBack);
        if (login.isBefore(signup.atStartOfDay())) {
            login = signup.atTime(8 + below(12), below(60), below(60));
        }

        return new Customer(id, signup, age, gender, region, plan, contract, tenure, fee, total, newsletter, calls,
                login, churned);
    }

    /** Uniform in [0, 1) from the top 53 bits of one long. */
    private double unit() {
        return (random.nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in 0..n-1 (the bias of the modulo is below 1e-15 for these n). */
    private int below(int n) {
        return (int) ((random.nextLong() >>> 1) % n);
    }

    /** Standard normal (Box-Muller, one of the pair). */
    private double normal() {
        double u = 1 - unit(); // (0, 1]
        double v = unit();
        return StrictMath.sqrt(-2 * StrictMath.log(u)) * StrictMath.cos(2 * StrictMath.PI * v);
    }

    /** Poisson by multiplying uniforms (fine for small means). */
    private int poisson(double mean) {
        double limit = StrictMath.exp(-mean);
        double product = unit();
        int k = 0;
        while (product > limit) {
            product *= unit();
            k++;
        }
        return k;
    }

    private int pick(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double u = unit() * total;
        for (int i = 0; i < weights.length - 1; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    static String money(long cents) {
        return String.format(Locale.ROOT, "%d.%02d", cents / 100, cents % 100);
    }

    /** Writes the file: {@code java ... dev.doppel.demo.DemoCustomers [FILE]} (the golden test does the same). */
    public static void main(String[] args) throws java.io.IOException {
        java.nio.file.Path file = java.nio.file.Path.of(args.length > 0 ? args[0] : "profiles/data/demo_customers.csv");
        java.nio.file.Files.createDirectories(file.toAbsolutePath().getParent());
        java.nio.file.Files.write(file, csvBytes());
    }
}
