package dev.doppel.profile;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads profiles strictly: an unknown or misspelt key, a key given twice, or a fraction where a whole number belongs is
 * an error that names the key and its line.
 */
public final class ProfileFile {
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'");

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
        if (text.lines().map(String::strip).allMatch(l -> l.isEmpty() || l.startsWith("#") || l.equals("---"))) {
            throw new InputException(name + ": the profile is empty");
        }
        Profile profile;
        try {
            profile = YAML.readValue(text, Profile.class);
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", "));
            List<String> keys = keys(e);
            if (keys.isEmpty() || !keys.get(keys.size() - 1).equals(e.getPropertyName())) {
                keys.add(e.getPropertyName());
            }
            throw new InputException(name + where(text, keys, e.getLocation()) + ": unknown key '"
                    + e.getPropertyName() + "'" + (known.isEmpty() ? "" : " (allowed here: " + known + ")"));
        } catch (InvalidFormatException e) {
            throw new InputException(name + where(text, keys(e), e.getLocation()) + ": '" + path(e) + "' must be "
                    + describe(e.getTargetType()));
        } catch (MismatchedInputException e) {
            if (e.getPath().isEmpty()) {
                throw new InputException(name + ": a profile is a set of sections (version, job, input, columns, privacy, evaluate,"
                        + " model, output, constraints), each written as 'key:' at the start of a line");
            }
            throw new InputException(name + where(text, keys(e), e.getLocation()) + ": '" + path(e)
                    + "' has the wrong shape"
                    + (e.getTargetType() == null ? "" : " (expected " + describe(e.getTargetType()) + ")"));
        } catch (JsonProcessingException e) {
            Matcher duplicate = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
            if (duplicate.matches()) {
                throw new InputException(name + where(e.getLocation()) + ": key '" + duplicate.group(1)
                        + "' is given twice");
            }
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

    /** The line of a column's entry under {@code columns:} in the profile text, for messages; 0 when not found. */
    public static int lineOf(String text, String column) {
        return keyLines(text).getOrDefault(List.of("columns", column), 0);
    }

    /**
     * The line on which each item of a top-level list starts ({@code constraints:} entries), in order; empty when the
     * key is absent or not a list. Best effort, like {@link #keyLines}.
     */
    public static List<Integer> itemLines(String text, String key) {
        List<Integer> lines = new ArrayList<>();
        if (text == null) {
            return lines;
        }
        try (JsonParser p = YAML.getFactory().createParser(text)) {
            int depth = 0;
            boolean inList = false;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (!inList && depth == 1 && t == JsonToken.FIELD_NAME && key.equals(p.currentName())) {
                    if (p.nextToken() != JsonToken.START_ARRAY) {
                        return lines;
                    }
                    inList = true;
                    depth++;
                    continue;
                }
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    if (inList && depth == 2) {
                        lines.add(p.currentTokenLocation().getLineNr());
                    }
                    depth++;
                } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    depth--;
                    if (inList && depth == 1) {
                        return lines;
                    }
                } else if (inList && depth == 2) {
                    lines.add(p.currentTokenLocation().getLineNr()); // a scalar item
                }
            }
        } catch (IOException e) {
            // keep what was found before the error
        }
        return lines;
    }

    /**
     * The line of every mapping key in a profile, by its path of keys from the top ({@code [columns, age, kind]});
     * keys inside lists are left out. Best effort: a text that stops parsing gives the keys before the error.
     */
    static Map<List<String>, Integer> keyLines(String text) {
        Map<List<String>, Integer> lines = new HashMap<>();
        // The keys leading to the current container: index 0 is the top level; null stands for a list (or a mapping
        // inside one).
        List<String> path = new ArrayList<>();
        String pending = null;
        try (JsonParser p = YAML.getFactory().createParser(text)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                switch (t) {
                    case FIELD_NAME -> {
                        pending = p.currentName();
                        List<String> keys = new ArrayList<>(path.subList(1, path.size()));
                        if (!path.isEmpty() && !keys.contains(null)) {
                            keys.add(pending);
                            lines.putIfAbsent(List.copyOf(keys), p.currentTokenLocation().getLineNr());
                        }
                    }
                    case START_OBJECT, START_ARRAY -> {
                        path.add(t == JsonToken.START_ARRAY ? null : pending);
                        pending = null;
                    }
                    case END_OBJECT, END_ARRAY -> {
                        if (!path.isEmpty()) {
                            path.remove(path.size() - 1);
                        }
                        pending = null;
                    }
                    default -> pending = null;
                }
            }
        } catch (IOException e) {
            // keep what was found before the error
        }
        return lines;
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

    private static List<String> keys(JsonMappingException e) {
        List<String> keys = new ArrayList<>();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() == null) {
                return new ArrayList<>(); // inside a list: no key path to look up
            }
            keys.add(ref.getFieldName());
        }
        return keys;
    }

    /** ", line N" for a key path, from the text when the key is found there, else from the parser's location. */
    private static String where(String text, List<String> keys, JsonLocation location) {
        Integer line = keys.isEmpty() ? null : keyLines(text).get(keys);
        return line != null && line > 0 ? ", line " + line : where(location);
    }

    private static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 0 ? "" : ", line " + location.getLineNr();
    }
}
