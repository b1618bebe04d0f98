package dev.doppel.model;

import dev.doppel.table.FileDialect;
import java.util.List;
import java.util.Optional;
import dev.doppel.model.tree.TreeSequence;

/**
 * A fitted model: everything needed to generate synthetic rows, and nothing from which a real row could be read
 * back. Saved as JSON by {@code ModelFile}.
 *
 * @param format always {@link #FORMAT}
 * @param version the model file version, {@link #VERSION}
 * @param doppel the version of Doppel that wrote it
 * @param privacy a statement of what the file holds
 * @param source the input's file name and size (no folder)
 * @param dialect how the input was written, so CSV output matches it
 * @param settings the settings it was fitted with
 * @param columns one entry per output column, in input order
 * @param copula the dependence between the columns that take part in it
 * @param reference statistics of the real data the summary compares against
 * @param notes what fitting had to warn about (no values)
 * @param trees the sequential tree model that draws the numeric and categorical columns instead of the copula, or null
 *     for a copula model
 * @param constraints rules every generated row keeps, applied after the model has drawn a batch (empty for models
 *     written before constraints existed)
 */
public record SynthModel(
        String format,
        int version,
        String doppel,
        String privacy,
        Source source,
        FileDialect dialect,
        FitSettings settings,
        List<ColumnModel> columns,
        GaussianCopula copula,
        Reference reference,
        List<String> notes,
        TreeSequence trees,
        List<Constraint> constraints) {

    public static final String FORMAT = "doppel-model";
    public static final int VERSION = 1;
    public static final String PRIVACY_STATEMENT = "Aggregates only: quantile knots that are means of at least k rows,"
            + " labels seen at least k times with their shares, character-class shapes, and correlations."
            + " No row of the input is stored.";

    public SynthModel {
        columns = List.copyOf(columns);
        notes = List.copyOf(notes);
        constraints = constraints == null ? List.of() : List.copyOf(constraints);
    }

    /** A copula model without constraints. */
    public SynthModel(String format, int version, String doppel, String privacy, Source source, FileDialect dialect,
            FitSettings settings, List<ColumnModel> columns, GaussianCopula copula, Reference reference,
            List<String> notes) {
        this(format, version, doppel, privacy, source, dialect, settings, columns, copula, reference, notes, null,
                List.of());
    }

    /** The same model with other columns, reference, notes and constraints (what constraints change after fitting). */
    public SynthModel withConstraints(List<ColumnModel> newColumns, Reference newReference, List<String> newNotes,
            List<Constraint> newConstraints) {
        return new SynthModel(format, version, doppel, privacy, source, dialect, settings, newColumns, copula,
                newReference, newNotes, trees, newConstraints);
    }

    /** This model with its numeric and categorical columns drawn by trees instead of the copula. */
    public SynthModel withTrees(TreeSequence sequence) {
        return new SynthModel(format, version, doppel, privacy + " " + sequence.privacy(), source, dialect, settings,
                columns, copula, reference, notes, sequence, constraints);
    }

    /** This model with one more note. */
    public SynthModel withNote(String note) {
        List<String> more = new java.util.ArrayList<>(notes);
        more.add(note);
        return new SynthModel(format, version, doppel, privacy, source, dialect, settings, columns, copula, reference,
                more, trees, constraints);
    }

    /** "tree" or "copula": what draws the numeric and categorical columns. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public String kind() {
        return trees != null ? "tree" : "copula";
    }

    /** This model with {@code source.input_rows} set: it learnt a sample of an input of that many rows. */
    public SynthModel withInputRows(long inputRows) {
        return new SynthModel(format, version, doppel, privacy,
                new Source(source.file(), source.rows(), source.columns(), inputRows), dialect, settings, columns,
                copula, reference, notes, trees, constraints);
    }

    /**
     * @param file the input's file name (or folder name)
     * @param rows rows fitted on
     * @param columns columns in the input
     * @param inputRows the input's rows when the model learnt a random sample of them; null (not written) when it
     *     learnt them all
     */
    public record Source(String file, int rows, int columns,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            Long inputRows) {
        /** A model that learnt every row of its input. */
        public Source(String file, int rows, int columns) {
            this(file, rows, columns, null);
        }
    }

    /**
     * Rank (Spearman) correlations between numeric columns of the real data, for the fidelity summary.
     *
     * @param columns the numeric columns
     * @param spearman their correlation matrix
     */
    public record Reference(List<String> columns, double[][] spearman) {
        @Override
        public String toString() {
            return "Reference[" + columns.size() + " columns]";
        }
    }

    public Optional<ColumnModel> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
