package io.pulse.testservers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** File chores of the server kit: log tails for error messages, removal of data directories. */
final class ServerFiles {

    private ServerFiles() {}

    /** The last {@code lines} lines of a log, or a note saying why there are none. */
    static String tail(Path log, int lines) {
        if (!Files.exists(log)) {
            return "(no log file " + log + ")";
        }
        try {
            // Server logs may contain bytes that are not UTF-8; never let that hide the error.
            String text = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
            List<String> all = text.lines().toList();
            List<String> last = all.subList(Math.max(0, all.size() - lines), all.size());
            return last.isEmpty() ? "(log " + log + " is empty)" : String.join("\n", last);
        } catch (IOException e) {
            return "(could not read " + log + ": " + e + ")";
        }
    }

    static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + dir, e);
        }
    }
}
