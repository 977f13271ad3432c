package io.pulse.jobs.options;

import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The options of a Pulse job, parsed from {@code --key value} or {@code --key=value} pairs.
 *
 * <p>Every value is checked while parsing: an unknown option, a missing value, a malformed number
 * or URI ends with an {@link OptionsException} whose one-line message names the option. Secrets
 * ({@link Option#secret()}) never appear in a message, in {@link #toString()} or in
 * {@link #describe()}.
 */
public final class JobOptions implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final int DEFAULT_MQTT_PORT = 1883;
    public static final int DEFAULT_MQTTS_PORT = 8883;
    /** Flink refuses checkpoint intervals below this. */
    public static final long MIN_CHECKPOINT_INTERVAL_MS = 10;
    /** Flink's upper bound for (max) parallelism. */
    public static final int MAX_PARALLELISM = 32768;

    private static final String MASK = "****";
    private static final Pattern JDBC_MYSQL =
            Pattern.compile("(?i)jdbc:mysql:(\\w+:)?//[^/?#\\s]+/[^/?#\\s]+(\\?\\S*)?");
    private static final Pattern URL_SECRET_PARAM =
            Pattern.compile("(?i)([?&;](password|pwd|pass|token|secret)[0-9]*=)[^&;#]*");
    private static final Pattern URL_USER_INFO = Pattern.compile("(//[^/@:?#]*):[^/@?#]*@");

    private final Set<Option> accepted;
    private final Map<Option, String> values;

    private JobOptions(Set<Option> accepted, Map<Option, String> values) {
        this.accepted = Collections.unmodifiableSet(EnumSet.copyOf(accepted));
        EnumMap<Option, String> copy = new EnumMap<>(Option.class);
        copy.putAll(values);
        this.values = Collections.unmodifiableMap(copy);
    }

    /** Parses the options every job accepts. */
    public static JobOptions parse(String... args) {
        return parse(EnumSet.allOf(Option.class), args);
    }

    /** Parses a command line that may only use the {@code accepted} options. */
    public static JobOptions parse(Set<Option> accepted, String... args) {
        if (accepted.isEmpty()) {
            throw new IllegalArgumentException("no accepted options");
        }
        EnumMap<Option, String> values = new EnumMap<>(Option.class);
        Option previous = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg == null || !arg.startsWith("--") || arg.length() == 2) {
                if (previous != null && previous.secret()) {
                    throw new OptionsException("unexpected argument after " + previous.flag()
                            + " (quote a value that contains spaces)");
                }
                throw new OptionsException("unexpected argument '" + arg
                        + "': options are written --key value or --key=value");
            }
            String body = arg.substring(2);
            int eq = body.indexOf('=');
            String key = eq >= 0 ? body.substring(0, eq) : body;
            Option option = Option.forKey(key).filter(accepted::contains)
                    .orElseThrow(() -> unknownOption(key, accepted));
            String value;
            if (eq >= 0) {
                value = body.substring(eq + 1);
            } else if (i + 1 < args.length && args[i + 1] != null && !args[i + 1].startsWith("--")) {
                value = args[++i];
            } else {
                value = null;
            }
            if (value == null || value.isBlank() && !option.allowsEmpty()) {
                throw new OptionsException(option.flag() + " needs a value"
                        + (value == null && option.allowsEmpty() ? " (write " + option.flag() + " '' for an empty one)" : ""));
            }
            if (values.containsKey(option)) {
                throw new OptionsException(option.flag() + " is given twice");
            }
            values.put(option, normalize(option, value));
            previous = option;
        }
        checkCombinations(values);
        return new JobOptions(accepted, values);
    }

    // ---------------------------------------------------------------- checks

    private static OptionsException unknownOption(String key, Set<Option> accepted) {
        String shown = "--" + (key.length() > 60 ? key.substring(0, 60) + "..." : key);
        Option closest = null;
        int best = Integer.MAX_VALUE;
        for (Option o : accepted) {
            int d = editDistance(key.toLowerCase(Locale.ROOT), o.key());
            if (d < best) {
                best = d;
                closest = o;
            }
        }
        if (closest != null && best <= 3) {
            return new OptionsException("unknown option " + shown + " (did you mean "
                    + closest.flag() + "?)");
        }
        return new OptionsException("unknown option " + shown + "; the options are "
                + accepted.stream().map(Option::flag).collect(Collectors.joining(", ")));
    }

    private static String normalize(Option option, String value) {
        switch (option.kind()) {
            case TEXT:
                return value;
            case MQTT_URI:
                return mqttUri(option, value.trim());
            case JDBC_URL:
                if (!JDBC_MYSQL.matcher(value.trim()).matches()) {
                    throw new OptionsException(option.flag() + " must be a MySQL JDBC URL with a"
                            + " database, e.g. jdbc:mysql://127.0.0.1:3306/pulse, got '"
                            + maskUrl(value) + "'");
                }
                return value.trim();
            case HTTP_URL:
                return httpUrl(option, value.trim());
            case DIRECTORY_URI:
                return directoryUri(option, value.trim());
            case LOCAL_DIRECTORY:
                if (!value.trim().startsWith("/")) {
                    throw new OptionsException(option.flag() + " must be an absolute path, got '" + value + "'");
                }
                return Path.of(value.trim()).normalize().toString();
            case BOOLEAN: {
                String v = value.trim().toLowerCase(Locale.ROOT);
                if (!v.equals("true") && !v.equals("false")) {
                    throw new OptionsException(option.flag() + " must be true or false, got '"
                            + value + "'");
                }
                return v;
            }
            case MILLIS: {
                long ms = parseLong(value.trim());
                if (ms <= 0) {
                    throw new OptionsException(option.flag()
                            + " must be a positive number of milliseconds, got '" + value + "'");
                }
                if (ms < MIN_CHECKPOINT_INTERVAL_MS) {
                    throw new OptionsException(option.flag() + " must be at least "
                            + MIN_CHECKPOINT_INTERVAL_MS + " milliseconds, got '" + value + "'");
                }
                return Long.toString(ms);
            }
            case DURATION:
                parseDuration(option, value.trim());
                return value.trim();
            case POSITIVE_INT: {
                long n = parseLong(value.trim());
                if (n <= 0 || n > MAX_PARALLELISM) {
                    throw new OptionsException(option.flag() + " must be a whole number from 1 to "
                            + MAX_PARALLELISM + ", got '" + value + "'");
                }
                return Long.toString(n);
            }
            default:
                throw new IllegalStateException("unhandled kind " + option.kind());
        }
    }

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h)?");

    /** {@code 10s}, {@code 500ms}, {@code 2m}, {@code 1h}; a bare number is seconds. Must be positive. */
    static Duration parseDuration(Option option, String text) {
        var m = DURATION.matcher(text.toLowerCase(Locale.ROOT));
        long n = m.matches() ? Long.parseLong(m.group(1)) : 0;
        if (n <= 0) {
            throw new OptionsException(option.flag() + " must be a positive duration such as 10s, 500ms or 2m, got '" + text + "'");
        }
        String unit = m.group(2) == null ? "s" : m.group(2);
        switch (unit) {
            case "ms":
                return Duration.ofMillis(n);
            case "m":
                return Duration.ofMinutes(n);
            case "h":
                return Duration.ofHours(n);
            default:
                return Duration.ofSeconds(n);
        }
    }

    /** The number, or -1 when the text is not a whole number (or too large). */
    private static long parseLong(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** An absolute path becomes a file: URI; a URI needs a scheme (file, s3, hdfs, ...) and a path. */
    private static String directoryUri(Option option, String value) {
        String expected = option.flag() + " must be an absolute path or a URI such as file:///var/lib/pulse/checkpoints"
                + " or s3://bucket/pulse, got '" + value + "'";
        if (value.startsWith("/")) {
            String uri = Path.of(value).toUri().toString(); // ends in "/" when the directory exists
            return uri.endsWith("/") && !value.equals("/") ? uri.substring(0, uri.length() - 1) : uri;
        }
        try {
            URI uri = new URI(value);
            if (uri.getScheme() == null || uri.getScheme().length() < 2 || uri.getRawPath() == null || uri.getRawPath().isEmpty()) {
                throw new OptionsException(expected); // a one-letter scheme is a Windows drive, a relative path has none
            }
            return value;
        } catch (URISyntaxException e) {
            throw new OptionsException(expected);
        }
    }

    private static String mqttUri(Option option, String value) {
        String expected = option.flag() + " must be tcp://host:port or ssl://host:port, got '";
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new OptionsException(expected + maskUrl(value) + "'");
        }
        if (uri.getRawUserInfo() != null) {
            throw new OptionsException(option.flag() + " must not contain credentials: use "
                    + Option.MQTT_USERNAME.flag() + " and " + Option.MQTT_PASSWORD.flag());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean emptyPath = uri.getRawPath() == null || uri.getRawPath().isEmpty()
                || uri.getRawPath().equals("/");
        if (!(scheme.equals("tcp") || scheme.equals("ssl")) || uri.getHost() == null
                || !emptyPath || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new OptionsException(expected + value + "'");
        }
        int port = uri.getPort() >= 0 ? uri.getPort()
                : scheme.equals("ssl") ? DEFAULT_MQTTS_PORT : DEFAULT_MQTT_PORT;
        if (port == 0) {
            throw new OptionsException(expected + value + "'");
        }
        return scheme + "://" + uri.getHost() + ":" + port;
    }

    private static String httpUrl(Option option, String value) {
        String expected = option.flag()
                + " must be an http:// or https:// URL such as http://127.0.0.1:8086, got '";
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new OptionsException(expected + maskUrl(value) + "'");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new OptionsException(expected + maskUrl(value) + "'");
        }
        return value;
    }

    private static void checkCombinations(Map<Option, String> values) {
        needs(values, Option.MQTT_PASSWORD, Option.MQTT_USERNAME);
        needs(values, Option.JDBC_USER, Option.JDBC_URL);
        needs(values, Option.JDBC_PASSWORD, Option.JDBC_URL);
        needs(values, Option.INFLUX_TOKEN, Option.INFLUX_URL);
        needs(values, Option.INFLUX_ORG, Option.INFLUX_URL);
        needs(values, Option.INFLUX_BUCKET, Option.INFLUX_URL);
        needs(values, Option.INFLUX_URL, Option.INFLUX_ORG);
        needs(values, Option.INFLUX_URL, Option.INFLUX_BUCKET);
    }

    private static void needs(Map<Option, String> values, Option given, Option needed) {
        if (values.containsKey(given) && !values.containsKey(needed)) {
            throw new OptionsException(given.flag() + " needs " + needed.flag());
        }
    }

    /** The Levenshtein distance, to suggest the option that was probably meant. */
    private static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** A URL with passwords in its user info or query parameters replaced by {@code ****}. */
    public static String maskUrl(String url) {
        String masked = URL_USER_INFO.matcher(url).replaceAll("$1:" + MASK + "@");
        return URL_SECRET_PARAM.matcher(masked).replaceAll("$1" + MASK);
    }

    // ---------------------------------------------------------------- requirements

    /**
     * Ends with an {@link OptionsException} when {@code option} is not given.
     *
     * @param why appended to the message, e.g. "for the movement job"; may be null
     */
    public JobOptions require(Option option, String why) {
        if (!values.containsKey(option)) {
            throw new OptionsException(option.flag() + " is required"
                    + (why == null || why.isBlank() ? "" : " " + why));
        }
        return this;
    }

    private String required(Option option) {
        require(option, "(" + option.description() + ")");
        return values.get(option);
    }

    // ---------------------------------------------------------------- typed getters

    /** Whether the option was given on the command line. */
    public boolean has(Option option) {
        return values.containsKey(option);
    }

    /** The value as given (URIs normalized), or the default, or empty. */
    public Optional<String> get(Option option) {
        String v = values.get(option);
        return v != null ? Optional.of(v) : option.defaultValue();
    }

    /** The broker as {@code tcp://host:port} or {@code ssl://host:port} (port filled in). */
    public String mqttBroker() {
        return required(Option.MQTT_BROKER);
    }

    public Optional<String> mqttUsername() {
        return get(Option.MQTT_USERNAME);
    }

    public Optional<String> mqttPassword() {
        return get(Option.MQTT_PASSWORD);
    }

    /** A trust store for an {@code ssl://} broker with a private CA, or empty for the JVM's. */
    public Optional<String> mqttTrustStore() {
        return get(Option.MQTT_TRUSTSTORE);
    }

    public Optional<String> mqttTrustStorePassword() {
        return get(Option.MQTT_TRUSTSTORE_PASSWORD);
    }

    /** Where the MQTT source spools, or empty for its default. */
    public Optional<String> mqttSpoolDir() {
        return get(Option.MQTT_SPOOL_DIR);
    }

    public Optional<String> jdbcUrl() {
        return get(Option.JDBC_URL);
    }

    public Optional<String> jdbcUser() {
        return get(Option.JDBC_USER);
    }

    public Optional<String> jdbcPassword() {
        return get(Option.JDBC_PASSWORD);
    }

    /** A duration option's value, or its default. */
    public Duration duration(Option option) {
        if (option.kind() != Option.Kind.DURATION) {
            throw new IllegalArgumentException(option.flag() + " is not a duration");
        }
        return parseDuration(option, get(option).orElseThrow());
    }

    /** How long to wait for the database to accept a connection and log in (default 10 s). */
    public Duration jdbcConnectTimeout() {
        return duration(Option.JDBC_CONNECT_TIMEOUT);
    }

    /** How long to wait for the database's answer to a statement (default 120 s). */
    public Duration jdbcSocketTimeout() {
        return duration(Option.JDBC_SOCKET_TIMEOUT);
    }

    /** How long {@code ./pulse run} waits for its MQTT sessions to subscribe (default 60 s). */
    public Duration mqttStartTimeout() {
        return duration(Option.MQTT_START_TIMEOUT);
    }

    /** Whether the job creates or upgrades the schema at start (default true). */
    public boolean jdbcMigrate() {
        return Boolean.parseBoolean(get(Option.JDBC_MIGRATE).orElse("true"));
    }

    /** Whether the time-series (InfluxDB v2 API) sink is on: only with {@code --influx.url}. */
    public boolean influxEnabled() {
        return values.containsKey(Option.INFLUX_URL);
    }

    public Optional<String> influxUrl() {
        return get(Option.INFLUX_URL);
    }

    public Optional<String> influxToken() {
        return get(Option.INFLUX_TOKEN);
    }

    public Optional<String> influxOrg() {
        return get(Option.INFLUX_ORG);
    }

    public Optional<String> influxBucket() {
        return get(Option.INFLUX_BUCKET);
    }

    /** Checkpoint interval in milliseconds (default 10000). */
    public long checkpointIntervalMs() {
        return Long.parseLong(get(Option.CHECKPOINT_INTERVAL).orElse("10000"));
    }

    public Duration checkpointInterval() {
        return Duration.ofMillis(checkpointIntervalMs());
    }

    /** Where checkpoints go (a URI), or empty for Flink's configured checkpoint storage. */
    public Optional<String> checkpointDir() {
        return get(Option.CHECKPOINT_DIR);
    }

    /** The job's parallelism, or empty for Flink's default. */
    public OptionalInt parallelism() {
        String v = values.get(Option.PARALLELISM);
        return v == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(v));
    }

    /** The secret for person pseudonyms; ends with an {@link OptionsException} when absent. */
    public String movementHmacKey() {
        return required(Option.MOVEMENT_HMAC_KEY);
    }

    // ---------------------------------------------------------------- printing

    /** The value as it may be printed: secrets masked, passwords in URLs masked. */
    private String printable(Option option) {
        String v = values.get(option);
        if (v == null) {
            return null;
        }
        if (option.secret()) {
            return MASK;
        }
        return option.kind() == Option.Kind.JDBC_URL || option.kind() == Option.Kind.HTTP_URL
                ? maskUrl(v) : v;
    }

    /**
     * The effective options, one per line, secrets masked, defaults marked, e.g.
     * {@code   --mqtt.password        ****}.
     */
    public String describe() {
        int width = accepted.stream().mapToInt(o -> o.flag().length()).max().orElse(10) + 2;
        StringBuilder sb = new StringBuilder();
        for (Option o : accepted) {
            String shown = printable(o);
            if (shown == null) {
                shown = o.defaultValue().map(d -> d + " (default)").orElse("(not set)");
                if (o == Option.INFLUX_URL) {
                    shown = "(not set: the time-series sink is off)";
                } else if (o == Option.PARALLELISM) {
                    shown = "(not set: Flink's default)";
                } else if (o == Option.CHECKPOINT_DIR) {
                    shown = "(not set: Flink's configured checkpoint storage)";
                }
            }
            sb.append("  ").append(String.format("%-" + width + "s", o.flag())).append(shown)
                    .append(System.lineSeparator());
        }
        return sb.toString();
    }

    /** The options that were given, secrets masked. */
    @Override
    public String toString() {
        return values.keySet().stream().map(o -> o.flag() + "=" + printable(o))
                .collect(Collectors.joining(" ", "JobOptions[", "]"));
    }

    /**
     * The options for usage texts: each with what its value looks like, its description and its
     * default, wrapped to 100 columns, e.g.
     * {@code   --jdbc.connect-timeout DURATION  how long ... [default 10s]}.
     */
    public static String help(Set<Option> options) {
        StringBuilder sb = new StringBuilder();
        for (Option o : options) {
            sb.append(helpLine(o.flag() + " " + o.placeholder(),
                    o.description() + o.defaultValue().map(d -> " [default\u00a0" + d + "]").orElse("")));
        }
        return sb.toString();
    }

    /** One option of a usage text, aligned with {@link #help(Set)}'s: {@code flag VALUE} and what it does. */
    public static String helpLine(String option, String text) {
        int width = Arrays.stream(Option.values()).mapToInt(o -> o.flag().length() + 1 + o.placeholder().length()).max().orElse(10) + 2;
        return wrap("  " + String.format("%-" + width + "s", option), text, 100);
    }

    /** {@code head} then {@code text}, continued lines indented under the text's start; never broken at a no-break space. */
    public static String wrap(String head, String text, int columns) {
        String nl = System.lineSeparator();
        String indent = " ".repeat(head.length());
        int room = Math.max(30, columns - head.length());
        StringBuilder sb = new StringBuilder(head);
        int used = 0;
        for (String word : text.split(" ")) {
            if (used > 0 && used + 1 + word.length() > room) {
                sb.append(nl).append(indent);
                used = 0;
            } else if (used > 0) {
                sb.append(' ');
                used++;
            }
            sb.append(word.replace('\u00a0', ' '));
            used += word.length();
        }
        return sb.append(nl).toString();
    }

    /** The options of {@link #parse(String...)}. */
    public static Set<Option> allOptions() {
        return Collections.unmodifiableSet(EnumSet.copyOf(Arrays.asList(Option.values())));
    }
}
