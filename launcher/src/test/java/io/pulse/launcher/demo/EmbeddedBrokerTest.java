package io.pulse.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmbeddedBrokerTest {

    @Test
    void configBindsLoopbackWithoutStatisticsInMemory() {
        String xml = EmbeddedBroker.config(18830);

        assertThat(xml).contains("<port>18830</port>")
                .contains("<bind-address>127.0.0.1</bind-address>")
                .containsPattern("<anonymous-usage-statistics>\\s*<enabled>false</enabled>")
                .containsPattern("<persistence>\\s*<mode>in-memory</mode>");
    }
}
