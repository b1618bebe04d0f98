package dev.doppel.model.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.doppel.model.CategoricalColumn;
import dev.doppel.model.CategoricalMarginal;
import dev.doppel.model.FastNormal;
import dev.doppel.model.NumericColumn;
import dev.doppel.model.QuantileMarginal;
import dev.doppel.schema.ColumnKind;
import dev.doppel.schema.ColumnSpec;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The values' correlation under a Gaussian copula and its inverse ({@link ValueCorrelation}), and how much of a latent
 * normal a level keeps ({@link Levels#fidelity}), against closed forms. The marginals are the exact quantile functions
 * sampled at 4,001 knots over z in [−6, 6], so the only errors are the knots' linear interpolation and the
 * integration: a few 1e-4.
 */
class ValueCorrelationTest {
    /** A decimal column of free scale (no rounding) whose value at latent z is g(z). */
    private static NumericColumn column(DoubleUnaryOperator g) {
        int knots = 4_001;
        double[] u = new double[knots];
        double[] x = new double[knots];
        for (int i = 0; i < knots; i++) {
            double z = -6 + 12.0 * i / (knots - 1);
            u[i] = FastNormal.cdf(z);
            x[i] = g.applyAsDouble(z);
        }
        return new NumericColumn(ColumnSpec.of("v", ColumnKind.DECIMAL).withScale(-1), 0, null,
                new QuantileMarginal(u, x));
    }

    /** A normal column's values keep the latent correlation itself. */
    @Test
    void aNormalColumnKeepsTheLatentCorrelation() {
        double[] normal = ValueCorrelation.hermite(column(z -> 3 + 2 * z));
        assertEquals(1, normal[1], 1e-3);
        for (double rho : new double[] {-0.8, -0.3, 0.2, 0.9}) {
            assertEquals(rho, ValueCorrelation.of(normal, normal, rho), 1e-3);
        }
    }

    /**
     * Lognormal values: corr(e^{σX}, Y) = ρσ / √(e^{σ²} − 1) with a normal Y, and corr(e^X, e^Y) = (e^ρ − 1) / (e − 1):
     * 0.563 and 0.479 at ρ = 0.6, where a Gaussian copula's rank correlation would be 0.58.
     */
    @Test
    void lognormalValuesMatchTheirClosedForms() {
        double[] normal = ValueCorrelation.hermite(column(z -> z));
        double[] mild = ValueCorrelation.hermite(column(z -> Math.exp(0.5 * z)));
        double[] heavy = ValueCorrelation.hermite(column(Math::exp));
        assertEquals(0.6 * 0.5 / Math.sqrt(Math.exp(0.25) - 1), ValueCorrelation.of(mild, normal, 0.6), 2e-3);
        assertEquals((Math.exp(0.6) - 1) / (Math.E - 1), ValueCorrelation.of(heavy, heavy, 0.6), 2e-3);
        assertEquals((Math.exp(-0.4) - 1) / (Math.E - 1), ValueCorrelation.of(heavy, heavy, -0.4), 2e-3);
    }

    /**
     * The inverse gives back the latent correlation; a correlation the marginals cannot show (two e^Z columns go down
     * to (e^{−1} − 1) / (e − 1) = −0.37 at most) gets the nearest bound.
     */
    @Test
    void theInverseGivesBackTheLatentCorrelation() {
        double[] heavy = ValueCorrelation.hermite(column(Math::exp));
        double[] normal = ValueCorrelation.hermite(column(z -> z));
        for (double rho : new double[] {-0.7, -0.1, 0, 0.3, 0.9}) {
            assertEquals(rho, ValueCorrelation.latent(ValueCorrelation.of(heavy, normal, rho), heavy, normal), 1e-6);
            assertEquals(rho, ValueCorrelation.latent(ValueCorrelation.of(heavy, heavy, rho), heavy, heavy), 1e-6);
        }
        assertEquals(-ValueCorrelation.MAX_LATENT, ValueCorrelation.latent(-0.5, heavy, heavy), 1e-12);
        assertEquals(ValueCorrelation.MAX_LATENT, ValueCorrelation.latent(1, heavy, normal), 1e-12);
    }

    /**
     * A numeric column's 32 quantile bins keep corr(z, score) = 0.9952 of its latent; an even yes/no keeps √(2/π) =
     * 0.798 (its scores are ±0.674, and E[z | z > 0] = √(2/π)); a single label keeps nothing.
     */
    @Test
    void aLevelKeepsAKnownShareOfItsLatent() {
        assertEquals(0.99519, Levels.fidelity(column(z -> z)), 1e-4);
        CategoricalColumn yesNo = new CategoricalColumn(ColumnSpec.of("flag", ColumnKind.CATEGORICAL), 0,
                new CategoricalMarginal(List.of("no", "yes"), List.of(0.5, 0.5)));
        assertEquals(Math.sqrt(2 / Math.PI), Levels.fidelity(yesNo), 1e-4);
        CategoricalColumn single = new CategoricalColumn(ColumnSpec.of("one", ColumnKind.CATEGORICAL), 0,
                new CategoricalMarginal(List.of("only"), List.of(1.0)));
        assertEquals(0, Levels.fidelity(single), 1e-12);
    }
}
