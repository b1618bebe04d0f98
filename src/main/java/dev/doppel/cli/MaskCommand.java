package dev.doppel.cli;

import dev.doppel.error.ExitCodes;
import dev.doppel.error.InputException;
import dev.doppel.io.OutputFormat;
import dev.doppel.io.ReadOptions;
import dev.doppel.pipeline.MaskJob;
import dev.doppel.pipeline.Profiles;
import dev.doppel.profile.Profile;
import dev.doppel.profile.ProfileFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code doppel mask IN -o OUT}: a masked copy of a real table, for QA. */
@Command(
        name = "mask",
        mixinStandardHelpOptions = true,
        description = "Copy a real table row by row with its personal data masked: direct identifiers faked or"
                + " pseudonymised, quasi-identifiers generalised (and k-anonymous with privacy.k), as detection"
                + " proposes and the profile overrides. Streams any size; writes OUT and OUT's .privacy.json"
                + " manifest. Pseudonymisation reads its key from $DOPPEL_KEY or privacy.key_file, never from"
                + " the command line.",
        footerHeading = "%nExamples:%n",
        footer = {"  ./doppel mask ../shared/data/customers_pii_10000.csv -o output/customers_masked.csv",
            "  DOPPEL_KEY=$(cat ~/.doppel.key) ./doppel mask crm.parquet -o crm_masked.parquet --profile profiles/crm.yaml"})
final class MaskCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN", description = "The real table: CSV, TSV or Parquet.")
    Path input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "The masked file (.csv or .parquet).")
    Path output;

    @Option(names = {"-p", "--profile"}, paramLabel = "PROFILE.yaml",
            description = "Column roles and actions, privacy settings (default: detection's proposals).")
    Path profile;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Seed of the fakes (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    ThreadsMixin threads;

    @Mixin
    FileFormatMixin file;

    @Option(names = "--force", description = "Overwrite an existing output file and manifest.")
    boolean force;

    @Mixin
    ReadOptionsMixin read;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        int workers = threads.workers();
        OutputFormat fmt = file.formatOf(output);
        Profile parsed = null;
        String text = null;
        String name = null;
        ReadOptions base = ReadOptions.DEFAULTS;
        if (profile != null) {
            name = profile.toString();
            try {
                text = Files.readString(profile, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new InputException(name + ": no such profile");
            } catch (IOException e) {
                throw new InputException(name + ": cannot be read (" + e.getClass().getSimpleName() + ")");
            }
            parsed = ProfileFile.parse(text, name);
            base = Profiles.readOptions(parsed.input(), name);
        }
        PrintWriter err = spec.commandLine().getErr();
        MaskJob.Result result = MaskJob.run(new MaskJob.Request(input, read.toOptions(base), parsed, name, text, output, fmt,
                file.compression, seed, workers, force), Versions.current(), new ConsoleProgress(err, common.quiet));
        if (!common.quiet) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(MaskReport.render(result.manifest()));
            out.printf(Locale.ROOT, "masked %,d rows in %.2f s (%,.0f rows/s)%n", result.rows(), result.seconds(),
                    result.rowsPerSecond());
            out.println("written:  " + result.output());
            out.println("manifest: " + result.manifestFile());
        }
        return ExitCodes.OK;
    }
}
