package io.pulse.testservers.flink;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The conf/ folder of a test session cluster: {@code config.yaml} with loopback addresses and free
 * ports, memory sizes for a small shared machine, slots, checkpoint and savepoint folders, and a
 * log4j configuration that writes to the console (each JVM's output goes to its own log file).
 */
final class FlinkConfDir {

    private FlinkConfDir() {}

    /** The settings of {@code config.yaml}, flat keys as in Flink's documentation. */
    static Map<String, String> settings(Path dir, int restPort, int rpcPort, int blobPort, int slots) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("jobmanager.rpc.address", "127.0.0.1");
        s.put("jobmanager.rpc.port", Integer.toString(rpcPort));
        s.put("jobmanager.bind-host", "127.0.0.1");
        s.put("taskmanager.bind-host", "127.0.0.1");
        s.put("taskmanager.host", "127.0.0.1");
        s.put("rest.address", "127.0.0.1");
        s.put("rest.bind-address", "127.0.0.1");
        s.put("rest.port", Integer.toString(restPort));
        s.put("blob.server.port", Integer.toString(blobPort));
        // small, explicit sizes: several such JVMs share a 2-core, 24 GiB machine with other builds
        s.put("jobmanager.memory.process.size", "1024m");
        s.put("taskmanager.memory.process.size", "1728m");
        s.put("taskmanager.memory.managed.fraction", "0.1");
        s.put("taskmanager.numberOfTaskSlots", Integer.toString(slots));
        s.put("taskmanager.cpu.cores", "2");
        s.put("parallelism.default", "1");
        s.put("execution.checkpointing.dir", dir.resolve("checkpoints").toUri().toString());
        s.put("execution.checkpointing.savepoint-dir", dir.resolve("savepoints").toUri().toString());
        s.put("execution.checkpointing.num-retained", "3");
        s.put("restart-strategy.type", "fixed-delay");
        s.put("restart-strategy.fixed-delay.attempts", "1000");
        s.put("restart-strategy.fixed-delay.delay", "2 s");
        // a killed TaskManager is noticed within seconds, not the default 50 s
        s.put("heartbeat.interval", "2000");
        s.put("heartbeat.timeout", "8000");
        s.put("web.upload.dir", dir.resolve("uploads").toString());
        s.put("io.tmp.dirs", dir.resolve("tmp").toString());
        s.put("cluster.intercept-user-system-exit", "DISABLED"); // Flink's default, stated: a job's exit would end the JVM
        return s;
    }

    static void write(Path conf, Map<String, String> settings) throws IOException {
        Files.createDirectories(conf);
        String yaml = settings.entrySet().stream().map(e -> e.getKey() + ": " + quote(e.getValue()))
                .collect(Collectors.joining("\n", "", "\n"));
        Files.writeString(conf.resolve("config.yaml"), yaml);
        Files.writeString(conf.resolve("log4j-console.properties"), """
                rootLogger.level = INFO
                rootLogger.appenderRef.console.ref = ConsoleAppender
                logger.pekko.name = org.apache.pekko
                logger.pekko.level = WARN
                logger.netty.name = org.apache.flink.shaded.netty4.io.netty
                logger.netty.level = WARN
                appender.console.name = ConsoleAppender
                appender.console.type = CONSOLE
                appender.console.layout.type = PatternLayout
                appender.console.layout.pattern = %d{HH:mm:ss,SSS} %-5p %-60c %x - %m%n
                """);
        // what the CLI reads when FLINK_CONF_DIR points here
        Files.copy(conf.resolve("log4j-console.properties"), conf.resolve("log4j-cli.properties"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static String quote(String value) {
        return value.matches("[A-Za-z0-9_./:-]+") ? value : "\"" + value.replace("\"", "\\\"") + "\"";
    }
}
