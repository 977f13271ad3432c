package io.pulse.connectors.mqtt.source;

import io.pulse.connectors.mqtt.client.ConnectionState;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the MQTT sources running in this JVM have subscribed, for a process that runs its jobs
 * locally (the launcher, tests) and must not say "receiving" before a message published now would
 * reach them: on its first start a session does not exist on the broker until it subscribes, and
 * what is published before is dropped. On a cluster, the metric {@code subscribedSessions} tells
 * the same.
 */
public final class MqttSubscriptions {

    private static final Map<String, Started> EXPECTED = new ConcurrentHashMap<>();
    private static final Map<String, ConnectionState> SESSIONS = new ConcurrentHashMap<>();

    private MqttSubscriptions() {}

    /** One start of a source: a later start under the same prefix replaces it, and its close leaves that one alone. */
    public static final class Started {
        private final int sessions;

        private Started(int sessions) {
            this.sessions = sessions;
        }
    }

    /** A source with this client-id prefix started and will open {@code sessions} sessions; give the result to {@link #sourceClosed}. */
    public static Started sourceStarted(String clientIdPrefix, int sessions) {
        Started started = new Started(sessions);
        EXPECTED.put(clientIdPrefix, started);
        return started;
    }

    /**
     * The source of that start closed. A cancelled job's source may close after the next job's
     * started under the same prefix: only its own entry goes.
     */
    public static void sourceClosed(String clientIdPrefix, Started started) {
        EXPECTED.remove(clientIdPrefix, started);
    }

    public static void sessionOpened(String clientId, ConnectionState state) {
        SESSIONS.put(clientId, state);
    }

    public static void sessionClosed(String clientId, ConnectionState state) {
        SESSIONS.remove(clientId, state);
    }

    /** Per started source: "subscribed/expected", e.g. {@code {pulse-energy=1/2}}; empty when none started. */
    public static Map<String, String> status() {
        Map<String, String> status = new TreeMap<>();
        EXPECTED.forEach((prefix, expected) -> status.put(prefix, subscribed(prefix) + "/" + expected.sessions));
        return status;
    }

    /** Whether at least one source started and every one has all its sessions subscribed. */
    public static boolean allSubscribed() {
        return !EXPECTED.isEmpty() && EXPECTED.entrySet().stream().allMatch(e -> subscribed(e.getKey()) >= e.getValue().sessions);
    }

    /** Waits until {@link #allSubscribed()}; false when the timeout passed first. */
    public static boolean awaitAllSubscribed(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!allSubscribed()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    /** Why a session of a started source is not subscribed, as its client logged it last; empty when none said. */
    public static Optional<String> lastFailure() {
        return SESSIONS.entrySet().stream()
                .filter(e -> EXPECTED.keySet().stream().anyMatch(prefix -> isSessionOf(e.getKey(), prefix)))
                .map(Map.Entry::getValue)
                .filter(state -> !state.subscribed() && state.lastFailure() != null)
                .map(ConnectionState::lastFailure)
                .sorted()
                .findFirst();
    }

    /** How often the sessions of the source with this prefix that are open now had to reconnect. */
    public static long reconnects(String clientIdPrefix) {
        return SESSIONS.entrySet().stream()
                .filter(e -> isSessionOf(e.getKey(), clientIdPrefix))
                .mapToLong(e -> e.getValue().reconnects())
                .sum();
    }

    private static long subscribed(String prefix) {
        return SESSIONS.entrySet().stream()
                .filter(e -> isSessionOf(e.getKey(), prefix) && e.getValue().subscribed())
                .count();
    }

    /** {@code <prefix>-<digits>}: "pulse-telemetry-0" is a session of "pulse-telemetry", "pulse-telemetry-rules-0" is not. */
    private static boolean isSessionOf(String clientId, String prefix) {
        if (!clientId.startsWith(prefix + "-") || clientId.length() == prefix.length() + 1) {
            return false;
        }
        return clientId.substring(prefix.length() + 1).chars().allMatch(Character::isDigit);
    }
}
