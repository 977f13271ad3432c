package io.pulse.bench.e2e;

import io.pulse.testservers.FreePorts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * (c) Node-RED (npm {@code node-red}, with {@code node-red-node-mysql}, installed by run.sh): one flow,
 * mqtt in (QoS 1, the telemetry filter) → a function that turns the JSON into an INSERT with
 * placeholders → the mysql node, into the same {@code readings} table as (b). Started with its own
 * settings (loopback only, credentials unencrypted, no telemetry), the flow deployed through the admin
 * API.
 */
final class NodeRedSide extends SqlBaselineSide {

    private static final String FUNCTION = "const r = JSON.parse(msg.payload);\\n"
            + "msg.topic = 'INSERT INTO readings (device_id, ts, temperature, humidity, battery) VALUES (?, ?, ?, ?, ?)';\\n"
            + "msg.payload = [r.deviceId, r.ts, r.temperature, r.humidity, r.battery];\\nreturn msg;";

    @Override
    public String key() {
        return "node-red";
    }

    @Override
    public String label() {
        return "(c) Node-RED: mqtt in → function → mysql node";
    }

    @Override
    protected void launch(Servers s, String run) throws Exception {
        Path userDir = s.nodeRed();
        if (!Files.isRegularFile(userDir.resolve("node_modules/node-red/red.js"))) {
            throw new IllegalStateException("Node-RED is not installed in " + userDir + ": run bench/end-to-end/run.sh");
        }
        int port = FreePorts.find();
        Path settings = s.work().resolve(run + "-node-red-settings.js");
        Files.writeString(settings, "module.exports = {\n"
                + "  uiPort: " + port + ", uiHost: '127.0.0.1',\n"
                + "  flowFile: 'bench-flows.json', credentialSecret: false,\n"
                + "  diagnostics: { enabled: false }, telemetry: { enabled: false },\n"
                + "  externalModules: { autoInstall: false },\n"
                + "  logging: { console: { level: 'info', metrics: false, audit: false } }\n"
                + "};\n");
        ChildProcess process = started(ChildProcess.start("node-red", List.of("node", userDir.resolve("node_modules/node-red/red.js").toString(),
                        "--settings", settings.toString(), "--userDir", userDir.toString()),
                s.work(), s.work().resolve(run + "-node-red.log"), Map.of()));
        process.awaitOutput("Server now running", Duration.ofMinutes(2));
        String flow = "[{\"id\":\"benchtab\",\"type\":\"tab\",\"label\":\"bench\"},"
                + "{\"id\":\"broker\",\"type\":\"mqtt-broker\",\"name\":\"bench\",\"broker\":\"127.0.0.1\",\"port\":\""
                + s.mqtt().port() + "\",\"clientid\":\"e2e-node-red-" + run + "\",\"autoConnect\":true,\"usetls\":false,"
                + "\"protocolVersion\":\"4\",\"keepalive\":\"60\",\"cleansession\":true},"
                + "{\"id\":\"in\",\"type\":\"mqtt in\",\"z\":\"benchtab\",\"topic\":\"" + Workload.TELEMETRY.filter
                + "\",\"qos\":\"1\",\"datatype\":\"utf8\",\"broker\":\"broker\",\"nl\":false,\"rap\":false,\"inputs\":0,"
                + "\"wires\":[[\"fn\"]]},"
                + "{\"id\":\"fn\",\"type\":\"function\",\"z\":\"benchtab\",\"name\":\"to INSERT\",\"func\":\"" + FUNCTION
                + "\",\"outputs\":1,\"wires\":[[\"db\"]]},"
                + "{\"id\":\"db\",\"type\":\"mysql\",\"z\":\"benchtab\",\"mydb\":\"dbcfg\",\"name\":\"readings\",\"wires\":[[]]},"
                + "{\"id\":\"dbcfg\",\"type\":\"MySQLdatabase\",\"name\":\"bench\",\"host\":\"127.0.0.1\",\"port\":\""
                + s.db().port() + "\",\"db\":\"" + database + "\",\"tz\":\"\",\"charset\":\"UTF8\","
                + "\"credentials\":{\"user\":\"" + s.db().user() + "\",\"password\":\"" + s.db().password() + "\"}}]";
        Stores.post("http://127.0.0.1:" + port + "/flows", "application/json", flow, "Node-RED-Deployment-Type", "full");
    }
}
