package io.pulse.bench.e2e;

import java.util.List;
import java.util.Map;

/**
 * (b) The seed-style subscriber: {@code baselines/seed_subscriber.py}, Python paho-mqtt (Debian's
 * python3-paho-mqtt) with one autocommitted INSERT per message through PyMySQL, run by
 * {@code /usr/bin/python3} (Debian's, where those packages are).
 */
final class PythonSeedSide extends SqlBaselineSide {

    @Override
    public String key() {
        return "python";
    }

    @Override
    public String label() {
        return "(b) seed-style: Python paho-mqtt, one INSERT per message";
    }

    @Override
    protected void launch(Servers s, String run) throws Exception {
        started(ChildProcess.start("seed_subscriber.py", List.of("/usr/bin/python3",
                        s.root().resolve("bench/end-to-end/baselines/seed_subscriber.py").toString(),
                        "--mqtt-port", String.valueOf(s.mqtt().port()), "--client-id", "e2e-python-" + run,
                        "--topic", Workload.TELEMETRY.filter,
                        "--db-port", String.valueOf(s.db().port()), "--db", database,
                        "--user", s.db().user(), "--password", s.db().password()),
                s.work(), s.work().resolve(run + "-python.log"), Map.of("PYTHONUNBUFFERED", "1")));
    }
}
