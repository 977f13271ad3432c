package io.pulse.launcher;

import io.pulse.jobs.PulseJob;
import io.pulse.jobs.PulseJobs;
import io.pulse.jobs.movement.ingest.PseudonymKey;
import io.pulse.jobs.options.JobOptions;
import io.pulse.jobs.storage.ReadOnlyUser;

import org.apache.flink.runtime.util.EnvironmentInformation;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Optional;
import java.util.Properties;

/**
 * The help texts of {@code ./pulse}: one per command, each with its options (rendered from the
 * definitions their parser uses: {@link io.pulse.jobs.options.Option} and {@link LocalRunState}),
 * their defaults and an example; and the version.
 */
final class CommandHelp {
    private static final String NL = System.lineSeparator();
    private static final String HELP_LINE = JobOptions.helpLine("-h, --help", "this text");

    private CommandHelp() {}

    /** Whether the arguments ask for help: {@code --help} anywhere, or {@code -h} where it is not an option's value. */
    static boolean wanted(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--help") || args[i].equals("help") && i == 0) {
                return true;
            }
            boolean isValue = i > 0 && args[i - 1].startsWith("--") && !args[i - 1].contains("=")
                    && !args[i - 1].equals(LocalRunState.FRESH);
            if (args[i].equals("-h") && !isValue) {
                return true;
            }
        }
        return false;
    }

    /** The help of {@code words} (e.g. {@code run telemetry}, {@code db migrate}), or empty for no such command. */
    static Optional<String> of(String... words) {
        String c = Pulse.command();
        if (words.length == 0) {
            return Optional.of(Pulse.usage());
        }
        String[] rest = Arrays.copyOfRange(words, 1, words.length);
        switch (words[0]) {
            case "demo":
                return rest.length == 0 ? Optional.of(demo(c)) : Optional.empty();
            case "run":
                if (rest.length == 0) {
                    return Optional.of(run(c));
                }
                return rest.length == 1 ? PulseJob.named(rest[0]).map(job -> job(c, job)) : Optional.empty();
            case "db":
                return rest.length == 0 || rest.length == 1 && rest[0].equals("migrate") ? Optional.of(dbMigrate(c)) : Optional.empty();
            case "people":
                return rest.length == 0 || rest.length == 1 && rest[0].equals("import") ? Optional.of(peopleImport(c)) : Optional.empty();
            case "help":
                return Optional.of(Pulse.usage());
            case "version":
            case "--version":
                return Optional.of("Usage: " + c + " --version" + NL + NL + "Prints the versions of Pulse, Flink and Java." + NL);
            default:
                return Optional.empty();
        }
    }

    static String demo(String c) {
        return "Usage: " + c + " demo" + NL + NL
                + "Runs the whole system in one process on embedded defaults, with nothing to install but a JDK:" + NL
                + "an MQTT broker (HiveMQ CE), MariaDB, QuestDB (the InfluxDB v2 write API), simulated devices," + NL
                + "gates and meters read by the Modbus bridge, and every job on a local Flink cluster with its" + NL
                + "Web UI. It prints where each part listens and what the jobs store; Ctrl-C stops every part" + NL
                + "in order and removes its temporary files." + NL + NL
                + "Options:" + NL + HELP_LINE + NL
                + "Example:" + NL + "  " + c + " demo" + NL;
    }

    static String run(String c) {
        StringBuilder sb = new StringBuilder("Usage: " + c + " run <job> [--key value ...]" + NL + NL
                + "Runs one job on an embedded Flink cluster until Ctrl-C (or until it fails). The same command" + NL
                + "after a crash resumes from the job's state folder; --fresh starts over." + NL + NL
                + "Jobs ('" + c + " run <job> --help' lists a job's options):" + NL);
        for (PulseJob job : PulseJob.values()) {
            sb.append(String.format("  %-10s %s", job.jobName(), job.summary())).append(NL);
        }
        return sb.append(NL).append("Options of ").append(c).append(" run:").append(NL)
                .append(LocalRunState.help("<job>")).append(NL)
                .append("Example:").append(NL)
                .append("  ").append(c).append(" run telemetry --mqtt.broker tcp://127.0.0.1:1883 \\").append(NL)
                .append("      --jdbc.url jdbc:mysql://127.0.0.1:3306/pulse --jdbc.user pulse --jdbc.password ''").append(NL)
                .toString();
    }

    static String job(String c, PulseJob job) {
        return PulseJobs.usage(c + " run", job, NL + "Options of " + c + " run:" + NL + LocalRunState.help(job.jobName()));
    }

    static String dbMigrate(String c) {
        return "Usage: " + c + " db migrate --jdbc.url URL [--jdbc.user USER] [--jdbc.password PASSWORD] [--key value ...]" + NL + NL
                + "Creates the MySQL schema, or upgrades it to this version's; a database that is up to date is" + NL
                + "left as it is. With " + ReadOnlyUser.PASSWORD_VARIABLE + " set it also creates the dashboards' read-only" + NL
                + "user (" + ReadOnlyUser.USER_VARIABLE + ", default " + ReadOnlyUser.DEFAULT_USER + ")." + NL + NL
                + "Options (--key value or --key=value):" + NL
                + JobOptions.help(Pulse.DB_OPTIONS) + HELP_LINE + NL
                + "Example:" + NL
                + "  " + c + " db migrate --jdbc.url jdbc:mysql://127.0.0.1:3306/pulse --jdbc.user pulse --jdbc.password ''" + NL;
    }

    static String peopleImport(String c) {
        return "Usage: " + c + " people import FILE.csv --movement.hmac-key KEY --jdbc.url URL [--key value ...]" + NL + NL
                + "Stores a roster's people in the table people under their pseudonym: no MAC address is stored." + NL
                + "The key must be the movement job's (or --movement.hmac-key-file FILE, or the environment" + NL
                + "variable " + PseudonymKey.ENVIRONMENT_VARIABLE + "). Lines that are refused are listed with their line number." + NL + NL
                + "Options (--key value or --key=value):" + NL
                + JobOptions.help(PeopleCommand.OPTIONS) + HELP_LINE + NL
                + "Example:" + NL
                + "  " + c + " people import roster.csv --movement.hmac-key-file /etc/pulse/hmac.key \\" + NL
                + "      --jdbc.url jdbc:mysql://127.0.0.1:3306/pulse --jdbc.user pulse --jdbc.password ''" + NL;
    }

    /** Pulse's version (from the build), Flink's and Java's. */
    static String version() {
        return "pulse " + projectVersion() + NL
                + "Flink " + EnvironmentInformation.getVersion() + NL
                + "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
                + System.getProperty("java.home") + ")" + NL;
    }

    static String projectVersion() {
        Properties properties = new Properties();
        try (InputStream in = CommandHelp.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // reported as unknown below
        }
        String version = properties.getProperty("version", "");
        return version.isEmpty() || version.startsWith("${") ? "(version unknown: not built by Maven)" : version;
    }
}
