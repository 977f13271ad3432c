package io.pulse.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * How much CPU the rest of the machine used while the benchmark ran: all busy time from
 * {@code /proc/stat} minus this JVM's and its own servers' (the processes whose command line
 * contains one of the given strings, e.g. a server's private directory). On a shared 2-core
 * machine a neighbour's build or benchmark moves the numbers a lot; the report says so.
 */
public final class CpuShare {

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux
    /** Other processes above this many cores on average: the machine was shared. */
    private static final double QUIET = 0.2;

    private final List<String> ownCommandLines;
    private final long machineBusy;
    private final long ours;
    private final long started = System.nanoTime();

    private CpuShare(List<String> ownCommandLines) {
        this.ownCommandLines = ownCommandLines;
        this.machineBusy = machineBusyTicks();
        this.ours = processTicks(Path.of("/proc/self")) + serverTicks(ownCommandLines);
    }

    /** @param ownCommandLines strings that the command lines of the benchmark's own servers contain */
    public static CpuShare now(String... ownCommandLines) {
        return new CpuShare(List.of(ownCommandLines));
    }

    /** Average cores other processes kept busy since this snapshot; negative when /proc is unreadable. */
    public double othersSince() {
        CpuShare end = new CpuShare(ownCommandLines);
        if (machineBusy < 0 || end.machineBusy < 0) {
            return -1;
        }
        double seconds = (end.started - started) / 1e9;
        long others = (end.machineBusy - machineBusy) - (end.ours - ours);
        return Math.max(0, others / TICKS_PER_SECOND / seconds);
    }

    /** Whether other processes used more than {@link #QUIET} cores in any of these rounds: the machine was shared. */
    @SafeVarargs
    public static boolean shared(List<Double>... othersCores) {
        return Stream.of(othersCores).flatMap(List::stream).anyMatch(c -> c > QUIET);
    }

    /** The report's sentence on {@link #othersSince} of each measured round, ending with a blank line. */
    public static String markdown(List<Double> othersCores) {
        return "CPU used by other processes on the machine during each measured round (cores, of "
                + Runtime.getRuntime().availableProcessors() + "): "
                + othersCores.stream().map(c -> c < 0 ? "unknown" : String.format("%.2f", c)).collect(Collectors.joining(", "))
                + (othersCores.stream().anyMatch(c -> c > QUIET)
                        ? " (**the machine was shared during the run: the figures are less reliable**).\n\n"
                        : " (a quiet machine).\n\n");
    }

    private static long machineBusyTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat"), StandardCharsets.UTF_8).get(0).trim().split("\\s+");
            // cpu user nice system idle iowait irq softirq steal ...
            return Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
                    + Long.parseLong(f[7]) + (f.length > 8 ? Long.parseLong(f[8]) : 0);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long serverTicks(List<String> ownCommandLines) {
        if (ownCommandLines.isEmpty()) {
            return 0;
        }
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .filter(p -> {
                        try {
                            String cmdline = Files.readString(p.resolve("cmdline"), StandardCharsets.ISO_8859_1);
                            return ownCommandLines.stream().anyMatch(cmdline::contains);
                        } catch (IOException | RuntimeException e) {
                            return false;
                        }
                    })
                    .mapToLong(CpuShare::processTicks).sum();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** utime + stime of one process, in ticks. */
    private static long processTicks(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"), StandardCharsets.UTF_8);
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" "); // fields from 3 (state) on
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);             // fields 14 and 15
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
