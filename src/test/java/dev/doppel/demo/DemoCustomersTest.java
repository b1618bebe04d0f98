package dev.doppel.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doppel.demo.DemoCustomers.Customer;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The generator makes the structure profiles/data/README.md promises. */
class DemoCustomersTest {
    private static final List<Customer> CUSTOMERS = DemoCustomers.customers();

    @Test
    void idsAreUniqueIncreasingAndShapedLikeC004211() {
        assertThat(CUSTOMERS).hasSize(DemoCustomers.ROWS);
        assertThat(CUSTOMERS).extracting(Customer::id).allMatch(id -> id.matches("C-\\d{6}")).isSorted();
        assertThat(new HashSet<>(CUSTOMERS.stream().map(Customer::id).toList())).hasSize(DemoCustomers.ROWS);
    }

    @Test
    void totalSpendIsMissingExactlyForCustomersWithoutTenure() {
        assertThat(CUSTOMERS).allMatch(c -> (c.totalSpendCents() == null) == (c.tenureMonths() == 0));
        long missing = CUSTOMERS.stream().filter(c -> c.totalSpendCents() == null).count();
        assertThat(missing).isBetween(60L, 300L); // 15% new x 1/3 with tenure 0 = 5% of 3,000 = 150 expected
    }

    @Test
    void ageIsWithinEighteenToNinetyAndRightSkewed() {
        int[] ages = CUSTOMERS.stream().mapToInt(Customer::age).sorted().toArray();
        assertThat(ages[0]).isGreaterThanOrEqualTo(18);
        assertThat(ages[ages.length - 1]).isLessThanOrEqualTo(90);
        double mean = CUSTOMERS.stream().mapToInt(Customer::age).average().orElseThrow();
        assertThat(mean).isGreaterThan(ages[ages.length / 2] + 1.0); // mean above median: a long right tail
    }

    @Test
    void twoRegionsAreRarerThanTheDefaultMinGroupAndTheOthersAreCommon() {
        Map<String, Long> counts = CUSTOMERS.stream().collect(Collectors.groupingBy(Customer::region, Collectors.counting()));
        assertThat(counts).hasSize(12);
        assertThat(counts.get("Bremen")).isBetween(1L, 4L);
        assertThat(counts.get("Saarland")).isBetween(1L, 4L);
        counts.forEach((region, n) -> {
            if (!region.equals("Bremen") && !region.equals("Saarland")) {
                assertThat(n).as(region).isGreaterThan(50L);
            }
        });
    }

    @Test
    void feeRisesWithThePlanAndFallsWithTheContractLength() {
        double[] byPlan = new double[3];
        for (int plan = 0; plan < 3; plan++) {
            int p = plan;
            byPlan[plan] = mean(c -> c.plan() == p, c -> c.monthlyFeeCents());
        }
        assertThat(byPlan[0]).isLessThan(byPlan[1]);
        assertThat(byPlan[1]).isLessThan(byPlan[2]);
        double basicMonthly = mean(c -> c.plan() == 0 && c.contract() == 0, c -> c.monthlyFeeCents());
        double basicTwoYear = mean(c -> c.plan() == 0 && c.contract() == 2, c -> c.monthlyFeeCents());
        assertThat(basicTwoYear).isLessThan(basicMonthly);
    }

    @Test
    void churnIsHighestOnMonthlyContractsAndShortTenure() {
        double monthly = mean(c -> c.contract() == 0, c -> c.churned() ? 1 : 0);
        double annual = mean(c -> c.contract() == 1, c -> c.churned() ? 1 : 0);
        double twoYear = mean(c -> c.contract() == 2, c -> c.churned() ? 1 : 0);
        assertThat(monthly).isGreaterThan(annual + 0.05);
        assertThat(annual).isGreaterThan(twoYear);
        double fresh = mean(c -> c.tenureMonths() <= 2, c -> c.churned() ? 1 : 0);
        double loyal = mean(c -> c.tenureMonths() > 24, c -> c.churned() ? 1 : 0);
        assertThat(fresh).isGreaterThan(loyal + 0.15);
        assertThat(mean(c -> true, c -> c.churned() ? 1 : 0)).isBetween(0.12, 0.30);
    }

    @Test
    void supportCallsAreZeroInflated() {
        double zero = mean(c -> true, c -> c.supportCalls() == 0 ? 1 : 0);
        assertThat(zero).isBetween(0.5, 0.75);
        assertThat(CUSTOMERS).anyMatch(c -> c.supportCalls() >= 4);
    }

    @Test
    void datesAreConsistentWithTenureAndTheSnapshot() {
        assertThat(CUSTOMERS).allSatisfy(c -> {
            assertThat(c.signup()).isBeforeOrEqualTo(DemoCustomers.SNAPSHOT.minusMonths(c.tenureMonths()));
            assertThat(c.lastLogin()).isAfterOrEqualTo(c.signup().atStartOfDay());
            assertThat(c.lastLogin()).isBeforeOrEqualTo(DemoCustomers.SNAPSHOT.atTime(23, 59, 59));
        });
    }

    @Test
    void everyLineHasFourteenPlainFields() {
        assertThat(CUSTOMERS).allSatisfy(c -> {
            String line = c.csvLine();
            assertThat(line).doesNotContain("\"", "\n", "\r");
            assertThat(line.split(",", -1)).hasSize(DemoCustomers.HEADER.size());
        });
    }

    private static double mean(Predicate<Customer> filter, java.util.function.ToDoubleFunction<Customer> value) {
        return CUSTOMERS.stream().filter(filter).mapToDouble(value).average().orElseThrow();
    }
}
