package dev.doppel.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.doppel.schema.ColumnKind;
import dev.doppel.schema.ColumnSpec;
import dev.doppel.stats.Correlations;
import dev.doppel.table.FileDialect;
import dev.doppel.table.RawTable;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GaussianCopulaTest {
    @Test
    void choleskyFactorReproducesTheTargetCorrelation() {
        double[][] target = {{1, 0.8, 0.3}, {0.8, 1, 0.5}, {0.3, 0.5, 1}};
        GaussianCopula copula = new GaussianCopula(List.of("a", "b", "c"), target, 0);
        SplittableRandom r = new SplittableRandom(7);
        int n = 200_000;
        double[][] z = new double[3][n];
        double[] eps = new double[3];
        double[] out = new double[3];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3; j++) {
                eps[j] = r.nextGaussian();
            }
            copula.correlate(eps, out);
            for (int j = 0; j < 3; j++) {
                z[j][i] = out[j];
            }
        }
        double[][] est = Correlations.pearson(z);
        // SE of r is about (1 - r^2)/sqrt(n) <= 0.0023; allow 4 SE
        assertThat(est[0][1]).isCloseTo(0.8, within(0.01));
        assertThat(est[1][2]).isCloseTo(0.5, within(0.01));
        assertThat(est[0][2]).isCloseTo(0.3, within(0.01));
    }

    @Test
    void repairsAnIndefiniteMatrixByShrinkingTowardsIdentity() {
        double[][] impossible = {{1, 0.9, -0.9}, {0.9, 1, 0.9}, {-0.9, 0.9, 1}};
        GaussianCopula copula = GaussianCopula.repaired(List.of("a", "b", "c"), impossible);
        assertThat(copula.shrinkage()).isGreaterThan(0);
        assertThat(copula.correlation()[0][1]).isLessThan(0.9).isGreaterThan(0);
    }

    @Test
    void fittingRecoversAKnownCorrelationBetweenNumericColumns() {
        int n = 20_000;
        double rho = 0.7;
        SplittableRandom r = new SplittableRandom(11);
        String[] x = new String[n];
        String[] y = new String[n];
        for (int i = 0; i < n; i++) {
            double a = r.nextGaussian();
            double b = rho * a + Math.sqrt(1 - rho * rho) * r.nextGaussian();
            x[i] = String.format(java.util.Locale.ROOT, "%.3f", 50 + 10 * a);
            y[i] = String.format(java.util.Locale.ROOT, "%.3f", Math.exp(b)); // a monotone transform: copula unchanged
        }
        RawTable table = table(List.of("x", "y"), List.of(x, y));
        List<ColumnSpec> specs = List.of(
                ColumnSpec.of("x", ColumnKind.DECIMAL).withScale(3), ColumnSpec.of("y", ColumnKind.DECIMAL).withScale(3));
        SynthModel model = CopulaFitter.fit(table, specs, FitSettings.DEFAULTS, "test");
        // normal-score correlation of a bivariate normal is rho itself; SE (1 - rho^2)/sqrt(n) = 0.0036, allow ~4 SE
        assertThat(model.copula().correlation()[0][1]).isCloseTo(rho, within(0.015));
        // Spearman of a bivariate normal: (6/pi) asin(rho/2)
        double spearman = 6 / Math.PI * Math.asin(rho / 2);
        assertThat(model.reference().spearman()[0][1]).isCloseTo(spearman, within(0.015));
    }

    @Test
    void learnsHowMissingnessGoesWithAnotherColumn() {
        // y is missing exactly when x is small: the copula must put missing y with low x
        int n = 5_000;
        SplittableRandom r = new SplittableRandom(12);
        String[] x = new String[n];
        String[] y = new String[n];
        for (int i = 0; i < n; i++) {
            double a = r.nextGaussian();
            x[i] = String.format(java.util.Locale.ROOT, "%.2f", a);
            y[i] = a < -1 ? null : String.format(java.util.Locale.ROOT, "%.2f", r.nextGaussian());
        }
        SynthModel model = CopulaFitter.fit(table(List.of("x", "y"), List.of(x, y)),
                List.of(ColumnSpec.of("x", ColumnKind.DECIMAL).withScale(2), ColumnSpec.of("y", ColumnKind.DECIMAL).withScale(2)),
                FitSettings.DEFAULTS, "test");
        assertThat(model.columns().get(1).missingShare()).isCloseTo(0.1587, within(0.015)); // P(Z < -1)
        assertThat(model.copula().correlation()[0][1]).as("missing sits at the low end of y's scores").isGreaterThan(0.3);
    }

    static RawTable table(List<String> names, List<String[]> columns) {
        int n = columns.get(0).length;
        int[] lines = new int[n];
        for (int i = 0; i < n; i++) {
            lines[i] = i + 2;
        }
        List<String> markers = new ArrayList<>();
        names.forEach(name -> markers.add(""));
        return new RawTable("test.csv", names, columns, markers, FileDialect.RFC4180, lines);
    }
}
