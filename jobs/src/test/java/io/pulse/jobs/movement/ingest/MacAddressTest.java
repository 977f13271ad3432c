package io.pulse.jobs.movement.ingest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MacAddressTest {

    @Test
    void theThreeNotationsNormalizeToLowercaseColons() {
        assertThat(MacAddress.normalize("A4:5E:60:12:34:56")).isEqualTo("a4:5e:60:12:34:56");
        assertThat(MacAddress.normalize("a4-5e-60-12-34-FF")).isEqualTo("a4:5e:60:12:34:ff");
        assertThat(MacAddress.normalize("A45E60123456")).isEqualTo("a4:5e:60:12:34:56");
    }

    @Test
    void anythingElseIsNotAMac() {
        for (String text : new String[] {
                "", "A4:5E:60:12:34", "A4:5E:60:12:34:5", "A4:5E:60:12:34:567", "A4-5E:60:12:34:56",
                "A4:5E-60-12-34-56", "A4.5E.60.12.34.56", "a45e.6012.3456", "G4:5E:60:12:34:56", "A45E6012345",
                "A45E601234567", " A4:5E:60:12:34:56", "A4:5E:60:12:34:5 ", "ａ4:5e:60:12:34:56", "A4::E:60:12:34:56"}) {
            assertThat(MacAddress.normalize(text)).as("'%s'", text).isNull();
        }
        assertThat(MacAddress.normalize(null)).isNull();
    }
}
