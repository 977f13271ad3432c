package io.pulse.jobs.ingest;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class CanonicalUtcTest {

    /** What the general parser makes of a text: its instant, or null when it refuses it. */
    private static Instant general(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Test
    void readsWhatInstantWritesExactlyAsTheGeneralParserDoes() {
        Random random = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            long seconds = random.nextLong(0, Instant.parse("9999-12-31T23:59:59Z").getEpochSecond());
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            String text = Instant.ofEpochSecond(seconds, nanos).toString();
            assertThat(CanonicalUtc.parse(text)).as(text).isNotNull().isEqualTo(general(text));
        }
    }

    @Test
    void everyFractionLengthFromOneToNine() {
        String fraction = "123456789";
        for (int digits = 1; digits <= 9; digits++) {
            String text = "2026-03-02T08:00:01." + fraction.substring(0, digits) + "Z";
            assertThat(CanonicalUtc.parse(text)).as(text).isNotNull().isEqualTo(general(text));
        }
    }

    @Test
    void leavesEveryOtherFormAndEveryInvalidTimeToTheGeneralParser() {
        String[] others = {
            "2026-03-02T08:00:01+02:00", "2026-03-02T08:00:01.250+05:30", "2026-03-02t08:00:01Z", "2026-03-02T08:00:01z",
            "2026-03-02T08:00Z", "2026-03-02T08:00:01.Z", "2026-03-02T08:00:01.1234567890Z", "1969-12-31T23:59:59Z",
            "2026-02-30T08:00:01Z", "2026-13-02T08:00:01Z", "2026-00-02T08:00:01Z", "2026-03-00T08:00:01Z",
            "2026-03-02T24:00:01Z", "2026-03-02T08:60:01Z", "2026-03-02T08:00:60Z", "2026-03-02 08:00:01Z",
            "2026-03-02T08:00:01", "+2026-03-02T08:00:01Z", "2026-03-02T08:0a:01Z", "2026-03-02T08:00:01.25xZ",
            "２０２６-03-02T08:00:01Z",
        };
        for (String text : others) {
            assertThat(CanonicalUtc.parse(text)).as(text).isNull();
        }
        assertThat(CanonicalUtc.parse("2024-02-29T12:00:00Z")).as("a leap day").isEqualTo(general("2024-02-29T12:00:00Z"));
    }
}
