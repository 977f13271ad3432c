package io.pulse.testservers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;

import org.junit.jupiter.api.Test;

class RequiredBinaryTest {

    @Test
    void findsAnInstalledBinaryAsAbsolutePath() {
        var sh = RequiredBinary.find("sh", "dash");
        assertThat(sh).isAbsolute();
        assertThat(Files.isExecutable(sh)).isTrue();
    }

    @Test
    void findsDaemonsInSbinEvenWhenPathLacksIt() {
        // mosquitto lives in /usr/sbin on Debian; it must be found regardless of PATH.
        assertThat(RequiredBinary.find("mosquitto", "mosquitto")).hasToString("/usr/sbin/mosquitto");
    }

    @Test
    void missingBinaryFailsWithTheInstallCommand() {
        assertThatThrownBy(() -> RequiredBinary.find("no-such-server-xyz", "no-such-package"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no-such-server-xyz not found: install it with 'apt-get install -y no-such-package'"
                        + " (or run ./pulse test as root, which installs it)");
    }

    @Test
    void freePortIsBindableOnLoopback() throws Exception {
        int port = FreePorts.find();
        assertThat(port).isBetween(1024, 65535);
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThat(socket.getLocalPort()).isEqualTo(port);
        }
    }
}
