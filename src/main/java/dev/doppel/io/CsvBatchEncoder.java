package dev.doppel.io;

import dev.doppel.generate.Batch;
import dev.doppel.model.CategoricalColumn;
import dev.doppel.model.ColumnModel;
import dev.doppel.model.NumericColumn;
import dev.doppel.schema.ColumnKind;
import dev.doppel.schema.ColumnSpec;
import dev.doppel.schema.TemporalLayout;
import dev.doppel.table.FileDialect;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Turns batches into CSV bytes in a given dialect: each value in the input's own spelling (labels as they were,
 * decimals at their scale, dates in their layout, missing cells as the input's marker). Thread-safe, so workers can
 * encode batches in parallel while one thread writes them in order.
 */
public final class CsvBatchEncoder {
    private final List<ColumnModel> columns;
    private final FileDialect dialect;
    private final String separator;
    private final String[][] labels; // per categorical column, escaped
    private final String[] missing; // per column, escaped
    private final TemporalLayout[] layouts;
    private final int[] scales;
    private final ColumnKind[] kinds;

    public CsvBatchEncoder(List<ColumnModel> columns, FileDialect dialect) {
        this.columns = List.copyOf(columns);
        this.dialect = dialect;
        this.separator = dialect.delimiter() + (dialect.spaceAfterDelimiter() ? " " : "");
        int n = columns.size();
        labels = new String[n][];
        missing = new String[n];
        layouts = new TemporalLayout[n];
        scales = new int[n];
        kinds = new ColumnKind[n];
        for (int c = 0; c < n; c++) {
            ColumnModel m = columns.get(c);
            ColumnSpec spec = m.spec();
            kinds[c] = spec.kind();
            missing[c] = escape(spec.missing(), false);
            scales[c] = spec.scale();
            if (m instanceof CategoricalColumn cat) {
                labels[c] = cat.marginal().labels().stream().map(l -> escape(l, true)).toArray(String[]::new);
            } else if (m instanceof NumericColumn && (kinds[c] == ColumnKind.DATE || kinds[c] == ColumnKind.DATETIME)) {
                layouts[c] = TemporalLayout.of(spec.layout(), kinds[c] == ColumnKind.DATETIME);
            }
        }
    }

    /** The header line, names quoted as the input quoted them. */
    public byte[] header() {
        StringBuilder sb = new StringBuilder();
        if (dialect.bom()) {
            sb.append('\uFEFF');
        }
        for (int c = 0; c < columns.size(); c++) {
            if (c > 0) {
                sb.append(separator);
            }
            sb.append(escape(columns.get(c).name(), true));
        }
        sb.append(dialect.lineSeparator());
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    public byte[] encode(Batch batch) {
        int rows = batch.size();
        StringBuilder sb = new StringBuilder(rows * columns.size() * 8);
        String eol = dialect.lineSeparator();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < kinds.length; c++) {
                if (c > 0) {
                    sb.append(separator);
                }
                appendCell(sb, batch, c, r);
            }
            sb.append(eol);
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void appendCell(StringBuilder sb, Batch batch, int c, int r) {
        switch (kinds[c]) {
            case INTEGER -> {
                double v = batch.numbers(c)[r];
                if (Double.isNaN(v)) {
                    sb.append(missing[c]);
                } else {
                    sb.append((long) v);
                }
            }
            case DECIMAL -> {
                double v = batch.numbers(c)[r];
                if (Double.isNaN(v)) {
                    sb.append(missing[c]);
                } else {
                    appendDecimal(sb, v, scales[c]);
                }
            }
            case DATE, DATETIME -> {
                double v = batch.numbers(c)[r];
                sb.append(Double.isNaN(v) ? missing[c] : escape(layouts[c].format(v), false));
            }
            case BOOLEAN, CATEGORICAL -> {
                int code = batch.codes(c)[r];
                sb.append(code < 0 ? missing[c] : labels[c][code]);
            }
            case IDENTIFIER, TEXT -> {
                String s = batch.strings(c)[r];
                sb.append(s == null ? missing[c] : escape(s, true));
            }
            case EMPTY -> sb.append(missing[c]);
            default -> throw new AssertionError(kinds[c]);
        }
    }

    /** Appends v with exactly {@code scale} digits after the point (scale < 0: shortest exact form). */
    static void appendDecimal(StringBuilder sb, double v, int scale) {
        if (scale < 0 || scale > 15 || Math.abs(v) >= 1e15) {
            sb.append(BigDecimal.valueOf(v).stripTrailingZeros().toPlainString());
            return;
        }
        long factor = 1;
        for (int i = 0; i < scale; i++) {
            factor *= 10;
        }
        long scaled = Math.round(Math.abs(v) * factor);
        if (v < 0 && scaled != 0) {
            sb.append('-');
        }
        sb.append(scaled / factor);
        if (scale > 0) {
            sb.append('.');
            String frac = Long.toString(scaled % factor);
            for (int i = frac.length(); i < scale; i++) {
                sb.append('0');
            }
            sb.append(frac);
        }
    }

    /** Quotes a value when it needs it (separator, quote, line break, edge spaces) or when the input quoted text. */
    private String escape(String value, boolean text) {
        boolean needs = value.indexOf(dialect.delimiter()) >= 0
                || value.indexOf('"') >= 0
                || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0
                || (text && !value.isEmpty() && (value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' ')
                        && !dialect.spaceAfterDelimiter());
        if (!needs && !(text && dialect.quoteText())) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
