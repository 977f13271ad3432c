package io.pulse.jobs.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JobOptionsTest {

    private static final String BROKER = "--mqtt.broker";

    @Test
    void parsesSpaceAndEqualsForms() {
        JobOptions o = JobOptions.parse(BROKER, "tcp://127.0.0.1:1883", "--parallelism=3",
                "--checkpoint.interval", "2500", "--jdbc.migrate=FALSE");

        assertThat(o.mqttBroker()).isEqualTo("tcp://127.0.0.1:1883");
        assertThat(o.parallelism()).hasValue(3);
        assertThat(o.checkpointIntervalMs()).isEqualTo(2500);
        assertThat(o.jdbcMigrate()).isFalse();
    }

    @Test
    void defaults() {
        JobOptions o = JobOptions.parse(BROKER, "tcp://broker:1883");

        assertThat(o.checkpointIntervalMs()).isEqualTo(10_000);
        assertThat(o.checkpointInterval().toSeconds()).isEqualTo(10);
        assertThat(o.jdbcMigrate()).isTrue();
        assertThat(o.parallelism()).isEmpty();
        assertThat(o.influxEnabled()).isFalse();
        assertThat(o.jdbcUrl()).isEmpty();
        assertThat(o.mqttUsername()).isEmpty();
    }

    @Test
    void brokerGetsItsDefaultPortAndLowercaseScheme() {
        assertThat(JobOptions.parse(BROKER, "TCP://host").mqttBroker()).isEqualTo("tcp://host:1883");
        assertThat(JobOptions.parse(BROKER, "ssl://host").mqttBroker()).isEqualTo("ssl://host:8883");
        assertThat(JobOptions.parse(BROKER, "ssl://[::1]:8884/").mqttBroker())
                .isEqualTo("ssl://[::1]:8884");
    }

    @Test
    void valueMayStartWithSingleDash() {
        JobOptions o = JobOptions.parse("--mqtt.username", "u", "--mqtt.password", "-p4ss-");
        assertThat(o.mqttPassword()).hasValue("-p4ss-");
        JobOptions eq = JobOptions.parse("--mqtt.username", "u", "--mqtt.password=--a=b");
        assertThat(eq.mqttPassword()).hasValue("--a=b");
    }

    @Test
    void allTypedGetters() {
        JobOptions o = JobOptions.parse(BROKER, "ssl://b.example:8883", "--mqtt.username", "u",
                "--mqtt.password", "mp", "--jdbc.url", "jdbc:mysql://db:3306/pulse",
                "--jdbc.user", "pulse", "--jdbc.password", "jp", "--influx.url",
                "http://127.0.0.1:8086", "--influx.token", "tok", "--influx.org", "campus",
                "--influx.bucket", "pulse", "--movement.hmac-key", "k");

        assertThat(o.mqttUsername()).hasValue("u");
        assertThat(o.mqttPassword()).hasValue("mp");
        assertThat(o.jdbcUrl()).hasValue("jdbc:mysql://db:3306/pulse");
        assertThat(o.jdbcUser()).hasValue("pulse");
        assertThat(o.jdbcPassword()).hasValue("jp");
        assertThat(o.influxEnabled()).isTrue();
        assertThat(o.influxUrl()).hasValue("http://127.0.0.1:8086");
        assertThat(o.influxToken()).hasValue("tok");
        assertThat(o.influxOrg()).hasValue("campus");
        assertThat(o.influxBucket()).hasValue("pulse");
        assertThat(o.movementHmacKey()).isEqualTo("k");
        assertThat(o.has(Option.PARALLELISM)).isFalse();
        assertThat(o.checkpointDir()).isEmpty();
    }

    @Test
    void aCheckpointDirectoryIsAUri() {
        assertThat(JobOptions.parse("--checkpoint.dir", "/var/lib/pulse/checkpoints").checkpointDir())
                .hasValue("file:///var/lib/pulse/checkpoints");
        assertThat(JobOptions.parse("--checkpoint.dir", "s3://campus-bucket/pulse").checkpointDir())
                .hasValue("s3://campus-bucket/pulse");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        --checkpoint.interval abc   | --checkpoint.interval must be a positive number of milliseconds, got 'abc'
        --checkpoint.interval -5    | --checkpoint.interval must be a positive number of milliseconds, got '-5'
        --checkpoint.interval 0     | --checkpoint.interval must be a positive number of milliseconds, got '0'
        --checkpoint.interval 5     | --checkpoint.interval must be at least 10 milliseconds, got '5'
        --checkpoint.interval 1.5   | --checkpoint.interval must be a positive number of milliseconds, got '1.5'
        --parallelism 0             | --parallelism must be a whole number from 1 to 32768, got '0'
        --parallelism many          | --parallelism must be a whole number from 1 to 32768, got 'many'
        --parallelism 99999         | --parallelism must be a whole number from 1 to 32768, got '99999'
        --jdbc.migrate maybe        | --jdbc.migrate must be true or false, got 'maybe'
        --checkpoint.dir checkpoints | --checkpoint.dir must be an absolute path or a URI such as file:///var/lib/pulse/checkpoints or s3://bucket/pulse, got 'checkpoints'
        --checkpoint.dir C:/pulse   | --checkpoint.dir must be an absolute path or a URI such as file:///var/lib/pulse/checkpoints or s3://bucket/pulse, got 'C:/pulse'
        --mqtt.broker http://h:1883 | --mqtt.broker must be tcp://host:port or ssl://host:port, got 'http://h:1883'
        --mqtt.broker 127.0.0.1     | --mqtt.broker must be tcp://host:port or ssl://host:port, got '127.0.0.1'
        --mqtt.broker tcp://h:1883/x | --mqtt.broker must be tcp://host:port or ssl://host:port, got 'tcp://h:1883/x'
        --mqtt.broker tcp://h:port  | --mqtt.broker must be tcp://host:port or ssl://host:port, got 'tcp://h:port'
        --mqtt.broker tcp://h:0     | --mqtt.broker must be tcp://host:port or ssl://host:port, got 'tcp://h:0'
        --influx.url 127.0.0.1:8086 | --influx.url must be an http:// or https:// URL such as http://127.0.0.1:8086, got '127.0.0.1:8086'
        --jdbc.url mysql://db/pulse | --jdbc.url must be a MySQL JDBC URL with a database, e.g. jdbc:mysql://127.0.0.1:3306/pulse, got 'mysql://db/pulse'
        --jdbc.url jdbc:mysql://db  | --jdbc.url must be a MySQL JDBC URL with a database, e.g. jdbc:mysql://127.0.0.1:3306/pulse, got 'jdbc:mysql://db'
        --mqtt.brokr tcp://h:1      | unknown option --mqtt.brokr (did you mean --mqtt.broker?)
        --mqtt.broker               | --mqtt.broker needs a value
        --mqtt.broker --parallelism 2 | --mqtt.broker needs a value
        --mqtt.broker=              | --mqtt.broker needs a value
        --mqtt.username u --mqtt.username v | --mqtt.username is given twice
        telemetry                   | unexpected argument 'telemetry': options are written --key value or --key=value
        --                          | unexpected argument '--': options are written --key value or --key=value
        --mqtt.password p           | --mqtt.password needs --mqtt.username
        --jdbc.user u               | --jdbc.user needs --jdbc.url
        --jdbc.password p           | --jdbc.password needs --jdbc.url
        --influx.bucket b           | --influx.bucket needs --influx.url
        --influx.token t            | --influx.token needs --influx.url
        --influx.url http://h:8086 --influx.bucket b | --influx.url needs --influx.org
        --influx.url http://h:8086 --influx.org o | --influx.url needs --influx.bucket
        """)
    void eachErrorIsOneClearLineNamingTheOption(String commandLine, String expected) {
        String[] args = commandLine.trim().split("\\s+");

        assertThatThrownBy(() -> JobOptions.parse(args))
                .isInstanceOf(OptionsException.class)
                .hasMessage(expected)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"))
                .satisfies(e -> assertThat(e.getStackTrace()).isEmpty());
    }

    @Test
    void unknownOptionFarFromAnyListsTheOptions() {
        assertThatThrownBy(() -> JobOptions.parse("--verbose", "yes"))
                .hasMessageStartingWith("unknown option --verbose; the options are --mqtt.broker, ")
                .hasMessageContaining("--movement.hmac-key");
    }

    @Test
    void optionOutsideTheAcceptedSetIsUnknown() {
        var dbOnly = EnumSet.of(Option.JDBC_URL, Option.JDBC_USER, Option.JDBC_PASSWORD);
        assertThatThrownBy(() -> JobOptions.parse(dbOnly, BROKER, "tcp://h:1883"))
                .hasMessage("unknown option --mqtt.broker; the options are --jdbc.url, --jdbc.user,"
                        + " --jdbc.password");
        // the checks between options only concern accepted ones
        JobOptions o = JobOptions.parse(dbOnly, "--jdbc.url", "jdbc:mysql://h/db", "--jdbc.user",
                "root");
        assertThat(o.jdbcUser()).hasValue("root");
    }

    @Test
    void requiredOptionsAreNamed() {
        JobOptions none = JobOptions.parse();
        assertThatThrownBy(none::mqttBroker).isInstanceOf(OptionsException.class)
                .hasMessage("--mqtt.broker is required (the MQTT broker, tcp://host:port or"
                        + " ssl://host:port)");
        assertThatThrownBy(() -> none.require(Option.MOVEMENT_HMAC_KEY, "for the movement job"))
                .hasMessage("--movement.hmac-key is required for the movement job");
        assertThatThrownBy(none::movementHmacKey).hasMessageStartingWith(
                "--movement.hmac-key is required");
    }

    @Test
    void secretsAreMaskedInDescribeAndToString() {
        JobOptions o = JobOptions.parse(BROKER, "tcp://h:1883", "--mqtt.username", "alice",
                "--mqtt.password", "mqtt-s3cret", "--jdbc.url",
                "jdbc:mysql://bob:url-s3cret@db:3306/pulse?user=bob&password=param-s3cret&ssl=true",
                "--jdbc.user", "bob", "--jdbc.password", "jdbc-s3cret",
                "--influx.url", "http://u:influx-url-s3cret@127.0.0.1:8086",
                "--influx.token", "token-s3cret", "--influx.org", "o", "--influx.bucket", "b",
                "--movement.hmac-key", "hmac-s3cret");

        String described = o.describe();
        String string = o.toString();
        for (String text : new String[] {described, string}) {
            assertThat(text).doesNotContain("s3cret").contains("****").contains("alice")
                    .contains("tcp://h:1883").contains("ssl=true");
        }
        assertThat(described).containsPattern("--mqtt.password\\s+\\*\\*\\*\\*")
                .containsPattern("--movement.hmac-key\\s+\\*\\*\\*\\*")
                .containsPattern("--jdbc.url\\s+jdbc:mysql://bob:\\*\\*\\*\\*@db:3306/pulse\\?"
                        + "user=bob&password=\\*\\*\\*\\*&ssl=true");
    }

    @Test
    void describeShowsDefaultsAndUnsetOptions() {
        String described = JobOptions.parse(BROKER, "tcp://h:1883").describe();

        assertThat(described)
                .containsPattern("--checkpoint.interval\\s+10000 \\(default\\)")
                .containsPattern("--jdbc.migrate\\s+true \\(default\\)")
                .containsPattern("--influx.url\\s+\\(not set: the time-series sink is off\\)")
                .containsPattern("--mqtt.password\\s+\\(not set\\)");
    }

    @Test
    void secretValuesNeverAppearInErrors() {
        assertThatThrownBy(() -> JobOptions.parse("--mqtt.username", "u", "--mqtt.password",
                "two words", "extra-s3cret"))
                .hasMessage("unexpected argument after --mqtt.password (quote a value that"
                        + " contains spaces)");
        assertThatThrownBy(() -> JobOptions.parse(BROKER, "tcp://user:s3cret@h:1883"))
                .hasMessage("--mqtt.broker must not contain credentials: use --mqtt.username and"
                        + " --mqtt.password");
        assertThatThrownBy(() -> JobOptions.parse("--jdbc.url", "jdbc:mysql://h?password=s3cret"))
                .hasMessageNotContaining("s3cret").hasMessageContaining("password=****");
        assertThatThrownBy(() -> JobOptions.parse("--mqtt.passwrd", "s3cret"))
                .hasMessage("unknown option --mqtt.passwrd (did you mean --mqtt.password?)");
    }

    @Test
    void optionsAreSerializableForOperators() throws Exception {
        JobOptions o = JobOptions.parse(BROKER, "tcp://h:1883", "--parallelism", "2");
        var bytes = new java.io.ByteArrayOutputStream();
        try (var out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        try (var in = new java.io.ObjectInputStream(
                new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            JobOptions back = (JobOptions) in.readObject();
            assertThat(back.mqttBroker()).isEqualTo("tcp://h:1883");
            assertThat(back.parallelism()).hasValue(2);
        }
    }

    @Test
    void anEmptyPasswordIsAValueButAnEmptyAnythingElseIsNot() {
        JobOptions o = JobOptions.parse("--jdbc.url", "jdbc:mysql://h/db", "--jdbc.password", "",
                "--mqtt.broker", "tcp://h:1883", "--mqtt.username", "u", "--mqtt.password=");
        assertThat(o.jdbcPassword()).hasValue("");
        assertThat(o.mqttPassword()).hasValue("");
        assertThatThrownBy(() -> JobOptions.parse("--jdbc.url", "jdbc:mysql://h/db", "--jdbc.password"))
                .hasMessage("--jdbc.password needs a value (write --jdbc.password '' for an empty one)");
        assertThatThrownBy(() -> JobOptions.parse("--jdbc.url", "jdbc:mysql://h/db", "--jdbc.user", ""))
                .hasMessage("--jdbc.user needs a value");
    }

    @Test
    void timeoutsAreDurationsWithDefaults() {
        JobOptions defaults = JobOptions.parse(BROKER, "tcp://h:1883");
        assertThat(defaults.jdbcConnectTimeout()).isEqualTo(java.time.Duration.ofSeconds(10));
        assertThat(defaults.jdbcSocketTimeout()).isEqualTo(java.time.Duration.ofSeconds(120));
        assertThat(defaults.mqttStartTimeout()).isEqualTo(java.time.Duration.ofSeconds(60));
        JobOptions given = JobOptions.parse("--jdbc.connect-timeout", "500ms", "--jdbc.socket-timeout", "2m",
                "--mqtt.start-timeout", "15");
        assertThat(given.jdbcConnectTimeout()).isEqualTo(java.time.Duration.ofMillis(500));
        assertThat(given.jdbcSocketTimeout()).isEqualTo(java.time.Duration.ofMinutes(2));
        assertThat(given.mqttStartTimeout()).isEqualTo(java.time.Duration.ofSeconds(15));
        for (String wrong : new String[] {"0", "-1s", "10 seconds", "1.5s"}) {
            assertThatThrownBy(() -> JobOptions.parse("--jdbc.connect-timeout", wrong))
                    .hasMessage("--jdbc.connect-timeout must be a positive duration such as 10s, 500ms or 2m, got '"
                            + wrong + "'");
        }
    }

    @Test
    void helpComesFromTheDefinitions() {
        String help = JobOptions.help(JobOptions.allOptions());
        for (Option o : Option.values()) {
            assertThat(help).contains(o.flag() + " " + o.placeholder());
            o.defaultValue().ifPresent(d -> assertThat(help).contains("[default " + d + "]"));
        }
        assertThat(help.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(100));
    }

    @Test
    void jobOptionsApplyToTheirJobOnly() {
        assertThat(Option.MOVEMENT_HMAC_KEY.appliesTo("movement")).isTrue();
        assertThat(Option.MOVEMENT_HMAC_KEY.appliesTo("telemetry")).isFalse();
        assertThat(Option.PARALLELISM.appliesTo("energy")).isTrue();
        assertThat(Option.JDBC_URL.appliesTo("telemetry")).isTrue();
    }
}
