package io.pulse.bridge.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** Reads the YAML configuration file; every mistake becomes a one-line {@link ConfigException}. */
public final class ConfigLoader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ConfigLoader() {}

    public static BridgeConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException("config file " + file + " does not exist");
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    /** Parses YAML text ({@code source} names it in errors). */
    public static BridgeConfig parse(String yaml, String source) {
        BridgeConfig config;
        try {
            config = YAML.readValue(yaml, BridgeConfig.class);
        } catch (JsonMappingException e) {
            throw new ConfigException(source + ": " + describe(e));
        } catch (JacksonException e) {
            throw new ConfigException(source + ": not valid YAML at line " + e.getLocation().getLineNr()
                    + ": " + e.getOriginalMessage());
        }
        if (config == null) {
            throw new ConfigException(source + " is empty");
        }
        return config;
    }

    private static String describe(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        String problem = e.getOriginalMessage();
        if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u) {
            problem = "unknown setting '" + u.getPropertyName() + "'";
        } else if (e instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException f) {
            problem = "'" + f.getValue() + "' is not a valid " + f.getTargetType().getSimpleName().toLowerCase();
        } else if (problem != null) {
            problem = problem.lines().findFirst().orElse(problem);
        }
        String line = e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ")" : "";
        return (path.isEmpty() ? "" : path + ": ") + problem + line;
    }
}
