package io.pulse.launcher.demo.stores;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CacheDirTest {

    @Test
    void isPulseUnderXdgCacheHomeWhenThatIsAnAbsolutePath() {
        assertThat(CacheDir.of(Map.of("XDG_CACHE_HOME", "/var/cache/ada"), "/home/ada"))
                .isEqualTo(Path.of("/var/cache/ada/pulse"));
    }

    @Test
    void isDotCachePulseInTheHomeFolderOtherwise() {
        assertThat(CacheDir.of(Map.of(), "/home/ada")).isEqualTo(Path.of("/home/ada/.cache/pulse"));
        assertThat(CacheDir.of(Map.of("XDG_CACHE_HOME", ""), "/home/ada")).isEqualTo(Path.of("/home/ada/.cache/pulse"));
        assertThat(CacheDir.of(Map.of("XDG_CACHE_HOME", "relative/cache"), "/home/ada"))
                .isEqualTo(Path.of("/home/ada/.cache/pulse"));
    }
}
