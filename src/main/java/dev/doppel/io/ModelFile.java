package dev.doppel.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.doppel.constraint.ConstraintLayer;
import dev.doppel.error.InputException;
import dev.doppel.error.OutputException;
import dev.doppel.model.ColumnModel;
import dev.doppel.model.SynthModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Saves and loads {@link SynthModel}s as versioned, human-readable JSON. Loading checks that the file is a Doppel
 * model of a version this build understands and that its parts fit together; errors give the file and the position,
 * never the content (a foreign file handed over by mistake may hold personal data).
 */
public final class ModelFile {
    private static final long MAX_BYTES = 2L << 30;
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private ModelFile() {}

    public static String toJson(SynthModel model) {
        try {
            return MAPPER.writeValueAsString(model) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("model cannot be serialised", e);
        }
    }

    public static SynthModel fromJson(String json, String name) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InputException(name + where(e.getLocation()) + ": not a Doppel model (not valid JSON)");
        }
        if (tree == null || !tree.isObject() || !SynthModel.FORMAT.equals(tree.path("format").asText(null))) {
            throw new InputException(name + ": not a Doppel model (no \"format\": \"" + SynthModel.FORMAT + "\")");
        }
        int version = tree.path("version").asInt(-1);
        if (version < 1 || version > SynthModel.VERSION) {
            throw new InputException(name + ": model version " + (version < 0 ? "missing" : version)
                    + " is not supported by this Doppel (reads version " + SynthModel.VERSION + "); refit the model");
        }
        SynthModel model;
        try {
            model = MAPPER.treeToValue(tree, SynthModel.class);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause();
            String why = cause instanceof IllegalArgumentException && cause.getMessage() != null
                    ? cause.getMessage() // our own validation messages: structure only, no values
                    : "an entry is invalid";
            throw new InputException(name + ": corrupt model (" + why + " at " + path(e) + ")");
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String at = e instanceof com.fasterxml.jackson.databind.JsonMappingException jm ? " at " + path(jm) : "";
            throw new InputException(name + ": corrupt model (unexpected or missing entry" + at + ")");
        }
        check(model, name);
        return model;
    }

    private static void check(SynthModel model, String name) {
        if (model.columns() == null || model.copula() == null || model.settings() == null || model.dialect() == null) {
            throw new InputException(name + ": corrupt model (a required part is missing)");
        }
        List<String> inCopula = new ArrayList<>();
        for (ColumnModel c : model.columns()) {
            if (c == null || c.spec() == null) {
                throw new InputException(name + ": corrupt model (a column entry is empty)");
            }
            if (!(c.missingShare() >= 0 && c.missingShare() <= 1)) {
                throw new InputException(name + ": corrupt model (column '" + c.name() + "' has a missing share outside [0, 1])");
            }
            inCopula.addAll(c.dimensions());
            var spec = c.spec();
            if (spec.layout() != null && (spec.kind() == dev.doppel.schema.ColumnKind.DATE
                    || spec.kind() == dev.doppel.schema.ColumnKind.DATETIME)) {
                try {
                    dev.doppel.schema.TemporalLayout.checked(spec.layout(), spec.kind() == dev.doppel.schema.ColumnKind.DATETIME);
                } catch (IllegalArgumentException e) {
                    throw new InputException(name + ": corrupt model (column '" + c.name() + "' has an unusable layout)");
                }
            }
            if (spec.scale() < -1 || spec.scale() > dev.doppel.schema.ColumnSpec.MAX_SCALE) {
                throw new InputException(name + ": corrupt model (column '" + c.name() + "' has a scale out of range)");
            }
        }
        if (!inCopula.equals(model.copula().columns())) {
            throw new InputException(name + ": corrupt model (the copula's columns do not match the column list)");
        }
        try {
            ConstraintLayer.of(model);
        } catch (RuntimeException e) {
            throw new InputException(name + ": corrupt model (its constraints do not fit its columns)");
        }
    }

    private static String path(com.fasterxml.jackson.databind.JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(ref.getFieldName().length() > 40 ? "…" : ref.getFieldName());
            }
        }
        return sb.length() == 0 ? "the top level" : sb.toString();
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return ": line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    public static SynthModel read(Path file) {
        String name = file.getFileName().toString();
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new InputException(name + ": too large to be a Doppel model");
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readAllBytes();
            }
            for (int i = 0; i < Math.min(bytes.length, 4096); i++) {
                if (bytes[i] == 0) {
                    throw new InputException(name + ": not a Doppel model (binary content)");
                }
            }
            return fromJson(new String(bytes, java.nio.charset.StandardCharsets.UTF_8), name);
        } catch (NoSuchFileException e) {
            throw new InputException(name + ": no such file");
        } catch (IOException e) {
            throw new InputException(name + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Writes atomically: a temporary file moved into place. */
    public static void write(SynthModel model, Path file, boolean force) {
        try (var out = AtomicOutput.open(file, force)) {
            Files.writeString(out.temp(), toJson(model));
            out.commit();
        } catch (IOException e) {
            throw new OutputException(file.getFileName() + ": cannot be written (" + e.getClass().getSimpleName() + ")");
        }
    }

}
