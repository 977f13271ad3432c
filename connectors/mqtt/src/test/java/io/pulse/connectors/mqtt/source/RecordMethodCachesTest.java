package io.pulse.connectors.mqtt.source;

import org.junit.jupiter.api.Test;

import java.lang.ref.WeakReference;
import java.net.URL;
import java.net.URLClassLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A record class of a class loader of its own (a job's, on a cluster) whose equals, hashCode and
 * toString ran once: on Java 17 the JDK's record method caches keep its loader, unless reset.
 */
class RecordMethodCachesTest {

    /** All four of the JDK's cached adaptations name it: the receiver and a component of its own type. */
    public record Link(String name, Link next) {}

    @Test
    void afterTheResetARecordsClassLoaderIsGarbage() throws Exception {
        WeakReference<ClassLoader> loader = useARecordInItsOwnLoader();
        RecordMethodCaches.reset();
        assertThat(liveAfterGc(loader)).isFalse();
    }

    @Test
    void controlWithoutTheResetJava17KeepsIt() throws Exception {
        WeakReference<ClassLoader> loader = useARecordInItsOwnLoader();
        try {
            assertThat(liveAfterGc(loader)).as("Java %s", Runtime.version().feature())
                    .isEqualTo(Runtime.version().feature() < 18);
        } finally {
            RecordMethodCaches.reset();
        }
    }

    private static WeakReference<ClassLoader> useARecordInItsOwnLoader() throws Exception {
        URL classes = Link.class.getProtectionDomain().getCodeSource().getLocation();
        URLClassLoader loader = new URLClassLoader(new URL[] {classes}, ClassLoader.getPlatformClassLoader());
        Class<?> link = loader.loadClass(Link.class.getName());
        assertThat(link).isNotSameAs(Link.class);
        Object a = link.getConstructor(String.class, link).newInstance("a", null);
        Object b = link.getConstructor(String.class, link).newInstance("b", a);
        Object same = link.getConstructor(String.class, link).newInstance("b", a);
        assertThat(b.equals(same)).isTrue();
        assertThat(b.hashCode()).isEqualTo(same.hashCode());
        assertThat(b.toString()).isEqualTo("Link[name=b, next=Link[name=a, next=null]]");
        loader.close();
        return new WeakReference<>(loader);
    }

    private static boolean liveAfterGc(WeakReference<ClassLoader> loader) throws InterruptedException {
        for (int i = 0; i < 5 && loader.get() != null; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return loader.get() != null;
    }
}
