package io.pulse.launcher;

import io.pulse.jobs.PulseJob;
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
import java.util.Optional;
import java.util.Set;

/**
 * The local launcher behind {@code ./pulse}: {@code demo}, {@code run <job> ...},
 * {@code db migrate ...} and {@code help}. Exit codes: 0 done, 1 failed, 2 wrong command line,
 * 3 not available yet.
 */
public final class Pulse {
    public static final int EXIT_FAILED = 1;

    /** The options of {@code db migrate}. */
    static final Set<Option> DB_OPTIONS = EnumSet.of(Option.JDBC_URL, Option.JDBC_USER, Option.JDBC_PASSWORD,
            Option.JDBC_CONNECT_TIMEOUT, Option.JDBC_SOCKET_TIMEOUT);

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
                return help(rest, out, err);
            case "--version":
            case "-V":
            case "version":
                out.print(CommandHelp.version());
                return PulseJobs.EXIT_OK;
            case "run":
                return runJob(rest, out, err);
            case "db":
                return db(rest, out, err);
            case "people":
                return PeopleCommand.run(rest, out, err);
            case "demo":
                if (CommandHelp.wanted(rest)) {
                    out.print(CommandHelp.demo(command()));
                    return PulseJobs.EXIT_OK;
                }
                if (rest.length > 0) {
                    err.println("pulse: demo takes no arguments, got '" + rest[0] + "'" + hint("demo --help"));
                    return PulseJobs.EXIT_USAGE;
                }
                return Demo.runUntilStopped(out, err);
            default:
                err.println("pulse: unknown command '" + args[0]
                        + "'; the commands are demo, run, db migrate, people import, bridge, test, build, help" + hint("--help"));
                return PulseJobs.EXIT_USAGE;
        }
    }

    /** {@code ('./pulse db migrate --help' lists the options)}: where a wrong command line finds help. */
    static String hint(String help) {
        return " ('" + command() + " " + help + "' " + (help.equals("--help") ? "explains them" : "lists the options") + ")";
    }

    /** {@code help [command ...]}: the help of that command. */
    private static int help(String[] topic, PrintStream out, PrintStream err) {
        return CommandHelp.of(topic).map(text -> {
            out.print(text);
            return PulseJobs.EXIT_OK;
        }).orElseGet(() -> {
            err.println("pulse: no help for '" + String.join(" ", topic) + "': there is no such command" + hint("--help"));
            return PulseJobs.EXIT_USAGE;
        });
    }

    private static int runJob(String[] args, PrintStream out, PrintStream err) throws Exception {
        if (args.length == 0) {
            err.println("pulse: run needs a job: " + PulseJob.names() + hint("run --help"));
            return PulseJobs.EXIT_USAGE;
        }
        if (args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h")) {
            return help(args.length > 1 ? new String[] {"run", args[1]} : new String[] {"run"}, out, err);
        }
        Optional<PulseJob> job = PulseJob.named(args[0]);
        if (job.isEmpty()) {
            err.println("pulse: unknown job '" + args[0] + "'; the jobs are " + PulseJob.names() + hint("run --help"));
            return PulseJobs.EXIT_USAGE;
        }
        if (CommandHelp.wanted(Arrays.copyOfRange(args, 1, args.length))) {
            out.print(CommandHelp.job(command(), job.get()));
            return PulseJobs.EXIT_OK;
        }
        LocalRunState.Prepared run;
        try {
            // The whole command line first: nothing is deleted (--fresh) or said about the state before it is right.
            job.get().validate(JobOptions.parse(LocalRunState.split(args).jobOptions().toArray(String[]::new)));
            run = LocalRunState.prepare(args, System.getenv(), out);
        } catch (OptionsException e) {
            err.println("pulse: " + e.getMessage() + hint("run " + job.get().jobName() + " --help"));
            return PulseJobs.EXIT_USAGE;
        }
        String name = job.get().jobName();
        RunFolder tmp = RunFolder.create(System.getenv());
        String stopped;
        int code;
        try (RunStop stop = RunStop.install(name, tmp.configure(run.flink()), err)) {
            try {
                code = PulseJobs.run(command() + " run", run.jobArgs(), out, err, run.flink());
            } catch (Exception e) {
                if (stop.requested() == null) {
                    throw e;
                }
                code = PulseJobs.EXIT_OK; // cancelled on request: how Flink reports that is no failure
            }
            stopped = stop.requested();
        } finally {
            tmp.close();
        }
        if (stopped != null) {
            out.println("pulse: the " + name + " job stopped (" + stopped + "); its checkpoints stay in "
                    + run.checkpoints() + ": the same command resumes it");
            out.println("pulse: removed the run's temporary folder " + tmp.path());
            return PulseJobs.EXIT_OK;
        }
        return code;
    }

    private static int db(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 0 && (args[0].equals("help") || CommandHelp.wanted(args))) {
            out.print(CommandHelp.dbMigrate(command()));
            return PulseJobs.EXIT_OK;
        }
        if (args.length == 0 || !args[0].equals("migrate")) {
            err.println("pulse: " + (args.length == 0 ? "db needs a command" : "unknown db command '" + args[0] + "'")
                    + "; usage: " + command() + " db migrate --jdbc.url URL --jdbc.user USER --jdbc.password PASSWORD"
                    + hint("db migrate --help"));
            return PulseJobs.EXIT_USAGE;
        }
        JobOptions options;
        try {
            options = JobOptions.parse(DB_OPTIONS, Arrays.copyOfRange(args, 1, args.length));
            options.require(Option.JDBC_URL, "(e.g. jdbc:mysql://127.0.0.1:3306/pulse)");
            options.require(Option.JDBC_USER, null);
        } catch (OptionsException e) {
            err.println("pulse: " + e.getMessage() + hint("db migrate --help"));
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
        return "Usage: " + c + " <command> [--help]" + nl + nl
                + "Commands ('" + c + " <command> --help' or '" + c + " help <command>' explains one):" + nl
                + "  demo                       everything in one process: MQTT broker, MariaDB, QuestDB," + nl
                + "                             simulated devices, gates and meters, and the three" + nl
                + "                             jobs on a local Flink cluster with its Web UI" + nl
                + "  run <job> [--key value]    run a job (" + PulseJob.names() + ") on an embedded" + nl
                + "                             Flink cluster until Ctrl-C; the same command after a crash" + nl
                + "                             resumes from the job's state folder (--state.dir)" + nl
                + "  db migrate --jdbc.url URL --jdbc.user USER --jdbc.password PASSWORD" + nl
                + "                             create or upgrade the MySQL schema" + nl
                + "  people import FILE.csv --movement.hmac-key KEY --jdbc.url URL ..." + nl
                + "                             store a roster's people by pseudonym (no MAC is stored)" + nl
                + "  bridge --config FILE       run the Modbus bridge (modbus-bridge/README.md)" + nl
                + "  build                      build the project (./mvnw install -DskipTests)" + nl
                + "  test                       install the test servers if needed, run all tests" + nl
                + "  help [<command>]           this text, or a command's" + nl
                + "  --version                  the versions of Pulse, Flink and Java" + nl;
    }
}
