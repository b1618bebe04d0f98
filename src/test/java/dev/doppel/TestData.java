package dev.doppel;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Finds the real public datasets in {@code ../shared/data} (beside the project root). Tests that need them are
 * skipped, with a message, where the folder is absent (as on a user's machine).
 */
public final class TestData {
    /** Every dataset in the shared folder. */
    public static final List<String> ALL = List.of(
            "telco_churn.csv",
            "bank_marketing.csv",
            "marketing_campaign.tsv",
            "adult.csv",
            "mall_customers.csv",
            "customers_pii_10000.csv",
            "people_pii_1000.csv");

    private TestData() {}

    public static Path folder() {
        String override = System.getenv("DOPPEL_SHARED_DATA");
        return override != null ? Path.of(override) : Path.of("..", "shared", "data").toAbsolutePath().normalize();
    }

    /** The dataset's path; skips the calling test when it is not there. */
    public static Path require(String name) {
        Path file = folder().resolve(name);
        assumeTrue(Files.isRegularFile(file), "skipped: shared dataset " + name + " not found in " + folder()
                + " (set DOPPEL_SHARED_DATA to its folder)");
        return file;
    }
}
