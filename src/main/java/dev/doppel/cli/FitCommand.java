package dev.doppel.cli;

import dev.doppel.error.ExitCodes;
import dev.doppel.io.ModelFile;
import dev.doppel.io.ReadOptions;
import dev.doppel.model.FitSettings;
import dev.doppel.model.SynthModel;
import dev.doppel.pipeline.Fitting;
import dev.doppel.pipeline.Profiles;
import dev.doppel.profile.Profile;
import dev.doppel.profile.ProfileFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code doppel fit DATA -o MODEL.json}: learn a model. */
@Command(
        name = "fit",
        mixinStandardHelpOptions = true,
        description = "Learn a model (marginals and a Gaussian copula) from a data file and save it as JSON."
                + " The model holds aggregates only, never a row.",
        footerHeading = "%nExample:%n",
        footer = {"  ./doppel fit ../shared/data/telco_churn.csv --profile profiles/telco.yaml -o output/telco.model.json"})
final class FitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DATA", description = "CSV, TSV or Parquet file.")
    Path data;

    @Option(names = "--profile", paramLabel = "FILE", description = "Profile with column settings (from inspect --write-profile).")
    Path profile;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "MODEL.json", description = "Where to write the model.")
    Path output;

    @Option(names = "--force", description = "Overwrite an existing model file.")
    boolean force;

    @Mixin
    ReadOptionsMixin read;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws IOException {
        Profile p = null;
        String text = null;
        ReadOptions options = ReadOptions.DEFAULTS;
        FitSettings settings = FitSettings.DEFAULTS;
        if (profile != null) {
            p = ProfileFile.read(profile);
            text = Files.readString(profile);
            options = Profiles.readOptions(p.input(), profile.toString());
            settings = Profiles.fitSettings(p.model(), profile.toString());
        }
        options = read.toOptions(options);
        if (Files.exists(output) && !force) {
            throw new dev.doppel.error.OutputException(output + ": already exists; pass --force to overwrite it");
        }
        long start = System.nanoTime();
        Fitting.Inspected inspected = Fitting.inspect(data, options, p, profile == null ? null : profile.toString(), text);
        String profileName = profile == null ? null : profile.toString();
        SynthModel model = Fitting.fit(Fitting.mask(inspected, p, settings, profileName, text), settings,
                Versions.current(), p, profileName, text);
        ModelFile.write(model, output, force);
        if (!common.quiet) {
            PrintWriter out = spec.commandLine().getOut();
            for (String note : model.notes()) {
                out.println("note: " + note);
            }
            out.printf(Locale.ROOT, "model written: %s (%,d rows, %d columns, %d in the copula, %.2f s)%n", output,
                    model.source().rows(), model.columns().size(), model.copula().dimension(),
                    (System.nanoTime() - start) / 1e9);
        }
        return ExitCodes.OK;
    }
}
