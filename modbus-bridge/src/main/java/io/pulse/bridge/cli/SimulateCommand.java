package io.pulse.bridge.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import io.pulse.bridge.config.ConfigException;
import io.pulse.bridge.registers.Presets;
import io.pulse.bridge.registers.RegisterMap;
import io.pulse.bridge.sim.SimulatedMeter;
import io.pulse.bridge.sim.SimulatedModbusServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code simulate}: a simulated SDM meter over Modbus TCP, for demos without hardware. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Serve simulated Eastron meters over Modbus TCP on 127.0.0.1 until stopped.")
final class SimulateCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "5020", description = "TCP port (default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--preset", defaultValue = "sdm630", description = "sdm120 or sdm630 (default ${DEFAULT-VALUE})")
    String preset;

    @Option(names = "--units", defaultValue = "1", split = ",", description = "unit ids, e.g. 1,2,3 (default ${DEFAULT-VALUE})")
    int[] units;

    @Option(names = "--power", defaultValue = "1500", description = "active power in W (default ${DEFAULT-VALUE})")
    double power;

    @Override
    public Integer call() throws InterruptedException {
        RegisterMap map = Presets.byName(preset).orElseThrow(() -> new ConfigException(
                "--preset '" + preset + "' is not one of " + String.join(", ", Presets.names())));
        try (SimulatedModbusServer server = SimulatedModbusServer.tcp(port)) {
            for (int unit : units) {
                SimulatedMeter meter = server.addMeter(unit, map);
                meter.setPower(power);
                meter.setCurrent(Math.abs(power) / 230.0); // at the default 230 V and power factor 1
            }
            System.out.println("simulated " + map.name() + " meters (units " + java.util.Arrays.toString(units)
                    + ") on modbus tcp 127.0.0.1:" + server.port() + "; Ctrl-C stops");
            CountDownLatch forever = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(forever::countDown));
            forever.await();
        }
        return 0;
    }
}
