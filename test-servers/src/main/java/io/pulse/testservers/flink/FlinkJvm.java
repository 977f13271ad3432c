package io.pulse.testservers.flink;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One JVM of a Flink session cluster (JobManager, TaskManager, BashJavaUtils, the CLI) as a child
 * process: Java 17 with the module openings Flink needs (those of Flink's own {@code config.yaml}
 * {@code env.java.opts.all}, also in the {@code pulse} script), the jars of {@code lib/} on the
 * class path, output appended to a log file.
 */
final class FlinkJvm {

    /** The {@code --add-opens/--add-exports} of a Flink distribution for Java 17. */
    static final List<String> JAVA_17_OPTIONS = List.of(
            "--add-exports=java.base/sun.net.util=ALL-UNNAMED",
            "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
            "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.text=ALL-UNNAMED",
            "--add-opens=java.base/java.time=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");

    private FlinkJvm() {}

    /** {@code java <options> -cp lib/* <mainClass> <args>}, with the cluster's log4j configuration. */
    static List<String> command(Path lib, Path conf, List<String> jvmOptions, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JAVA_17_OPTIONS);
        command.addAll(jvmOptions);
        command.add("-Dlog4j.configurationFile=" + conf.resolve("log4j-console.properties").toUri());
        command.add("-cp");
        command.add(lib.toAbsolutePath() + "/*");
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    /** Starts a command with stdout and stderr appended to {@code log}. */
    static Process start(List<String> command, Path log, Path workDir, java.util.Map<String, String> env) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        return builder.start();
    }
}
