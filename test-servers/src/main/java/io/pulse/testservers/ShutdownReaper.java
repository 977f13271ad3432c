package io.pulse.testservers;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One JVM shutdown hook for all servers still running when the test JVM exits (a test that forgot
 * {@code stop()}, Ctrl-C, a surefire timeout): each is terminated and its data directory removed,
 * so no broker or database outlives the build. A SIGKILLed JVM runs no hooks; nothing can help there.
 */
final class ShutdownReaper {

    private static final Set<ChildProcessServer> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ShutdownReaper::reapAll, "pulse-test-servers-reaper"));
    }

    private ShutdownReaper() {}

    static void register(ChildProcessServer server) {
        LIVE.add(server);
    }

    static void unregister(ChildProcessServer server) {
        LIVE.remove(server);
    }

    private static void reapAll() {
        List<ChildProcessServer> servers = new ArrayList<>(LIVE);
        // SIGTERM all first, so they shut down in parallel; then SIGKILL whatever is slow.
        servers.forEach(ChildProcessServer::signalTerminate);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        for (ChildProcessServer server : servers) {
            server.killAfter(Math.max(0, deadline - System.nanoTime()));
            server.deleteDataDirQuietly();
        }
    }
}
