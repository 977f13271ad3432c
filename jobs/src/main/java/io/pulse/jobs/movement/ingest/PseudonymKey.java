package io.pulse.jobs.movement.ingest;

import io.pulse.jobs.options.JobOptions;
import io.pulse.jobs.options.Option;
import io.pulse.jobs.options.OptionsException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the movement job's pseudonym secret comes from: {@code --movement.hmac-key}, or the file
 * named by {@code --movement.hmac-key-file} (one line; a trailing newline is not part of the key),
 * or the environment variable {@value #ENVIRONMENT_VARIABLE}, so that it need not be visible in
 * the process list. Without any, one clear line says so.
 */
public final class PseudonymKey {

    public static final String ENVIRONMENT_VARIABLE = "PULSE_MOVEMENT_HMAC_KEY";

    private PseudonymKey() {}

    public static String resolve(JobOptions options, Map<String, String> environment) {
        boolean inline = options.has(Option.MOVEMENT_HMAC_KEY);
        boolean file = options.has(Option.MOVEMENT_HMAC_KEY_FILE);
        if (inline && file) {
            throw new OptionsException(Option.MOVEMENT_HMAC_KEY.flag() + " and " + Option.MOVEMENT_HMAC_KEY_FILE.flag()
                    + " are both given: give one of them");
        }
        if (inline) {
            return options.get(Option.MOVEMENT_HMAC_KEY).orElseThrow();
        }
        if (file) {
            return fromFile(Path.of(options.get(Option.MOVEMENT_HMAC_KEY_FILE).orElseThrow()));
        }
        String fromEnvironment = environment.get(ENVIRONMENT_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return fromEnvironment;
        }
        throw new OptionsException(Option.MOVEMENT_HMAC_KEY.flag() + " is required for the movement job (the secret"
                + " that pseudonymizes MAC addresses; or " + Option.MOVEMENT_HMAC_KEY_FILE.flag() + " <file>, or the"
                + " environment variable " + ENVIRONMENT_VARIABLE + ")");
    }

    private static String fromFile(Path path) {
        String key;
        try {
            key = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new OptionsException(Option.MOVEMENT_HMAC_KEY_FILE.flag() + " cannot be read: " + path);
        }
        key = key.replaceAll("[\\r\\n]+$", "");
        if (key.isEmpty()) {
            throw new OptionsException(Option.MOVEMENT_HMAC_KEY_FILE.flag() + " names an empty file: " + path);
        }
        return key;
    }
}
