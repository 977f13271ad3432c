package io.pulse.bench.e2e;

import io.pulse.testservers.MosquittoServer;

import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A started side receiving one scenario's N messages at one rate: publish, watch the store until all N
 * are there, read the probes' latency meanwhile (at the latency rate), check.
 */
final class Scenario {

    /** The count is read every second until 90 % of N are stored, then every 100 ms. */
    static final long SLOW_POLL_MS = 1_000;
    static final long FAST_POLL_MS = 100;
    static final long PROBE_POLL_MS = 100;
    static final long FLUSH_EVERY_MS = 200;

    private static final Pattern CONNECTED = Pattern.compile("New client connected from \\S+ as (\\S+) ");

    record Result(Side side, int rate, int messages, long stored, double perSecond, double publishedPerSecond,
                  double seconds, List<Long> latenciesMs, long probes, String checks, String failure, CpuUse.Used cpu) {

        boolean exact() {
            return failure == null && stored == messages;
        }
    }

    private Scenario() {}

    /** A scenario that could not run, e.g. because its side did not start. */
    static Result failed(Side side, String tag, int n, int rate, String why) {
        System.out.printf("%s %s at %s: FAILED: %s%n", tag, side.key(), rate == 0 ? "unlimited" : rate + "/s", why);
        return new Result(side, rate, n, 0, Double.NaN, Double.NaN, Double.NaN, List.of(), 0, "", why, null);
    }

    static Result run(Servers s, Side side, String tag, int n, int rate, boolean latency, int probeEvery,
                      long stallSeconds) throws Exception {
        Workload w = side.workload();
        String failure = null;
        long stored = 0;
        double perSecond = Double.NaN;
        double publishedPerSecond = Double.NaN;
        double seconds = Double.NaN;
        String checks = "";
        CpuUse.Used cpu = null;
        List<Long> latencies = new ArrayList<>();
        String registration = null;
        System.out.printf("%s %s: %,d messages at %s...%n", tag, side.key(), n, rate == 0 ? "an unlimited rate" : rate + " msg/s");
        try {
            Stores.Store store = side.store(s, tag);
            AtomicBoolean done = new AtomicBoolean();
            Thread probes = null;
            if (latency) {
                Set<String> keys = new TreeSet<>();
                for (long k = 0; k < n; k++) {
                    if (w.probe(k, probeEvery)) {
                        keys.add(w.id(tag, k, probeEvery));
                    }
                }
                long registeredMs = store.registerProbes(keys);
                if (registeredMs >= 0) {
                    registration = String.format("the store showed the %d probe series %,d ms after they were registered", keys.size(),
                            registeredMs);
                }
                probes = new Thread(() -> pollProbes(store, w, done, latencies), "probes-" + tag);
                probes.setDaemon(true);
                probes.start();
            }
            try (Publisher publisher = new Publisher(s.mqtt(), "e2e-pub-" + tag)) {
                long[] doneAt = {0};
                long[] lastCount = {0};
                Throwable[] pollFailure = {null};
                AtomicBoolean published = new AtomicBoolean();
                AtomicBoolean ended = new AtomicBoolean();
                Thread counter = new Thread(() -> {
                    try {
                        long lastChange = System.nanoTime();
                        while (!done.get()) {
                            long c = store.count();
                            long now = System.nanoTime();
                            if (c != lastCount[0]) {
                                lastCount[0] = c;
                                lastChange = now;
                            }
                            if (c >= n) {
                                doneAt[0] = now;
                                break;
                            }
                            if (published.get() && now - lastChange > TimeUnit.SECONDS.toNanos(stallSeconds)) {
                                break;
                            }
                            if (!side.alive()) {
                                ended.set(true);
                                break;
                            }
                            Thread.sleep(c >= 0.9 * n ? FAST_POLL_MS : SLOW_POLL_MS);
                        }
                    } catch (Throwable e) {
                        pollFailure[0] = e;
                    }
                }, "count-" + tag);
                CpuUse.Snapshot cpuAtStart = CpuUse.now();
                counter.start();
                Publisher.Published p = publisher.publishAll(w, tag, n, rate, probeEvery);
                published.set(true);
                publishedPerSecond = n * 1e9 / (p.lastAckNanos() - p.firstNanos());
                long flushTs = 0;
                while (counter.isAlive()) {
                    if (side.flushes()) {
                        for (int i = 0; i < Workload.FLUSH_KEYS; i++) {
                            flushTs = Math.max(System.currentTimeMillis() + w.flushAheadMs, flushTs + 1);
                            publisher.publishFlush(w, tag, i, flushTs);
                        }
                    }
                    counter.join(FLUSH_EVERY_MS);
                }
                cpu = CpuUse.between(cpuAtStart, CpuUse.now(), n);
                if (pollFailure[0] != null) {
                    throw new IllegalStateException("reading the store failed: " + pollFailure[0], pollFailure[0]);
                }
                if (doneAt[0] != 0) {
                    seconds = (doneAt[0] - p.firstNanos()) / 1e9;
                    perSecond = n / seconds;
                } else if (ended.get()) {
                    failure = String.format("its process ended after %,d of %,d were stored", lastCount[0], n);
                } else {
                    failure = String.format("only %,d of %,d stored, none more for %d s", lastCount[0], n, stallSeconds);
                }
                Thread.sleep(2_000); // anything more than N (a duplicate) would show now
                done.set(true);
                if (probes != null) {
                    probes.join(5_000);
                }
                stored = store.count();
                checks = side.checks(s, tag, n);
                if (registration != null) {
                    checks = checks.isEmpty() ? registration : checks + "; " + registration;
                }
            }
        } catch (Exception e) {
            failure = e.getMessage() == null ? e.toString() : e.getMessage();
            e.printStackTrace();
        }
        long sentProbes = 0;
        for (long k = 0; k < n; k++) {
            sentProbes += w.probe(k, probeEvery) ? 1 : 0;
        }
        Result r = new Result(side, rate, n, stored, perSecond, publishedPerSecond, seconds, latencies,
                latency ? sentProbes : 0, checks, failure, cpu);
        System.out.printf("%s %s at %s: stored %,d of %,d, %,.0f msg/s until stored (published at %,.0f/s)%s; %s%s%n", tag,
                side.key(), rate == 0 ? "unlimited" : rate + "/s", stored, n, perSecond, publishedPerSecond,
                latencies.isEmpty() ? "" : String.format(", latency p50 %,d ms p99 %,d ms (%,d of %,d probes seen)",
                        percentile(latencies, 50), percentile(latencies, 99), latencies.size(), r.probes()),
                checks, failure == null ? "" : "; FAILED: " + failure);
        if (cpu != null) {
            System.out.printf("%s %s: %s%n", tag, side.key(), cpu.describe());
        }
        return r;
    }

