package io.pulse.launcher;

import io.pulse.jobs.PulseJobs;
import io.pulse.jobs.options.JobOptions;
import io.pulse.jobs.options.Option;
import io.pulse.jobs.options.OptionsException;
import io.pulse.jobs.storage.StorageException;
import io.pulse.jobs.storage.StorageSetup;
import io.pulse.launcher.demo.Demo;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * The local launcher behind {@code ./pulse}: {@code demo}, {@code run <job> ...},
 * {@code db migrate ...} and {@code help}. Exit codes: 0 done, 1 failed, 2 wrong command line,
 * 3 not available yet.
 */
public final class Pulse {
    public static final int EXIT_FAILED = 1;

    /** The options of {@code db migrate}. */
    static final Set<Option> DB_OPTIONS =
            EnumSet.of(Option.JDBC_URL, Option.JDBC_USER, Option.JDBC_PASSWORD);

    private Pulse() {
    }

    public static void main(String[] args) throws Exception {
        int code = run(args, System.out, System.err);
        System.exit(code);
    }

    /** How the user calls us, as the script tells (e.g. {@code ./pulse}). */
    static String command() {
        return System.getProperty("pulse.command", "pulse");
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        if (args.length == 0) {
            err.print(usage());
            return PulseJobs.EXIT_USAGE;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "help":
            case "--help":
            case "-h":
                out.print(usage());
                return PulseJobs.EXIT_OK;
            case "run": {
                LocalRunState.Prepared run;
                try {
                    run = LocalRunState.prepare(rest, System.getenv(), out);
                } catch (OptionsException e) {
                    err.println("pulse: " + e.getMessage());
                    return PulseJobs.EXIT_USAGE;
                }
                return PulseJobs.run(command() + " run", run.jobArgs(), out, err, run.flink());
            }
            case "db":
                return db(rest, out, err);
            case "people":
                return PeopleCommand.run(rest, out, err);
            case "demo":
                if (rest.length > 0) {
                    err.println("pulse: demo takes no arguments, got '" + rest[0] + "'");
                    return PulseJobs.EXIT_USAGE;
                }
                return Demo.runUntilStopped(out, err);
            default:
                err.println("pulse: unknown command '" + args[0]
                        + "'; the commands are demo, run, db migrate, people import, test, build, help");
                return PulseJobs.EXIT_USAGE;
        }
    }

    private static int db(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || !args[0].equals("migrate")) {
            err.println("pulse: " + (args.length == 0 ? "db needs a command"
                    : "unknown db command '" + args[0] + "'")
                    + "; usage: " + command()
                    + " db migrate --jdbc.url URL --jdbc.user USER --jdbc.password PASSWORD");
            return PulseJobs.EXIT_USAGE;
        }
        JobOptions options;
        try {
            options = JobOptions.parse(DB_OPTIONS, Arrays.copyOfRange(args, 1, args.length));
            options.require(Option.JDBC_URL, "(e.g. jdbc:mysql://127.0.0.1:3306/pulse)");
            options.require(Option.JDBC_USER, null);
        } catch (OptionsException e) {
            err.println("pulse: " + e.getMessage());
            return PulseJobs.EXIT_USAGE;
        }
        try {
            out.println("pulse: " + StorageSetup.migrate(options, System.getenv()));
            return PulseJobs.EXIT_OK;
        } catch (StorageException e) {
            err.println("pulse: " + e.getMessage());
            return PulseJobs.EXIT_FAILED;
        }
    }

    static String usage() {
        String c = command();
        String nl = System.lineSeparator();
        return "Usage: " + c + " <command>" + nl + nl
                + "Commands:" + nl
                + "  demo                       everything in one process: MQTT broker, MariaDB, QuestDB,"
                + nl
                + "                             simulated devices, gates and meters, and the three"
                + nl
                + "                             jobs on a local Flink cluster with its Web UI"
                + nl
                + "  run <job> [--key value]    run a job (telemetry, movement, energy) on an"
                + " embedded" + nl
                + "                             Flink cluster; '" + c + " run help' lists the"
                + " options" + nl
                + "                             the same command after a crash resumes from the job's" + nl
                + "                             state folder (--state.dir, default ~/.local/state/pulse/<job>);" + nl
                + "                             --fresh deletes its checkpoints and spool and starts over" + nl
                + "  db migrate --jdbc.url URL --jdbc.user USER --jdbc.password PASSWORD" + nl
                + "                             create or upgrade the MySQL schema" + nl
                + "  people import FILE.csv --movement.hmac-key KEY --jdbc.url URL ..." + nl
                + "                             store a roster's people by pseudonym (no MAC is stored)" + nl
                + "  build                      build the project (./mvnw install -DskipTests)" + nl
                + "  test                       install the test servers if needed, run all tests"
                + nl
                + "  help                       this text" + nl;
    }
}
