package dev.doppel.evaluate.risk;

/**
 * Rows laid out for distance work by a {@link GowerSpace}: numbers already scaled by the training range (so a
 * difference of 1 is the whole range), label codes as they are, one row after another so a distance reads two short
 * contiguous runs of memory. Holds cell values: never printed, never written.
 */
final class GowerRows {
    final int rows;
    final int numberCount;
    final int labels;
    final double[] numbers;
    final int[] codes;

    GowerRows(int rows, int numberCount, int labels, double[] numbers, int[] codes) {
        this.rows = rows;
        this.numberCount = numberCount;
        this.labels = labels;
        this.numbers = numbers;
        this.codes = codes;
    }

    /** The rows at the given positions, in that order. */
    GowerRows select(int[] positions) {
        double[] n = new double[positions.length * numberCount];
        int[] c = new int[positions.length * labels];
        for (int i = 0; i < positions.length; i++) {
            System.arraycopy(numbers, positions[i] * numberCount, n, i * numberCount, numberCount);
            System.arraycopy(codes, positions[i] * labels, c, i * labels, labels);
        }
        return new GowerRows(positions.length, numberCount, labels, n, c);
    }

    @Override
    public String toString() {
        return "GowerRows[" + rows + " rows]"; // never cells
    }
}
