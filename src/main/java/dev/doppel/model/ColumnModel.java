package dev.doppel.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.doppel.schema.ColumnSpec;
import java.util.List;

/**
 * What the model knows about one column: its spec (kind and format) and the aggregates needed to generate it.
 * Numeric and categorical columns take part in the copula through one or more {@link #dimensions()} (missing or not,
 * spike or not, which value); identifiers and free text are generated on their own, from their shape.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "model")
@JsonSubTypes({
    @JsonSubTypes.Type(value = NumericColumn.class, name = "quantiles"),
    @JsonSubTypes.Type(value = CategoricalColumn.class, name = "categories"),
    @JsonSubTypes.Type(value = IdentifierColumn.class, name = "identifier"),
    @JsonSubTypes.Type(value = TextColumn.class, name = "text"),
    @JsonSubTypes.Type(value = EmptyColumn.class, name = "empty"),
    @JsonSubTypes.Type(value = FakeColumn.class, name = "fake"),
    @JsonSubTypes.Type(value = DerivedColumn.class, name = "derived")
})
public sealed interface ColumnModel permits NumericColumn, CategoricalColumn, IdentifierColumn, TextColumn, EmptyColumn,
        FakeColumn, DerivedColumn {
    ColumnSpec spec();

    /** Share of rows with a missing value. */
    double missingShare();

    /** The copula dimensions this column owns, in order; empty for columns generated on their own. */
    @JsonIgnore
    default List<String> dimensions() {
        return List.of();
    }

    /** The name of the "missing or not" dimension. */
    @JsonIgnore
    default String missingDimension() {
        return name() + " [missing]";
    }

    @JsonIgnore
    default String name() {
        return spec().name();
    }
}
