package io.pulse.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What the numbers were measured on, as markdown list items: date, cores, CPU, RAM, OS, Java.
 * What only one benchmark knows (its servers' versions, Flink, the load average as it reports it)
 * the caller passes in as extra items.
 */
public final class Machine {

    private Machine() {}

    /**
     * The load average now, the first {@code periods} of /proc/loadavg's 1, 5 and 15 minutes,
     * separated by spaces ("1.64" or "1.64 2.72 2.97"); "unknown" without /proc.
     */
    public static String loadAverage(int periods) {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.UTF_8).trim().split("\\s+");
            return String.join(" ", Arrays.copyOf(f, periods));
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /**
     * @param state    items on the machine's state during the run, listed after RAM (e.g. the load average)
     * @param software items on what ran, listed after Java (Flink, the servers and their versions, ...)
     * @return one "- " line per item: date, cores, CPU, RAM, {@code state}, OS, Java, {@code software}
     */
    public static String describe(List<String> state, List<String> software) {
        List<String> items = new ArrayList<>();
        items.add("date: " + Instant.now().truncatedTo(ChronoUnit.SECONDS));
        items.add("cores (`nproc`): " + Runtime.getRuntime().availableProcessors());
        items.add("CPU: " + procValue("/proc/cpuinfo", "model name"));
        items.add("RAM: " + ram());
        items.addAll(state);
        items.add("OS: " + System.getProperty("os.name") + " " + System.getProperty("os.version"));
        items.add("Java: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        items.addAll(software);
        StringBuilder md = new StringBuilder();
        items.forEach(item -> md.append("- ").append(item).append('\n'));
        return md.toString();
    }

    /**
     * What a command prints (stdout and stderr, trimmed), for a caller's version lines; "" when it
     * cannot start, fails or takes longer than 10 seconds.
     */
    public static String commandOutput(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static String procValue(String file, String key) {
        try {
            return Files.readAllLines(Path.of(file), StandardCharsets.UTF_8).stream()
                    .filter(line -> line.startsWith(key))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String ram() {
        String total = procValue("/proc/meminfo", "MemTotal"); // e.g. "24596108 kB"
        try {
            return String.format("%.1f GiB", Long.parseLong(total.replace("kB", "").trim()) / 1048576.0);
        } catch (NumberFormatException e) {
            return total;
        }
    }
}
