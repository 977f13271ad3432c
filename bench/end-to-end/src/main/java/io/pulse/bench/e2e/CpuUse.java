package io.pulse.bench.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Where the cores went during a scenario: CPU time of this benchmark's JVM (the publisher, the polls, the
 * in-process plain subscriber) and of every process it started (broker, databases, the side under test),
 * grouped by program, as the operating system counts it. A scenario's rate is bounded by the work all of
 * them do on the same cores, so this says which part a faster side would have to take time from.
 */
final class CpuUse {

    /** CPU time per program at one moment. */
    record Snapshot(long nanoTime, Map<String, Long> cpuNanos) {}

    /** CPU used between two snapshots: cores per program (CPU time over wall time) and CPU per message. */
    record Used(double seconds, Map<String, Double> cores, Map<String, Double> microsPerMessage) {

        String describe() {
            if (cores.isEmpty()) {
                return "";
            }
            double total = cores.values().stream().mapToDouble(Double::doubleValue).sum();
            return cores.entrySet().stream()
                    .map(e -> String.format(Locale.ROOT, "%s %.2f (%.1f µs/msg)", e.getKey(), e.getValue(), microsPerMessage.get(e.getKey())))
                    .collect(Collectors.joining(", ", String.format(Locale.ROOT, "CPU, cores of %d: %.2f in all: ",
                            Runtime.getRuntime().availableProcessors(), total), ""));
        }
    }

    private CpuUse() {}

    static Snapshot now() {
        Map<String, Long> cpu = new TreeMap<>();
        ProcessHandle self = ProcessHandle.current();
        add(cpu, "benchmark", self);
        self.descendants().forEach(p -> add(cpu, program(p), p));
        return new Snapshot(System.nanoTime(), cpu);
    }

    static Used between(Snapshot from, Snapshot to, long messages) {
        double seconds = (to.nanoTime() - from.nanoTime()) / 1e9;
        Map<String, Double> cores = new LinkedHashMap<>();
        Map<String, Double> perMessage = new LinkedHashMap<>();
        to.cpuNanos().entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> {
                    long used = e.getValue() - from.cpuNanos().getOrDefault(e.getKey(), 0L);
                    if (used > 0 && seconds > 0) {
                        cores.put(e.getKey(), used / 1e9 / seconds);
                        perMessage.put(e.getKey(), used / 1e3 / messages);
                    }
                });
        return new Used(seconds, cores, perMessage);
    }

    private static void add(Map<String, Long> cpu, String program, ProcessHandle p) {
        p.info().totalCpuDuration().map(Duration::toNanos).ifPresent(n -> cpu.merge(program, n, Long::sum));
    }

    /** The program's file name; a JVM started by ./pulse run or a baseline is named by what it runs. */
    private static String program(ProcessHandle p) {
        String command = p.info().command().map(c -> Path.of(c).getFileName().toString()).orElse("?");
        if (command.equals("java")) {
            return "side's java";
        }
        return command;
    }
}
