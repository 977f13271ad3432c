package io.pulse.bridge.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import io.pulse.bridge.ModbusBridge;
import io.pulse.bridge.config.BridgeConfig;
import io.pulse.bridge.config.ConfigException;
import io.pulse.bridge.config.ConfigLoader;
import io.pulse.bridge.config.ConfigValidator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar pulse-modbus-bridge.jar --config bridge.yaml [--check]}. User mistakes end with
 * one line on stderr and exit code 2, never a stack trace.
 */
@Command(name = "pulse-modbus-bridge", mixinStandardHelpOptions = true, version = "pulse-modbus-bridge 0.1",
        description = "Polls Modbus RTU/TCP energy meters and publishes their readings to MQTT "
                + "(energy/meters/{meterId}/readings), queueing them on disk while the broker is unreachable.",
        subcommands = SimulateCommand.class)
public final class BridgeCommand implements Callable<Integer> {

    static final int USER_ERROR = 2;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "YAML configuration (see modbus-bridge/config/bridge.example.yaml)")
    Path config;

    @Option(names = "--check", description = "check the configuration (and that serial ports exist), then exit")
    boolean check;

    /** The program's logging; not named log4j2.properties, which would win in any JVM that embeds the bridge. */
    static final String LOG_CONFIG = "pulse-modbus-bridge-log4j2.properties";

    public static void main(String[] args) {
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", LOG_CONFIG); // before the first logger
        }
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new BridgeCommand());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof ConfigException) {
                commandLine.getErr().println("pulse-modbus-bridge: " + e.getMessage());
                return USER_ERROR;
            }
            throw e;
        });
        return cli;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (config == null) {
            throw new ConfigException("--config FILE is required (see modbus-bridge/config/bridge.example.yaml)");
        }
        BridgeConfig loaded = ConfigLoader.load(config);
        if (check) {
            ConfigValidator.validate(loaded, true);
            int meters = loaded.buses().stream().mapToInt(b -> b.meters().size()).sum();
            System.out.println(config + ": OK (" + meters + " meters on " + loaded.buses().size() + " buses)");
            return 0;
        }
        ModbusBridge bridge = ModbusBridge.start(loaded);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            bridge.close();
            stopped.countDown();
        }, "bridge-shutdown"));
        stopped.await();
        return 0;
    }
}
