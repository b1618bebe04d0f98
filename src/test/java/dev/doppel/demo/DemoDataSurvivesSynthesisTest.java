package dev.doppel.demo;

import dev.doppel.CliRunner;
import static dev.doppel.CliRunner.doppel;
import static dev.doppel.CliRunner.list;
import static dev.doppel.CliRunner.readCsv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.doppel.error.ExitCodes;
import dev.doppel.CliRunner.Run;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The structure built into the demo data (profiles/data/README.md) survives {@code doppel run profiles/demo.yaml}.
 *
 * <p>Tolerances: the synthetic sample has N = 20,000 rows, so a share p has a sampling standard error of
 * sqrt(p(1-p)/N), at most 0.0035; a rank correlation near 0.9 has one of about (1 - 0.9²)/sqrt(N) = 0.0013. The real
 * statistics come from 3,000 rows (standard errors about 2.4 times larger). Shares are checked to about 5 to 7
 * standard errors. Dependences are checked for sign and rough size only: a Gaussian copula with frequency-band
 * categories weakens links that run through a category or a zero-inflated count (by a third to a half here), and
 * the tests must not pin the current model's exact weakening. The seed is fixed, so the run is deterministic; the
 * margins are for changes to the model, not for chance.
 */
class DemoDataSurvivesSynthesisTest {
    private static final int N = 20_000;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    @TempDir
    static Path tmp;

    static Table real;
    static Table synthetic;

