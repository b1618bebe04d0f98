package dev.doppel.pipeline;

import dev.doppel.io.ReadOptions;
import dev.doppel.io.TableReaders;
import dev.doppel.model.CopulaFitter;
import dev.doppel.model.FitSettings;
import dev.doppel.model.SynthModel;
import dev.doppel.profile.Profile;
import dev.doppel.profile.ProfileColumns;
import dev.doppel.schema.ColumnProfile;
import dev.doppel.schema.ColumnSpec;
import dev.doppel.schema.SchemaInference;
import dev.doppel.table.RawTable;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Reading, inference and fitting, in that order: the path from a data file to a model. */
public final class Fitting {
    private Fitting() {}

    /** A table with what inference found, after the profile's overrides. */
    public record Inspected(RawTable table, List<ColumnProfile> inferred, List<ColumnSpec> specs) {}

    public static Inspected inspect(Path data, ReadOptions options, Profile profile, String profileName, String profileText) {
        RawTable table = TableReaders.read(data, options);
        List<ColumnProfile> inferred = SchemaInference.infer(table, Map.of());
        List<ColumnSpec> specs = profile == null
                ? inferred.stream().map(ColumnProfile::spec).toList()
                : ProfileColumns.apply(inferred, profile.columns(), profileName, profileText);
        return new Inspected(table, inferred, specs);
    }

    public static SynthModel fit(Inspected inspected, FitSettings settings, String version) {
        return CopulaFitter.fit(inspected.table(), inspected.specs(), settings, version);
    }
}
