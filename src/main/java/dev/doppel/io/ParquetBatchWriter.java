package dev.doppel.io;

import dev.doppel.generate.Batch;
import dev.doppel.model.CategoricalColumn;
import dev.doppel.model.ColumnModel;
import dev.doppel.schema.ColumnKind;
import dev.doppel.schema.ColumnSpec;
import dev.doppel.schema.TemporalLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * Writes batches to a Parquet file with proper logical types: integers as INT64, decimals as DECIMAL(18, scale),
 * booleans as BOOLEAN, labels and ids as UTF-8 strings, dates as DATE, date-times as TIMESTAMP (microseconds; UTC-
 * adjusted when the input carried offsets). Every column is optional (nullable). Not thread-safe: one writer thread.
 */
public final class ParquetBatchWriter implements AutoCloseable {
    /** Parquet compression codecs offered on the command line. */
    public enum Compression {
        SNAPPY(CompressionCodecName.SNAPPY),
        ZSTD(CompressionCodecName.ZSTD),
        GZIP(CompressionCodecName.GZIP),
        NONE(CompressionCodecName.UNCOMPRESSED);

        final CompressionCodecName codec;

        Compression(CompressionCodecName codec) {
            this.codec = codec;
        }

        public static Compression fromKey(String key) {
            return valueOf(key.trim().toUpperCase(Locale.ROOT));
        }
    }

    private final ParquetWriter<Integer> writer;
    private final BatchWriteSupport support;

    public ParquetBatchWriter(Path file, List<ColumnModel> columns, Compression compression) throws IOException {
        this.support = new BatchWriteSupport(columns);
        this.writer = new Builder(new LocalOutputFile(file), support)
                .withConf(new PlainParquetConfiguration())
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withCompressionCodec(compression.codec)
                .withRowGroupSize(64L * 1024 * 1024)
                .build();
    }

    public void write(Batch batch) throws IOException {
        support.batch = batch;
        for (int r = 0; r < batch.size(); r++) {
            writer.write(r);
        }
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }

