package dev.doppel.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.doppel.schema.ColumnSpec;

/**
 * What the model knows about one column: its spec (kind and format) and the aggregates needed to generate it.
 * Columns that take part in the copula are {@link NumericColumn} and {@link CategoricalColumn}; identifiers and free
 * text are generated on their own, from their shape.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "model")
@JsonSubTypes({
    @JsonSubTypes.Type(value = NumericColumn.class, name = "quantiles"),
    @JsonSubTypes.Type(value = CategoricalColumn.class, name = "categories"),
    @JsonSubTypes.Type(value = IdentifierColumn.class, name = "identifier"),
    @JsonSubTypes.Type(value = TextColumn.class, name = "text"),
    @JsonSubTypes.Type(value = EmptyColumn.class, name = "empty")
})
public sealed interface ColumnModel permits NumericColumn, CategoricalColumn, IdentifierColumn, TextColumn, EmptyColumn {
    ColumnSpec spec();

    /** Share of rows with a missing value. */
    double missingShare();

    /** True when the column is a dimension of the copula. */
    default boolean inCopula() {
        return false;
    }

    default String name() {
        return spec().name();
    }
}
