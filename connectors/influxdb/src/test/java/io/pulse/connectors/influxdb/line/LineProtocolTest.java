package io.pulse.connectors.influxdb.line;

import io.pulse.connectors.influxdb.InfluxPoint;
import io.pulse.connectors.influxdb.InfluxPrecision;

import org.junit.jupiter.api.Test;

import static io.pulse.connectors.influxdb.InfluxPrecision.MILLISECONDS;
import static io.pulse.connectors.influxdb.InfluxPrecision.NANOSECONDS;
import static io.pulse.connectors.influxdb.InfluxPrecision.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

class LineProtocolTest {

    private static InfluxPoint.Builder point(String measurement) {
        return InfluxPoint.builder(measurement).time(1_700_000_000_123L, MILLISECONDS);
    }

    @Test
    void rendersMeasurementSortedTagsFieldsAndTimestamp() {
        InfluxPoint p = point("readings").tag("site", "north").tag("device", "d1")
                .field("temperature", 21.5).field("battery", 87L).field("online", true).field("note", "ok")
                .build();
        assertThat(LineProtocol.render(p, MILLISECONDS))
                .isEqualTo("readings,device=d1,site=north battery=87i,note=\"ok\",online=true,temperature=21.5 1700000000123");
    }

    @Test
    void measurementEscapesCommasAndSpacesButNotEqualsSigns() {
        InfluxPoint p = point("door events,v=2").field("f", 1.0).build();
        assertThat(LineProtocol.render(p, MILLISECONDS)).isEqualTo("door\\ events\\,v=2 f=1.0 1700000000123");
    }

    @Test
    void tagKeysTagValuesAndFieldKeysEscapeCommasEqualsSignsAndSpaces() {
        InfluxPoint p = point("m").tag("gate name", "main gate,north=A").field("open count=x", 2L).build();
        assertThat(LineProtocol.render(p, MILLISECONDS))
                .isEqualTo("m,gate\\ name=main\\ gate\\,north\\=A open\\ count\\=x=2i 1700000000123");
    }

    @Test
    void stringFieldValuesEscapeQuotesAndBackslashesOnly() {
        InfluxPoint p = point("m").field("s", "say \"hi\", a=b c:\\d").build();
        assertThat(LineProtocol.render(p, MILLISECONDS)).isEqualTo("m s=\"say \\\"hi\\\", a=b c:\\\\d\" 1700000000123");
    }

    @Test
    void quotesInNamesAndBackslashesInsideNamesStayAsTheyAre() {
        // line protocol escapes neither in names; only a trailing backslash is ambiguous (refused by InfluxPoint)
        InfluxPoint p = point("m\"q").tag("t", "a\\b").field("f", 1.0).build();
        assertThat(LineProtocol.render(p, MILLISECONDS)).isEqualTo("m\"q,t=a\\b f=1.0 1700000000123");
    }

    @Test
    void numbersKeepTheirTypeAndFullPrecision() {
        InfluxPoint p = point("m").field("a", 1e-5).field("b", -0.0).field("c", Long.MIN_VALUE)
                .field("d", 0.1f).field("e", 3).field("f", false).build();
        assertThat(LineProtocol.render(p, MILLISECONDS))
                .isEqualTo("m a=1.0E-5,b=-0.0,c=-9223372036854775808i,d=0.10000000149011612,e=3i,f=false 1700000000123");
    }

    @Test
    void timestampIsConvertedToTheWritePrecision() {
        InfluxPoint p = point("m").field("f", 1.0).build();
        assertThat(LineProtocol.render(p, NANOSECONDS)).endsWith(" 1700000000123000000");
        assertThat(LineProtocol.render(p, SECONDS)).endsWith(" 1700000000");
        assertThat(LineProtocol.render(p, InfluxPrecision.MICROSECONDS)).endsWith(" 1700000000123000");
    }

    @Test
    void theSamePointAlwaysRendersTheSameBytes() {
        InfluxPoint a = point("m").tag("b", "2").tag("a", "1").field("y", 2.0).field("x", 1.0).build();
        InfluxPoint b = point("m").tag("a", "1").tag("b", "2").field("x", 1.0).field("y", 2.0).build();
        assertThat(LineProtocol.render(a, MILLISECONDS)).isEqualTo(LineProtocol.render(b, MILLISECONDS))
                .isEqualTo("m,a=1,b=2 x=1.0,y=2.0 1700000000123");
        assertThat(a).isEqualTo(b);
    }
}