    @BeforeAll
    static void synthesise() {
        real = new Table(readCsv(Path.of("profiles/data/demo_customers.csv"), ","));
        Run run = doppel("run", "profiles/demo.yaml", "-n", Integer.toString(N), "--seed", "11",
                "--output-dir", tmp.toString(), "-q");
        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.OK);
        Path folder = tmp.resolve(list(tmp).get(0));
        synthetic = new Table(readCsv(folder.resolve("synthetic.csv"), ","));
        assertThat(synthetic.rows).hasSize(N);
    }

    @Test
    void churnShareIsKept() {
        double r = real.share(row -> row.get("churned").equals("Yes"));
        double s = synthetic.share(row -> row.get("churned").equals("Yes"));
        assertThat(r).isBetween(0.15, 0.25);
        assertThat(s).isCloseTo(r, within(0.02)); // SE 0.003 (synthetic) and 0.007 (real)
    }

    @Test
    void churnStaysHigherOnMonthlyContractsThanOnTwoYearOnes() {
        double realGap = real.churn("monthly") - real.churn("two-year");
        double synthGap = synthetic.churn("monthly") - synthetic.churn("two-year");
        assertThat(realGap).isGreaterThan(0.15);
        // SE of the synthetic gap about 0.008; the copula keeps about 40% of it today.
        assertThat(synthGap).isGreaterThan(0.25 * realGap);
    }

    @Test
    void churnStaysHigherForNewCustomers() {
        Predicate<Map<String, String>> fresh = row -> Integer.parseInt(row.get("tenure_months")) <= 2;
        Predicate<Map<String, String>> loyal = row -> Integer.parseInt(row.get("tenure_months")) > 24;
        Predicate<Map<String, String>> churned = row -> row.get("churned").equals("Yes");
        double synthGap = synthetic.share(fresh.and(churned)) / synthetic.share(fresh)
                - synthetic.share(loyal.and(churned)) / synthetic.share(loyal);
        assertThat(synthGap).isGreaterThan(0.05); // real gap about 0.3; SE of the synthetic gap about 0.012
    }

    @Test
    void totalSpendRisesWithTenure() {
        Predicate<Map<String, String>> both = row -> !row.get("total_spend").isEmpty();
        double r = real.spearman(both, row -> num(row, "tenure_months"), row -> num(row, "total_spend"));
        double s = synthetic.spearman(both, row -> num(row, "tenure_months"), row -> num(row, "total_spend"));
        assertThat(r).isGreaterThan(0.85);
        assertThat(s).isCloseTo(r, within(0.05));
    }

    @Test
    void monthlyFeeRisesWithThePlan() {
        Map<String, Double> plan = Map.of("Basic", 0.0, "Plus", 1.0, "Premium", 2.0);
        double r = real.spearman(row -> true, row -> plan.get(row.get("plan")), row -> num(row, "monthly_fee"));
        double s = synthetic.spearman(row -> true, row -> plan.get(row.get("plan")), row -> num(row, "monthly_fee"));
        assertThat(r).isGreaterThan(0.8);
        assertThat(s).isGreaterThan(0.5 * r);

        double basic = synthetic.mean(row -> row.get("plan").equals("Basic"), row -> num(row, "monthly_fee"));
        double plus = synthetic.mean(row -> row.get("plan").equals("Plus"), row -> num(row, "monthly_fee"));
        double premium = synthetic.mean(row -> row.get("plan").equals("Premium"), row -> num(row, "monthly_fee"));
        double realGap = real.mean(row -> row.get("plan").equals("Premium"), row -> num(row, "monthly_fee"))
                - real.mean(row -> row.get("plan").equals("Basic"), row -> num(row, "monthly_fee"));
        assertThat(basic).isLessThan(plus);
        assertThat(plus).isLessThan(premium);
        assertThat(premium - basic).isGreaterThan(0.5 * realGap); // fee SD about 8, so SE of the gap about 0.2
    }

    @Test
    void totalSpendIsMissingAsOftenAndMostlyForNewCustomers() {
        Predicate<Map<String, String>> missing = row -> row.get("total_spend").isEmpty();
        double r = real.share(missing);
        double s = synthetic.share(missing);
        assertThat(r).isBetween(0.03, 0.07);
        assertThat(s).isCloseTo(r, within(0.01)); // SE 0.0015 (synthetic) and 0.004 (real)
        double newAmongMissing = synthetic.share(missing.and(row -> num(row, "tenure_months") <= 2)) / s;
        assertThat(newAmongMissing).isGreaterThan(0.8); // 1.0 in the real data; about 0.98 today
    }

    @Test
    void rareRegionsArePooledAndNeverWrittenOut() {
        assertThat(real.share(row -> row.get("region").equals("Bremen"))).isPositive();
        assertThat(synthetic.rows).noneMatch(row -> row.get("region").equals("Bremen") || row.get("region").equals("Saarland"));
        double other = synthetic.share(row -> row.get("region").equals("(other)"));
        assertThat(other).isCloseTo(6.0 / 3000, within(0.002)); // about 40 of 20,000 rows; SD about 6 rows
    }

    @Test
    void valuesKeepTheirFormats() {
        assertThat(synthetic.rows).allSatisfy(row -> {
            assertThat(row.get("customer_id")).matches("[A-Z]-\\d{6}");
            LocalDate.parse(row.get("signup_date"), DATE);
            LocalDateTime.parse(row.get("last_login"), DATE_TIME);
            assertThat(Integer.parseInt(row.get("age"))).isBetween(18, 90);
            assertThat(row.get("monthly_fee")).matches("\\d+\\.\\d{2}");
            assertThat(row.get("total_spend")).matches("(\\d+\\.\\d{2})?");
            assertThat(row.get("newsletter")).isIn("yes", "no");
            assertThat(row.get("churned")).isIn("Yes", "No");
            assertThat(row.get("plan")).isIn("Basic", "Plus", "Premium");
            assertThat(row.get("contract")).isIn("monthly", "annual", "two-year");
        });
    }

    private static double num(Map<String, String> row, String column) {
        return Double.parseDouble(row.get(column));
    }

    /** A CSV file as rows of column name to cell. */
    static final class Table {
        final List<Map<String, String>> rows;

        Table(List<List<String>> records) {
            List<String> header = records.get(0);
            rows = records.subList(1, records.size()).stream().map(r -> {
                Map<String, String> row = new java.util.HashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    row.put(header.get(i), r.get(i));
                }
                return row;
            }).toList();
        }

        double share(Predicate<Map<String, String>> p) {
            return (double) rows.stream().filter(p).count() / rows.size();
        }

        double mean(Predicate<Map<String, String>> filter, ToDoubleFunction<Map<String, String>> value) {
            return rows.stream().filter(filter).mapToDouble(value).average().orElseThrow();
        }

        double churn(String contract) {
            return mean(row -> row.get("contract").equals(contract), row -> row.get("churned").equals("Yes") ? 1 : 0);
        }

        double spearman(Predicate<Map<String, String>> filter, ToDoubleFunction<Map<String, String>> x,
                ToDoubleFunction<Map<String, String>> y) {
            List<Map<String, String>> kept = rows.stream().filter(filter).toList();
            return new SpearmansCorrelation().correlation(
                    kept.stream().mapToDouble(x).toArray(), kept.stream().mapToDouble(y).toArray());
        }
    }
}
