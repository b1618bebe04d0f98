package dev.doppel.cli;

import dev.doppel.error.ExitCodes;
import dev.doppel.io.ModelFile;
import dev.doppel.io.ReadOptions;
import dev.doppel.model.FitSettings;
import dev.doppel.model.SynthModel;
import dev.doppel.pipeline.Fitting;
import dev.doppel.pipeline.ModelChoice;
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
    /** The seed unless --seed is given. */
    private static final long DEFAULT_SEED = 42;

    @Spec
    CommandSpec spec;

    @Mixin
    DataMixin data;

    @Option(names = {"-p", "--profile"}, paramLabel = "FILE",
            description = "Profile with column settings (from inspect --write-profile).")
    Path profile;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "MODEL.json", description = "Where to write the model.")
    Path output;

    @Option(names = "--force", description = "Overwrite an existing model file.")
    boolean force;

    @Option(names = "--model", paramLabel = "TYPE",
            description = "copula, tree or auto (default: the profile's model.type, else auto).")
    String modelType;

    @Mixin
    ThreadsMixin threads;

    @Option(names = "--sample-rows", paramLabel = "N",
            description = "Learn at most N rows: a larger input is read in one pass and a uniform random sample of N"
                    + " rows kept (default: the profile's input.sample_rows, else 1,000,000).")
    Integer sampleRows;

    @Option(names = "--seed", paramLabel = "N",
            description = "Seeds the row sample and model auto's validation split (default 42; fitting is otherwise"
                    + " deterministic).")
    Long seed;

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
        ModelChoice choice = ModelChoice.defaults(settings.minGroup());
        if (profile != null) {
            p = ProfileFile.read(profile);
            text = Files.readString(profile);
            options = Profiles.readOptions(p.input(), profile.toString());
            settings = Profiles.fitSettings(p.model(), profile.toString());
            choice = Profiles.modelChoice(p.model(), profile.toString(), settings.minGroup());
        }
        if (modelType != null) {
            choice = choice.withType(ModelChoice.Type.parseOption(modelType, "--model"));
        }
        int workers = threads.workers();
        options = read.toOptions(options);
        int bound = Profiles.sampleRows(sampleRows, p == null ? null : p.input(), String.valueOf(profile));
        long rootSeed = seed != null ? seed : DEFAULT_SEED;
        if (Files.exists(output) && !force) {
            throw new dev.doppel.error.OutputException(output + ": already exists; pass --force to overwrite it");
        }
        long start = System.nanoTime();
        String profileName = profile == null ? null : profile.toString();
        Fitting.Inspected inspected = Fitting.inspect(data.path, options, bound, rootSeed, p, profileName, text);
        SynthModel model = Fitting.noteSample(Fitting.fit(Fitting.mask(inspected, p, settings, profileName, text),
                settings, Versions.current(), p, profileName, text, choice, rootSeed, workers), inspected, rootSeed);
        ModelFile.write(model, output, force);
        if (!common.quiet) {
            PrintWriter out = spec.commandLine().getOut();
            for (String note : model.notes()) {
                out.println("note: " + note);
            }
            String drawn = model.trees() != null ? model.trees().order().size() + " drawn by trees"
                    : model.copula().dimension() + " in the copula";
            String rows = inspected.sampled()
                    ? String.format(Locale.ROOT, "%,d of %,d rows", model.source().rows(), inspected.inputRows())
                    : String.format(Locale.ROOT, "%,d rows", model.source().rows());
            out.printf(Locale.ROOT, "%s model written: %s (%s, %d columns, %s, %.2f s)%n", model.kind(), output,
                    rows, model.columns().size(), drawn, (System.nanoTime() - start) / 1e9);
        }
        return ExitCodes.OK;
    }
}
