package io.pulse.jobs;

import io.pulse.jobs.options.JobOptions;
import io.pulse.jobs.options.Option;
import io.pulse.jobs.options.OptionsException;
import io.pulse.jobs.wiring.ClassLoaderRelease;
import org.apache.flink.configuration.Configuration;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Entry point of the jobs: {@code PulseJobs <job> [--key value ...]}, also the main class of the
 * fat jar for {@code flink run -c io.pulse.jobs.PulseJobs pulse-jobs.jar <job> ...}.
 *
 * <p>{@link #main} never ends the JVM: under {@code flink run} or a REST/Web-UI submission it runs
 * inside the client or the JobManager, where {@code System.exit} would take every other job down.
 * A wrong command line throws {@link PulseJobsException} with the one line that names the problem,
 * which Flink hands back to the submitter. Exit codes (0 done, 1 failed, 2 wrong command line, 3
 * the job is not available yet) belong to {@code ./pulse}, which calls {@link #run}.
 */
public final class PulseJobs {
    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_NOT_AVAILABLE = 3;

    private PulseJobs() {
    }

    public static void main(String[] args) throws Exception {
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(new TeeOutputStream(System.err, errors), true, StandardCharsets.UTF_8);
        int code;
        try {
            code = run("PulseJobs", args, System.out, err);
        } finally {
            // In a JobManager (REST submission) main() runs in a class loader of its own: its
            // libraries' threads must not keep it alive once main() is done.
            ClassLoaderRelease.release();
        }
        if (code != EXIT_OK) {
            String said = errors.toString(StandardCharsets.UTF_8).strip();
            String line = said.isEmpty() ? "pulse: the job ended with exit code " + code
                    : said.lines().filter(l -> l.startsWith("pulse: ")).findFirst().orElse(said.lines().findFirst().orElse(said));
            throw new PulseJobsException(line, code);
        }
    }

    /** A start that {@code main} refused, with the one-line reason and the exit code {@code ./pulse} would use. */
    public static final class PulseJobsException extends RuntimeException {
        private final int exitCode;

        PulseJobsException(String message, int exitCode) {
            super(message, null, false, false); // the line says it all; no stack trace to scroll past
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    /** Writes to two streams: what main prints also becomes its exception's message. */
    private static final class TeeOutputStream extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        TeeOutputStream(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            first.flush();
            second.flush();
        }
    }

    /**
     * Parses the command line and runs the job in this JVM.
     *
     * @param invocation how the user called us, for the usage text (e.g. {@code ./pulse run})
     * @return the exit code
     */
    public static int run(String invocation, String[] args, PrintStream out, PrintStream err)
            throws Exception {
        return run(invocation, args, out, err, new Configuration());
    }

    /** As {@link #run(String, String[], PrintStream, PrintStream)}, with Flink settings of the caller's (e.g. a checkpoint to resume). */
    public static int run(String invocation, String[] args, PrintStream out, PrintStream err, Configuration flink)
            throws Exception {
        if (args.length == 0) {
            err.print(usage(invocation));
            return EXIT_USAGE;
        }
        String name = args[0];
        if (name.equals("help") || name.equals("--help") || name.equals("-h")) {
            Optional<PulseJob> about = args.length > 1 ? PulseJob.named(args[1]) : Optional.empty();
            out.print(about.map(j -> usage(invocation, j)).orElseGet(() -> usage(invocation)));
            return EXIT_OK;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        Optional<PulseJob> job = PulseJob.named(name);
        if (job.isEmpty()) {
            err.println("pulse: unknown job '" + name + "'; the jobs are " + PulseJob.names() + hint(invocation, "--help"));
            return EXIT_USAGE;
        }
        if (Arrays.asList(rest).contains("--help") || Arrays.asList(rest).contains("-h")) {
            out.print(usage(invocation, job.get()));
            return EXIT_OK;
        }
        JobOptions options;
        try {
            options = JobOptions.parse(rest);
            job.get().validate(options);
        } catch (OptionsException e) {
            err.println("pulse: " + e.getMessage() + hint(invocation, job.get().jobName() + " --help"));
            return EXIT_USAGE;
        }
        return job.get().run(options, out, err, flink);
    }

    /** Where to read more, for a line about a wrong command line; none under {@code flink run}. */
    private static String hint(String invocation, String help) {
        return invocation.equals("PulseJobs") ? "" : " ('" + invocation + " " + help + "' lists the options)";
    }

    /** One job's usage: what it does, the options it reads (from their definitions) and an example. */
    public static String usage(String invocation, PulseJob job) {
        return usage(invocation, job, "");
    }

    /** As {@link #usage(String, PulseJob)}, with the caller's own options (already formatted) after the job's. */
    public static String usage(String invocation, PulseJob job, String moreOptions) {
        String nl = System.lineSeparator();
        Set<Option> options = EnumSet.noneOf(Option.class);
        for (Option o : Option.values()) {
            if (o.appliesTo(job.jobName())) {
                options.add(o);
            }
        }
        return "Usage: " + invocation + " " + job.jobName() + " [--key value ...]" + nl + nl
                + "The " + job.jobName() + " job: " + job.summary() + "." + nl + nl
                + "Options (--key value or --key=value; an empty password is --jdbc.password ''):" + nl
                + JobOptions.help(options) + moreOptions + nl
                + "Example:" + nl
                + "  " + invocation + " " + job.jobName() + " --mqtt.broker tcp://127.0.0.1:1883 \\" + nl
                + "      --jdbc.url jdbc:mysql://127.0.0.1:3306/pulse --jdbc.user pulse --jdbc.password ''"
                + (job == PulseJob.MOVEMENT ? " \\" + nl + "      --movement.hmac-key-file /etc/pulse/hmac.key" : "") + nl;
    }

    public static String usage(String invocation) {
        String nl = System.lineSeparator();
        StringBuilder sb = new StringBuilder();
        sb.append("Usage: ").append(invocation).append(" <job> [--key value ...]").append(nl)
                .append(nl).append("Jobs:").append(nl);
        for (PulseJob job : PulseJob.values()) {
            sb.append(String.format("  %-10s %s", job.jobName(), job.summary())).append(nl);
        }
        sb.append(nl).append("Options (--key value or --key=value); '").append(invocation)
                .append(" <job> --help' shows the ones a job reads:").append(nl)
                .append(JobOptions.help(JobOptions.allOptions()));
        return sb.toString();
    }
}
