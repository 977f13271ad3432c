package io.pulse.firmware;

import io.pulse.jobs.movement.ingest.MacAddress;
import io.pulse.jobs.movement.ingest.Pseudonyms;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The firmware's on-device pseudonym (macHash) is the movement job's person id: the shared table
 * the C tests use is checked here against the job's own {@link Pseudonyms}, and the C core
 * (pulse-pseudonym) is compared with it on MACs drawn at random, in every notation.
 */
class PseudonymCrossCheckTest {

    private static final Pattern ROW =
            Pattern.compile("\\{\"((?:[^\"\\\\]|\\\\.)*)\", \"([^\"]*)\", \"([^\"]*)\", \"([0-9a-f]{64})\"\\},");

    record Vector(String key, String mac, String normalized, String macHash) {}

    @Test
    void everyRowOfTheFirmwaresTableIsTheJobsPseudonym() throws IOException {
        List<Vector> rows = vectors();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(20);
        assertThat(rows).extracting(Vector::key).contains("clé-secrète-ü"); // a UTF-8 key survived
        for (Vector v : rows) {
            assertThat(new Pseudonyms(v.key()).personId(v.normalized())).as(v.toString()).isEqualTo(v.macHash());
            if (!v.mac().contains(".")) { // the job reads ':' '-' and bare hex; the firmware also dots
                assertThat(MacAddress.normalize(v.mac())).as(v.mac()).isEqualTo(v.normalized());
            }
        }
    }

    @Test
    void theCoreAndTheJobAgreeOnRandomMacsInEveryNotation() {
        String key = "a campus secret with spaces, ümlauts and 🙂";
        Pseudonyms job = new Pseudonyms(key);
        Random random = new Random(2026);
        List<String> written = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            byte[] octets = new byte[6];
            random.nextBytes(octets);
            String hex = HexFormat.of().formatHex(octets);
            String normalized = String.join(":", hex.substring(0, 2), hex.substring(2, 4), hex.substring(4, 6),
                    hex.substring(6, 8), hex.substring(8, 10), hex.substring(10, 12));
            String text = switch (i % 5) {
                case 0 -> normalized.toUpperCase(Locale.ROOT);
                case 1 -> normalized.replace(':', '-');
                case 2 -> hex.substring(0, 4) + "." + hex.substring(4, 8) + "." + hex.substring(8, 12);
                case 3 -> random.nextBoolean() ? hex : hex.toUpperCase(Locale.ROOT);
                default -> normalized.replace(':', '.');
            };
            written.add(text);
            expected.add(normalized + " " + job.personId(normalized));
        }
        written.add("not-a-mac");
        expected.add("not-a-mac invalid");

        List<String> command = new ArrayList<>(List.of(FirmwareBuild.hostProgram("pulse-pseudonym").toString()));
        command.addAll(written);
        List<String> lines = runWithKey(command, key);
        assertThat(lines).containsExactlyElementsOf(expected);
    }

    private static List<String> runWithKey(List<String> command, String key) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().write((key + "\n").getBytes(StandardCharsets.UTF_8)); // its exact UTF-8 bytes
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(Duration.ofSeconds(30).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)).isTrue();
            assertThat(p.exitValue()).as(out).isZero();
            return out.lines().toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static List<Vector> vectors() throws IOException {
        Path file = FirmwareBuild.sourceDir().resolve("core/test/test_pseudonym/pseudonym_vectors.h");
        List<Vector> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            Matcher m = ROW.matcher(line.trim());
            if (m.matches()) {
                rows.add(new Vector(unescape(m.group(1)), m.group(2), m.group(3), m.group(4)));
            }
        }
        return rows;
    }

    private static String unescape(String c) {
        return c.replace("\\\"", "\"").replace("\\\\", "\\");
    }
}
