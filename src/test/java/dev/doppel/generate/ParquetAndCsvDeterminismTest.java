package dev.doppel.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doppel.TestData;
import dev.doppel.io.OutputFormat;
import dev.doppel.io.ParquetBatchWriter;
import dev.doppel.io.ParquetBatchWriter.Compression;
import dev.doppel.io.ReadOptions;
import dev.doppel.model.FitSettings;
import dev.doppel.model.SynthModel;
import dev.doppel.pipeline.Fitting;
import dev.doppel.pipeline.Progress;
import dev.doppel.pipeline.SampleRequest;
import dev.doppel.pipeline.Sampling;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The same model and seed give the same bytes whatever the thread count, for CSV and Parquet alike; another seed gives
 * other rows. Row counts are chosen to end in a partial batch and, for Parquet, to span more than one row group.
 */
class ParquetAndCsvDeterminismTest {
    private static final Map<String, SynthModel> MODELS = new HashMap<>();

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource({
        "telco_churn.csv, CSV, 140001",
        "telco_churn.csv, PARQUET, 140001",
        "marketing_campaign.tsv, CSV, 20001",
        "marketing_campaign.tsv, PARQUET, 20001"
    })
    void sameSeedGivesTheSameBytesWithOneTwoOrFourThreads(String dataset, OutputFormat format, long rows)
            throws Exception {
        SynthModel model = model(dataset);
        byte[] one = Files.readAllBytes(sample(model, rows, 7, 1, format, "t1"));
        byte[] two = Files.readAllBytes(sample(model, rows, 7, 2, format, "t2"));
        byte[] four = Files.readAllBytes(sample(model, rows, 7, 4, format, "t4"));

        assertThat(one.length).isGreaterThan(1000);
        assertThat(two).isEqualTo(one);
        assertThat(four).isEqualTo(one);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"CSV", "PARQUET"})
    void anotherSeedGivesOtherRows(OutputFormat format) throws Exception {
        SynthModel model = model("telco_churn.csv");
        byte[] seven = Files.readAllBytes(sample(model, 20_000, 7, 2, format, "s7"));
        byte[] eight = Files.readAllBytes(sample(model, 20_000, 8, 2, format, "s8"));
        assertThat(eight).isNotEqualTo(seven);
        if (format == OutputFormat.CSV) {
            List<String> a = List.of(new String(seven, StandardCharsets.UTF_8).split("\r\n"));
            List<String> b = List.of(new String(eight, StandardCharsets.UTF_8).split("\r\n"));
            assertThat(a.get(0)).isEqualTo(b.get(0)); // the header
            long same = 0;
            for (int i = 1; i < a.size(); i++) {
                same += a.get(i).equals(b.get(i)) ? 1 : 0;
            }
            assertThat(same).isZero(); // every row carries a fresh customer id, and the rest differs too
        }
    }

    @Test
    void writingParquetBatchByBatchOnOneThreadGivesTheSameFileAsThePipeline() throws Exception {
        SynthModel model = model("telco_churn.csv");
        long rows = 140_001;
        Path piped = sample(model, rows, 7, 2, OutputFormat.PARQUET, "piped");

        Path direct = dir.resolve("direct.parquet");
        RowSampler sampler = new RowSampler(model, 7, Map.of(), rows); // as Sampling does: rows decide stratifying
        Batch batch = sampler.newBatch(SampleRequest.BATCH_ROWS);
        try (ParquetBatchWriter writer = new ParquetBatchWriter(direct, model.columns(), Compression.SNAPPY, rows)) {
            for (long b = 0; b * SampleRequest.BATCH_ROWS < rows; b++) {
                long first = b * SampleRequest.BATCH_ROWS;
                sampler.fill(batch, b, first, (int) Math.min(SampleRequest.BATCH_ROWS, rows - first));
                writer.write(batch); // the batch is refilled next time round: the writer must not keep it
            }
        }
        assertThat(Files.readAllBytes(direct)).isEqualTo(Files.readAllBytes(piped));
    }

    private Path sample(SynthModel model, long rows, long seed, int threads, OutputFormat format, String name) {
        Path out = dir.resolve(name + (format == OutputFormat.CSV ? ".csv" : ".parquet"));
        Sampling.run(new SampleRequest(model, rows, seed, threads, format, Compression.SNAPPY, out, false), Progress.NONE);
        return out;
    }

    private static synchronized SynthModel model(String dataset) {
        return MODELS.computeIfAbsent(dataset, d -> Fitting.fit(
                Fitting.inspect(TestData.require(d), ReadOptions.DEFAULTS, null, null, null), FitSettings.DEFAULTS, "test"));
    }
}