    /** Until {@code done}: every probe record that became visible since the last poll, with its ts, gives one latency. */
    private static void pollProbes(Stores.Store store, Workload w, AtomicBoolean done, List<Long> latencies) {
        Set<Stores.Probe> seen = new HashSet<>();
        long maxSeen = System.currentTimeMillis();
        long window = w == Workload.MOVEMENT ? 120_000 : 30_000;
        while (!done.get()) {
            try {
                long polled = System.currentTimeMillis();
                List<Stores.Probe> visible = store.probesSince(maxSeen - window);
                if (visible == null) {
                    return;
                }
                for (Stores.Probe probe : visible) {
                    if (seen.add(probe)) {
                        synchronized (latencies) {
                            latencies.add(polled - probe.ts());
                        }
                        maxSeen = Math.max(maxSeen, probe.ts());
                    }
                }
                Thread.sleep(PROBE_POLL_MS);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                System.err.println("probe poll: " + e);
            }
        }
    }

    static long percentile(List<Long> values, int p) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> sorted;
        synchronized (values) {
            sorted = new ArrayList<>(values);
        }
        sorted.sort(null);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    /**
     * Ends every session that connected since {@code offset} of the broker's log (a side's, the publishers'):
     * a persistent session left behind would make the broker queue every later side's messages for it.
     */
    static void removeSessions(MosquittoServer mqtt, Path brokerLog, long offset) {
        Set<String> ids = new LinkedHashSet<>();
        try {
            byte[] all = Files.readAllBytes(brokerLog);
            String since = new String(all, (int) Math.min(offset, all.length), (int) (all.length - Math.min(offset, all.length)),
                    StandardCharsets.UTF_8);
            Matcher m = CONNECTED.matcher(since);
            while (m.find()) {
                ids.add(m.group(1));
            }
        } catch (IOException e) {
            System.err.println("reading the broker's log: " + e);
        }
        for (String id : ids) {
            try {
                Mqtt5AsyncClient client = Mqtt5Client.builder().identifier(id).serverHost(mqtt.host()).serverPort(mqtt.port())
                        .buildAsync();
                client.connectWith().cleanStart(true).sessionExpiryInterval(0).send().orTimeout(10, TimeUnit.SECONDS).join();
                client.disconnect().orTimeout(10, TimeUnit.SECONDS).join();
            } catch (RuntimeException e) {
                System.err.println("removing session " + id + ": " + e);
            }
        }
    }
}
