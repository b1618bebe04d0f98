package dev.doppel.profile;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.doppel.error.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Reads profiles strictly: an unknown or misspelt key is an error that names the key and its line. */
public final class ProfileFile {
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ProfileFile() {}

    public static Profile read(Path file) {
        String name = file.toString();
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new InputException(name + ": no such profile");
        } catch (IOException e) {
            throw new InputException(name + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        return parse(text, name);
    }

    public static Profile parse(String text, String name) {
        Profile profile;
        try {
            profile = YAML.readValue(text, Profile.class);
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", "));
            throw new InputException(name + where(e.getLocation()) + ": unknown key '" + e.getPropertyName() + "'"
                    + (known.isEmpty() ? "" : " (allowed here: " + known + ")"));
        } catch (InvalidFormatException e) {
            throw new InputException(name + where(e.getLocation()) + ": '" + path(e) + "' must be "
                    + describe(e.getTargetType()));
        } catch (MismatchedInputException e) {
            throw new InputException(name + where(e.getLocation()) + ": '" + path(e) + "' has the wrong shape"
                    + (e.getTargetType() == null ? "" : " (expected " + describe(e.getTargetType()) + ")"));
        } catch (JsonProcessingException e) {
            throw new InputException(name + where(e.getLocation()) + ": not valid YAML");
        }
        if (profile == null) {
            throw new InputException(name + ": the profile is empty");
        }
        if (profile.version() != null && profile.version() != Profile.VERSION) {
            throw new InputException(name + ": profile version " + profile.version() + " is not supported (use "
                    + Profile.VERSION + ")");
        }
        return profile;
    }

    /** The line of a column's entry in the profile text, for messages; 0 when not found. */
    public static int lineOf(String text, String key) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).trim();
            if (t.startsWith(key + ":") || t.startsWith("\"" + key + "\":") || t.startsWith("'" + key + "':")) {
                return i + 1;
            }
        }
        return 0;
    }

    private static String describe(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a text";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "a section (key: value lines)";
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(ref.getFieldName());
            }
        }
        return sb.toString();
    }

    private static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 0 ? "" : ", line " + location.getLineNr();
    }
}
