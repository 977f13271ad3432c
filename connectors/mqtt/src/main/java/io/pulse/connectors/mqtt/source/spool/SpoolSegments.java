package io.pulse.connectors.mqtt.source.spool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The segment files of one session's spool folder, named by their number: {@code 0000000000000042.seg}. */
final class SpoolSegments {

    private static final String SUFFIX = ".seg";

    private SpoolSegments() {}

    static Path path(Path folder, long segment) {
        return folder.resolve(String.format("%016d%s", segment, SUFFIX));
    }

    /** Existing segments, by number, with their sizes in bytes. */
    static TreeMap<Long, Long> list(Path folder) {
        TreeMap<Long, Long> segments = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (name.endsWith(SUFFIX) && name.length() == 16 + SUFFIX.length()) {
                    segments.put(Long.parseLong(name.substring(0, 16)), Files.size(file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list MQTT spool folder " + folder + ": " + e.getMessage(), e);
        }
        return segments;
    }
}
