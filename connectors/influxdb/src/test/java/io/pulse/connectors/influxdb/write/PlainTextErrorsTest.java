package io.pulse.connectors.influxdb.write;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlainTextErrorsTest {

    @Test
    void makesAnyBodyAOneLineAsciiHeaderValue() {
        assertThat(PlainTextErrors.headerSafe("cannot parse\n  line \"m f=\" – bad\t\r\n"))
                .isEqualTo("cannot parse line \"m f=\" bad");
    }
}
