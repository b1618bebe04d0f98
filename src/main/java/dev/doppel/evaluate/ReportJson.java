package dev.doppel.evaluate;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The report as JSON: snake_case keys derived from the record components ({@code quality.column_shapes},
 * {@code privacy.dcr_share}...), numbers rounded to 6 significant digits, NaN (not measured) written as null since
 * JSON has no NaN. These keys are the stable interface pipelines read and gates check.
 */
public final class ReportJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .addModule(new SimpleModule()
                    .addSerializer(Double.class, new Number6())
                    .addSerializer(double.class, new Number6())
                    .addSerializer(double[].class, new Numbers6()))
            .build();

    private ReportJson() {}

    public static String toJson(EvaluationReport report) {
        try {
            return MAPPER.writeValueAsString(report) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The report as a tree, for gates that look values up by key. */
    public static JsonNode toTree(EvaluationReport report) {
        return MAPPER.valueToTree(report);
    }

    static void write(double v, JsonGenerator gen) throws IOException {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            gen.writeNull();
        } else if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            gen.writeNumber((long) v == v ? Double.toString(v).replaceAll("\\.0$", "") : Double.toString(v));
        } else {
            gen.writeNumber(Double.parseDouble(String.format(java.util.Locale.ROOT, "%.6g", v)));
        }
    }

    private static final class Number6 extends StdSerializer<Double> {
        Number6() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            write(value, gen);
        }
    }

    private static final class Numbers6 extends StdSerializer<double[]> {
        Numbers6() {
            super(double[].class);
        }

        @Override
        public void serialize(double[] values, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartArray();
            for (double v : values) {
                write(v, gen);
            }
            gen.writeEndArray();
        }
    }
}
