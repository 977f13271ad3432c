package io.pulse.bench.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The report's machine section: cores, CPU, memory, load, and the versions of everything measured. */
final class SystemInfo {

    private SystemInfo() {}

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static String describe(String start, String loadAtStart, Path root, Path nodeRed) {
        StringBuilder md = new StringBuilder();
        line(md, "date (start of the run, UTC)", start);
        line(md, "cores (`nproc`)", command("nproc"));
        line(md, "CPU", cpuInfo("model name"));
        line(md, "RAM", memTotal());
        line(md, "load average (1/5/15 min)", loadAtStart + " at the start, " + loadAverage() + " at the end");
        line(md, "OS", command("uname", "-sr"));
        line(md, "Java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        line(md, "Mosquitto", firstLine(command("mosquitto", "-h")) + ", started by `MosquittoServer` (pulse-test-servers) with "
                + "`config/mosquitto/mosquitto.conf` plus a loopback listener and persistence in its folder");
        line(md, "MariaDB", command("mariadbd", "--version") + " (`MariaDbServer`: innodb-flush-log-at-trx-commit=2, 64 MB buffer pool)");
        line(md, "VictoriaMetrics", "Debian package " + command("dpkg-query", "-W", "-f=${Version}", "victoria-metrics") + " (`VictoriaMetricsServer`, InfluxDB v2 write API)");
        line(md, "Python", command("/usr/bin/python3", "-c",
                "import sys, paho.mqtt, pymysql; print(sys.version.split()[0], 'paho-mqtt', paho.mqtt.__version__, 'PyMySQL', pymysql.__version__)"));
        line(md, "Node.js / Node-RED", command("node", "--version") + " / " + packageVersion(nodeRed, "node-red")
                + ", node-red-node-mysql " + packageVersion(nodeRed, "node-red-node-mysql"));
        String commit = command("git", "-C", root.toString(), "log", "-1", "--format=%h %s");
        String dirty = command("git", "-C", root.toString(), "status", "--porcelain", "--", "jobs", "connectors", "launcher",
                "bench/end-to-end/src", "bench/end-to-end/baselines");
        line(md, "Pulse", "commit " + commit + (dirty.isEmpty() ? ""
                : " (with uncommitted changes in jobs, connectors, launcher or this benchmark)"));
        return md.toString();
    }

    private static void line(StringBuilder md, String what, String value) {
        md.append("- ").append(what).append(": ").append(value.isEmpty() ? "unknown" : value).append('\n');
    }

    private static String cpuInfo(String key) {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith(key))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String memTotal() {
        try {
            long kb = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElse(0L);
            return String.format("%.1f GiB", kb / 1024.0 / 1024.0);
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String packageVersion(Path dir, String module) {
        try {
            String json = Files.readString(dir.resolve("node_modules").resolve(module).resolve("package.json"));
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
            return m.find() ? m.group(1) : "unknown";
        } catch (IOException e) {
            return "not installed";
        }
    }

    private static String firstLine(String s) {
        return s.lines().findFirst().orElse("");
    }

    /** stdout+stderr of a command, trimmed; empty when it cannot run. Exit codes are ignored (mosquitto -h exits 3). */
    static String command(String... command) {
        try {
            List<String> cmd = List.of(command);
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor(10, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
