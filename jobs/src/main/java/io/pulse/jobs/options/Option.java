package io.pulse.jobs.options;

import java.util.Optional;

/** The command-line options of the Pulse jobs (see docs: "How a job is started"). */
public enum Option {
    MQTT_BROKER("mqtt.broker", Kind.MQTT_URI, false, null,
            "the MQTT broker, tcp://host:port or ssl://host:port"),
    MQTT_USERNAME("mqtt.username", Kind.TEXT, false, null, "MQTT user name"),
    MQTT_PASSWORD("mqtt.password", Kind.TEXT, true, null, "MQTT password"),
    MQTT_TRUSTSTORE("mqtt.truststore", Kind.TEXT, false, null,
            "trust store (PKCS12 or JKS) with the CA of an ssl:// broker's certificate (absent: the JVM's)"),
    MQTT_TRUSTSTORE_PASSWORD("mqtt.truststore-password", Kind.TEXT, true, null, "password of --mqtt.truststore"),
    MQTT_SPOOL_DIR("mqtt.spool-dir", Kind.LOCAL_DIRECTORY, false, null,
            "where the MQTT source keeps what it received until a checkpoint covers it; must outlive the process"
                    + " (absent: <java.io.tmpdir>/pulse-mqtt-spool)"),
    JDBC_URL("jdbc.url", Kind.JDBC_URL, false, null,
            "the MySQL database, e.g. jdbc:mysql://127.0.0.1:3306/pulse"),
    JDBC_USER("jdbc.user", Kind.TEXT, false, null, "database user"),
    JDBC_PASSWORD("jdbc.password", Kind.TEXT, true, null, "database password"),
    JDBC_MIGRATE("jdbc.migrate", Kind.BOOLEAN, false, "true",
            "create or upgrade the schema at start (true or false)"),
    JDBC_BATCH_SIZE("jdbc.batch-size", Kind.POSITIVE_INT, false, "500",
            "rows per database batch"),
    JDBC_BATCH_INTERVAL("jdbc.batch-interval", Kind.MILLIS, false, "1000",
            "write a batch at the latest this many milliseconds after its first row"),
    JDBC_MAX_RETRIES("jdbc.max-retries", Kind.POSITIVE_INT, false, "5",
            "retries of a failed batch before the job fails and restarts from its checkpoint"),
    INFLUX_URL("influx.url", Kind.HTTP_URL, false, null,
            "InfluxDB v2 write API, e.g. http://127.0.0.1:8086 (absent: time-series sink off)"),
    INFLUX_TOKEN("influx.token", Kind.TEXT, true, null, "InfluxDB API token"),
    INFLUX_ORG("influx.org", Kind.TEXT, false, null, "InfluxDB organization"),
    INFLUX_BUCKET("influx.bucket", Kind.TEXT, false, null, "InfluxDB bucket"),
    CHECKPOINT_INTERVAL("checkpoint.interval", Kind.MILLIS, false, "10000",
            "checkpoint interval in milliseconds"),
    CHECKPOINT_DIR("checkpoint.dir", Kind.DIRECTORY_URI, false, null,
            "where checkpoints are kept, e.g. /var/lib/pulse/checkpoints or s3://bucket/pulse (absent: Flink's"
                    + " configured storage; without one, the JobManager's memory, which refuses an operator's state over 5 MB)"),
    PARALLELISM("parallelism", Kind.POSITIVE_INT, false, null,
            "parallelism of the job (absent: Flink's default)"),
    MOVEMENT_HMAC_KEY("movement.hmac-key", Kind.TEXT, true, null,
            "secret for the person pseudonyms (movement job, required there)"),
    MOVEMENT_HMAC_KEY_FILE("movement.hmac-key-file", Kind.TEXT, false, null,
            "file holding the pseudonym secret (instead of --movement.hmac-key; or env PULSE_MOVEMENT_HMAC_KEY)"),
    MOVEMENT_QUIET_HOURS("movement.quiet-hours", Kind.TEXT, false, null,
            "UTC hours when presence is an anomaly, e.g. 01:00-05:00 (movement job; absent: none)");

    /** How a value is checked. */
    enum Kind { TEXT, MQTT_URI, JDBC_URL, HTTP_URL, DIRECTORY_URI, LOCAL_DIRECTORY, BOOLEAN, MILLIS, POSITIVE_INT }

    private final String key;
    private final Kind kind;
    private final boolean secret;
    private final String defaultValue;
    private final String description;

    Option(String key, Kind kind, boolean secret, String defaultValue, String description) {
        this.key = key;
        this.kind = kind;
        this.secret = secret;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    /** The key without dashes, e.g. {@code mqtt.broker}. */
    public String key() {
        return key;
    }

    /** The key as written on the command line, e.g. {@code --mqtt.broker}. */
    public String flag() {
        return "--" + key;
    }

    /** A secret is never printed: not in errors, logs or {@link JobOptions#describe()}. */
    public boolean secret() {
        return secret;
    }

    public Optional<String> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    public String description() {
        return description;
    }

    Kind kind() {
        return kind;
    }

    /** The option with this key (without dashes), if any. */
    public static Optional<Option> forKey(String key) {
        for (Option o : values()) {
            if (o.key.equals(key)) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }
}
