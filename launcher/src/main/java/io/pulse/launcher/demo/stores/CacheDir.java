package io.pulse.launcher.demo.stores;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the demo keeps what it unpacks once and reuses on later runs (MariaDB's binaries):
 * {@code $XDG_CACHE_HOME/pulse}, or {@code ~/.cache/pulse} when that variable is unset, empty or
 * not an absolute path (as the XDG Base Directory specification says).
 */
public final class CacheDir {
    private CacheDir() {
    }

    public static Path of(Map<String, String> env, String userHome) {
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "pulse");
        }
        return Path.of(userHome, ".cache", "pulse");
    }

    /** This user's cache folder for the demo. */
    public static Path forThisUser() {
        return of(System.getenv(), System.getProperty("user.home"));
    }
}
