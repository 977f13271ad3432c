package io.pulse.jobs.options;

import java.util.Optional;
import java.util.Set;

/** The command-line options of the Pulse jobs (see docs: "How a job is started"). */
public enum Option {
    MQTT_BROKER("mqtt.broker", Kind.MQTT_URI, false, null,
            "the MQTT broker, tcp://host:port or ssl://host:port"),
    MQTT_USERNAME("mqtt.username", Kind.TEXT, false, null, "MQTT user name"),
    MQTT_PASSWORD("mqtt.password", Kind.TEXT, true, null, "MQTT password"),
    MQTT_TRUSTSTORE("mqtt.truststore", Kind.TEXT, false, null,
            "trust store (PKCS12 or JKS) with the CA of an ssl:// broker's certificate (absent: the JVM's)"),
    MQTT_TRUSTSTORE_PASSWORD("mqtt.truststore-password", Kind.TEXT, true, null, "password of --mqtt.truststore"),
    MQTT_START_TIMEOUT("mqtt.start-timeout", Kind.DURATION, false, "60s",
            "./pulse run: how long its MQTT sessions may take to subscribe before the run gives up"
                    + " (on a Flink cluster the job keeps retrying)"),
    MQTT_SPOOL_DIR("mqtt.spool-dir", Kind.LOCAL_DIRECTORY, false, null,
            "where the MQTT source keeps what it received until a checkpoint covers it; must outlive the process"
                    + " (absent: <java.io.tmpdir>/pulse-mqtt-spool)"),
    JDBC_URL("jdbc.url", Kind.JDBC_URL, false, null,
            "the MySQL database, e.g. jdbc:mysql://127.0.0.1:3306/pulse"),
    JDBC_USER("jdbc.user", Kind.TEXT, false, null, "database user"),
    JDBC_PASSWORD("jdbc.password", Kind.TEXT, true, null, "database password"),
    JDBC_CONNECT_TIMEOUT("jdbc.connect-timeout", Kind.DURATION, false, "10s",
            "how long to wait for the database to accept a connection and log us in (e.g. 10s, 500ms, 2m)"),
    JDBC_SOCKET_TIMEOUT("jdbc.socket-timeout", Kind.DURATION, false, "120s",
            "how long to wait for the database to answer a statement before the connection counts as broken"),
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

    /** Key prefixes of the options that one job only reads, e.g. {@code movement.*}. */
    private static final Set<String> JOB_PREFIXES = Set.of("movement", "telemetry", "energy");

    /** How a value is checked. */
    enum Kind { TEXT, MQTT_URI, JDBC_URL, HTTP_URL, DIRECTORY_URI, LOCAL_DIRECTORY, BOOLEAN, MILLIS, POSITIVE_INT, DURATION }

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

    /**
     * Whether an empty value ({@code --jdbc.password ''}) is a value: a password may be empty (a
     * database without one, or an environment variable that is empty); nothing else may.
     */
    public boolean allowsEmpty() {
        return kind == Kind.TEXT && key.endsWith("password");
    }

    /**
     * Whether a job with this name reads the option: every job reads the options without a job's
     * prefix; {@code movement.*} only the movement job.
     */
    public boolean appliesTo(String jobName) {
        String prefix = key.indexOf('.') < 0 ? key : key.substring(0, key.indexOf('.'));
        return !JOB_PREFIXES.contains(prefix) || prefix.equals(jobName);
    }

    /** What the value looks like, for usage texts: {@code URL}, {@code DURATION}, ... */
    public String placeholder() {
        switch (kind) {
            case MQTT_URI:
            case JDBC_URL:
            case HTTP_URL:
                return "URL";
            case DIRECTORY_URI:
            case LOCAL_DIRECTORY:
                return "DIR";
            case BOOLEAN:
                return "true|false";
            case MILLIS:
                return "MS";
            case POSITIVE_INT:
                return "N";
            case DURATION:
                return "DURATION";
            default:
                return key.endsWith("file") || key.endsWith("truststore") ? "FILE"
                        : secret ? "SECRET" : "TEXT";
        }
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
