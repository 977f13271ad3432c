package io.pulse.jobs.storage;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class SqlTimesTest {

    private static final DateTimeFormatter REFERENCE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    @Test
    void writesDatetime3TextInUtc() {
        assertThat(SqlTimes.utc(Instant.parse("2026-03-02T08:00:20.250Z"))).isEqualTo("2026-03-02 08:00:20.250");
        assertThat(SqlTimes.utc(Instant.parse("1970-01-01T00:00:00Z"))).isEqualTo("1970-01-01 00:00:00.000");
        assertThat(SqlTimes.utc(Instant.parse("2024-02-29T23:59:59.999999Z"))).as("milliseconds truncated, as DATETIME(3) keeps them")
                .isEqualTo("2024-02-29 23:59:59.999");
        assertThat(SqlTimes.utc(Instant.parse("0999-12-31T23:59:59.001Z"))).isEqualTo("0999-12-31 23:59:59.001");
    }

    @Test
    void agreesWithTheFormatterItReplacedOverTheYearsDevicesSend() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) {
            Instant t = Instant.ofEpochMilli(random.nextLong(0, 253_402_300_800_000L)); // up to 9999-12-31
            assertThat(SqlTimes.utc(t)).isEqualTo(REFERENCE.format(t));
        }
    }

    @Test
    void beyondYear9999ItIsTheFormattersText() {
        Instant far = Instant.parse("+12026-01-01T00:00:00Z");
        assertThat(SqlTimes.utc(far)).isEqualTo(REFERENCE.format(far));
    }
}
