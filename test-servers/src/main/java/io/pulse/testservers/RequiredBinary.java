package io.pulse.testservers;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Locates a server binary. A missing binary is a test FAILURE naming the install command: a run
 * that silently skipped its integration tests would look green while proving nothing.
 */
public final class RequiredBinary {

    // Debian installs daemons (mosquitto, mariadbd) in sbin, which a non-root PATH often lacks.
    private static final List<String> EXTRA_DIRS =
            List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin");

    private RequiredBinary() {}

    /**
     * @param binary        executable name, e.g. {@code mosquitto}
     * @param debianPackage the package that ships it, e.g. {@code mosquitto}
     * @return absolute path of the executable
     * @throws IllegalStateException if it is not installed, with the command that installs it
     */
    public static Path find(String binary, String debianPackage) {
        List<String> dirs = new ArrayList<>();
        String pathEnv = System.getenv("PATH");
        if (pathEnv != null) {
            dirs.addAll(List.of(pathEnv.split(File.pathSeparator)));
        }
        dirs.addAll(EXTRA_DIRS);
        for (String dir : dirs) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, binary);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate.toAbsolutePath();
            }
        }
        throw new IllegalStateException(missingMessage(binary, debianPackage));
    }

    static String missingMessage(String binary, String debianPackage) {
        return binary + " not found: install it with 'apt-get install -y " + debianPackage
                + "' (or run ./pulse test as root, which installs it)";
    }
}