    static MessageType schemaOf(List<ColumnModel> columns) {
        Types.MessageTypeBuilder b = Types.buildMessage();
        for (ColumnModel m : columns) {
            ColumnSpec spec = m.spec();
            String name = spec.name();
            switch (spec.kind()) {
                case INTEGER -> b.optional(PrimitiveTypeName.INT64)
                        .as(LogicalTypeAnnotation.intType(64, true)).named(name);
                case DECIMAL -> {
                    if (spec.scale() >= 0 && spec.scale() <= 15) {
                        b.optional(PrimitiveTypeName.INT64)
                                .as(LogicalTypeAnnotation.decimalType(spec.scale(), 18)).named(name);
                    } else {
                        b.optional(PrimitiveTypeName.DOUBLE).named(name);
                    }
                }
                case BOOLEAN -> b.optional(PrimitiveTypeName.BOOLEAN).named(name);
                case DATE -> b.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.dateType()).named(name);
                case DATETIME -> b.optional(PrimitiveTypeName.INT64)
                        .as(LogicalTypeAnnotation.timestampType(
                                TemporalLayout.of(spec.layout(), true).zoned(), LogicalTypeAnnotation.TimeUnit.MICROS))
                        .named(name);
                case CATEGORICAL, IDENTIFIER, TEXT, EMPTY -> b.optional(PrimitiveTypeName.BINARY)
                        .as(LogicalTypeAnnotation.stringType()).named(name);
                default -> throw new AssertionError(spec.kind());
            }
        }
        return b.named("synthetic");
    }

    private static final class Builder extends ParquetWriter.Builder<Integer, Builder> {
        private final BatchWriteSupport support;

        Builder(LocalOutputFile file, BatchWriteSupport support) {
            super(file);
            this.support = support;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<Integer> getWriteSupport(Configuration conf) {
            return support;
        }

        @Override
        protected WriteSupport<Integer> getWriteSupport(ParquetConfiguration conf) {
            return support;
        }
    }

    /** Writes row {@code r} of the current batch; the record passed to Parquet is the row index. */
    private static final class BatchWriteSupport extends WriteSupport<Integer> {
        private final List<ColumnModel> columns;
        private final MessageType schema;
        private final ColumnKind[] kinds;
        private final Binary[][] labels;
        private final long[] decimalFactor;
        private RecordConsumer consumer;
        private Batch batch;

        BatchWriteSupport(List<ColumnModel> columns) {
            this.columns = List.copyOf(columns);
            this.schema = schemaOf(columns);
            int n = columns.size();
            kinds = new ColumnKind[n];
            labels = new Binary[n][];
            decimalFactor = new long[n];
            for (int c = 0; c < n; c++) {
                ColumnModel m = columns.get(c);
                kinds[c] = m.spec().kind();
                if (m instanceof CategoricalColumn cat) {
                    labels[c] = cat.marginal().labels().stream()
                            .map(l -> Binary.fromConstantByteArray(l.getBytes(StandardCharsets.UTF_8)))
                            .toArray(Binary[]::new);
                }
                if (kinds[c] == ColumnKind.DECIMAL && m.spec().scale() >= 0 && m.spec().scale() <= 15) {
                    decimalFactor[c] = (long) Math.pow(10, m.spec().scale());
                }
            }
        }

        @Override
        public WriteContext init(Configuration configuration) {
            return context();
        }

        @Override
        public WriteContext init(ParquetConfiguration configuration) {
            return context();
        }

        private WriteContext context() {
            Map<String, String> meta = new HashMap<>();
            meta.put("writer", "doppel");
            return new WriteContext(schema, meta);
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            this.consumer = recordConsumer;
        }

        @Override
        public void write(Integer row) {
            int r = row;
            consumer.startMessage();
            for (int c = 0; c < kinds.length; c++) {
                switch (kinds[c]) {
                    case INTEGER -> {
                        double v = batch.numbers(c)[r];
                        if (!Double.isNaN(v)) {
                            field(c).addLong((long) v);
                            end(c);
                        }
                    }
                    case DECIMAL -> {
                        double v = batch.numbers(c)[r];
                        if (!Double.isNaN(v)) {
                            if (decimalFactor[c] > 0) {
                                field(c).addLong(Math.round(v * decimalFactor[c]));
                            } else {
                                field(c).addDouble(v);
                            }
                            end(c);
                        }
                    }
                    case DATE -> {
                        double v = batch.numbers(c)[r];
                        if (!Double.isNaN(v)) {
                            field(c).addInteger((int) Math.round(v));
                            end(c);
                        }
                    }
                    case DATETIME -> {
                        double v = batch.numbers(c)[r];
                        if (!Double.isNaN(v)) {
                            field(c).addLong(Math.round(v * 1e6));
                            end(c);
                        }
                    }
                    case BOOLEAN -> {
                        int code = batch.codes(c)[r];
                        if (code >= 0) {
                            field(c).addBoolean(code == 1); // labels are [false, true]
                            end(c);
                        }
                    }
                    case CATEGORICAL -> {
                        int code = batch.codes(c)[r];
                        if (code >= 0) {
                            field(c).addBinary(labels[c][code]);
                            end(c);
                        }
                    }
                    case IDENTIFIER, TEXT -> {
                        String s = batch.strings(c)[r];
                        if (s != null) {
                            field(c).addBinary(Binary.fromString(s));
                            end(c);
                        }
                    }
                    case EMPTY -> {
                        // always null
                    }
                    default -> throw new AssertionError(kinds[c]);
                }
            }
            consumer.endMessage();
        }

        private RecordConsumer field(int c) {
            consumer.startField(columns.get(c).name(), c);
            return consumer;
        }

        private void end(int c) {
            consumer.endField(columns.get(c).name(), c);
        }
    }
}
