package io.pulse.compose;

import java.util.LinkedHashMap;
import java.util.Map;

/** The settings of .env.example, as docker compose reads them (KEY=value, # comments). */
final class EnvExample {
    private EnvExample() {}

    static Map<String, String> load() {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : Repo.read(".env.example").split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int eq = trimmed.indexOf('=');
            env.put(trimmed.substring(0, eq), trimmed.substring(eq + 1));
        }
        return env;
    }
}
