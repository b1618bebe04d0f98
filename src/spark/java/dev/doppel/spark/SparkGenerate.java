package dev.doppel.spark;

import dev.doppel.error.DoppelException;
import dev.doppel.error.ExitCodes;
import dev.doppel.error.InputException;
import dev.doppel.error.OutputException;
import dev.doppel.error.UsageException;
import dev.doppel.io.ModelFile;
import dev.doppel.model.SynthModel;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code spark-submit} entry point: generates {@code --rows} synthetic rows from a model on the cluster and writes
 * them with Spark's own writer (one Parquet file per partition by default) to {@code --output}.
 *
 * <p>Paths go through Hadoop's file systems, so {@code hdfs://}, {@code s3a://} or {@code file://} work as Spark's
 * configuration allows; a path without a scheme is on the cluster's default file system. Errors end the job with one
 * line and Doppel's exit codes (2 usage, 3 input, 4 output), never a value of the data.
 */
@Command(
        name = "SparkGenerate",
        mixinStandardHelpOptions = true,
        description = "Generate a synthetic table from a Doppel model on Spark and write it with Spark's writer."
                + " The same seed gives the same rows whatever the partition or executor count.")
public final class SparkGenerate implements Callable<Integer> {
    /** A model file is small; a larger file is not a model (the CLI's limit). */
    private static final long MAX_MODEL_BYTES = 64L << 20;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "MODEL.json", description = "A model written by doppel fit or run.")
    String model;

    @Option(names = "--rows", required = true, paramLabel = "ROWS", description = "Number of synthetic rows.")
    long rows;

    @Option(names = "--partitions", paramLabel = "N",
            description = "Spark partitions, one task and one output file each (default: Spark's default parallelism).")
    Integer partitions;

    @Option(names = "--output", required = true, paramLabel = "DIR", description = "Output directory.")
    String output;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "parquet",
            description = "Any Spark data source: parquet (default), orc, csv, json, ...")
    String format;

    @Option(names = "--force", description = "Replace an existing output directory.")
    boolean force;

    public static void main(String[] args) {
        int code = run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        scala.Option<SparkSession> session = SparkSession.getDefaultSession();
        if (session.isDefined()) {
            session.get().stop();
        }
        // a successful job just returns, as spark-submit expects (in YARN cluster mode an early exit counts as failed)
        if (code != ExitCodes.OK) {
            System.exit(code);
        }
    }

    /** Runs the command line and returns its exit code (what {@link #main} exits with). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new SparkGenerate());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("error: " + e.getMessage());
            err.println("try: SparkGenerate --help");
            return ExitCodes.USAGE;
        });
        cli.setExecutionExceptionHandler((e, c, parsed) -> {
            if (e instanceof DoppelException de) {
                err.println("error: " + de.getMessage());
                return de.exitCode();
            }
            // a library's message may quote data: only the type
            err.println("error: internal error (" + e.getClass().getSimpleName() + ")");
            return ExitCodes.INTERNAL;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() throws Exception {
        if (rows < 0) {
            throw new UsageException("--rows must not be negative");
        }
        if (partitions != null && partitions < 1) {
            throw new UsageException("--partitions must be at least 1");
        }
        SparkSession spark = SparkSession.builder().appName("doppel-generate").getOrCreate();
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        SynthModel m = readModel(new Path(model), hadoop);
        Path out = new Path(output);
        FileSystem outFs = out.getFileSystem(hadoop);
        if (!force && outFs.exists(out)) {
            throw new OutputException(output + ": already exists; use --force to replace it");
        }
        int parts = partitions != null ? partitions : spark.sparkContext().defaultParallelism();
        long start = System.nanoTime();
        Dataset<Row> table = SyntheticTable.generate(spark, m, rows, parts, seed);
        try {
            table.write().mode(force ? SaveMode.Overwrite : SaveMode.ErrorIfExists).format(format).save(output);
        } catch (Exception e) {
            if (e instanceof AnalysisException || e instanceof ClassNotFoundException) { // unknown or unfit source
                throw new UsageException("--format " + format + ": Spark cannot write this table in that format ("
                        + e.getClass().getSimpleName() + ")");
            }
            throw e;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        spec.commandLine().getOut().printf(Locale.ROOT, "written: %s (%,d rows, %d partitions, %.2f s, %,.0f rows/s, seed %d)%n",
                output, rows, parts, seconds, rows / Math.max(seconds, 1e-9), seed);
        return ExitCodes.OK;
    }

    /** Reads the model on the driver through Hadoop's file system for its path. */
    static SynthModel readModel(Path path, Configuration hadoop) {
        String name = path.getName();
        try {
            FileSystem fs = path.getFileSystem(hadoop);
            if (fs.getFileStatus(path).getLen() > MAX_MODEL_BYTES) {
                throw new InputException(name + ": too large to be a Doppel model");
            }
            byte[] bytes;
            try (InputStream in = fs.open(path)) {
                bytes = in.readAllBytes();
            }
            return ModelFile.fromJson(new String(bytes, StandardCharsets.UTF_8), name);
        } catch (FileNotFoundException e) {
            throw new InputException(name + ": no such file");
        } catch (IOException e) {
            throw new InputException(name + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }
}
