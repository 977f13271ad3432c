package io.pulse.connectors.mqtt.source;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.runtime.ObjectMethods;
import java.util.List;

/**
 * Makes Java 17 forget the last record classes whose {@code equals}, {@code hashCode} and
 * {@code toString} it built. {@link ObjectMethods} builds them from four method handles of its own,
 * each of which keeps its last {@code asType} adaptation in a strong field
 * ({@code MethodHandle.asTypeCache}) whose type names the record or a component's class: the last
 * job to compare, hash or print a record of its jar for the first time kept its class loader in
 * memory until another record took its place (JDK-8078641, fixed in Java 18).
 *
 * <p>Here because the source's enumerator is a job's last code in a JobManager (Flink hashes and
 * logs the splits there); the jobs' class loader release runs it in TaskManagers and after main().
 */
public final class RecordMethodCaches {

    private RecordMethodCaches() {}

    /** Builds the three methods once more for a stand-in "record" of the JDK's own class, String. */
    public static void reset() {
        if (Runtime.version().feature() >= 18) {
            return; // the cache no longer holds classes of another class loader
        }
        // String, not Object: an adaptation to the handles' own type (Object) would leave the cache as it is.
        MethodHandle value = MethodHandles.identity(String.class);
        for (String method : List.of("equals", "hashCode", "toString")) {
            try {
                ObjectMethods.bootstrap(MethodHandles.lookup(), method, MethodHandle.class, String.class, "value", value);
            } catch (Throwable e) {
                throw new IllegalStateException("cannot reset the JDK's record method caches: " + e, e);
            }
        }
    }
}
