package io.pulse.launcher;

import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.JobListener;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import sun.misc.Signal;

/**
 * Ctrl-C (SIGINT) and SIGTERM on {@code ./pulse run}: the job is cancelled, which stops its
 * sources first (what they received but no checkpoint covers is not acknowledged, so the broker
 * keeps it for the next run) and keeps its checkpoints; then the run ends normally, with a message,
 * and its temporary folder is removed. A second signal while stopping ends the process at once.
 */
final class RunStop implements AutoCloseable {
    /** The job of this JVM's run, handed over by Flink when it is submitted (see {@link Submitted}). */
    private static final AtomicReference<JobClient> JOB = new AtomicReference<>();
    private static final AtomicReference<RunStop> CURRENT = new AtomicReference<>();

    private final String jobName;
    private final PrintStream err;
    private final List<Signal> handled = new ArrayList<>();
    private final List<sun.misc.SignalHandler> previous = new ArrayList<>();
    private volatile String requested;

    private RunStop(String jobName, PrintStream err) {
        this.jobName = jobName;
        this.err = err;
    }

    /** Installs the handlers and has Flink tell us the job it submits (through {@code flink}'s job listeners). */
    static RunStop install(String jobName, Configuration flink, PrintStream err) {
        RunStop stop = new RunStop(jobName, err);
        JOB.set(null);
        CURRENT.set(stop);
        List<String> listeners = new ArrayList<>(flink.get(DeploymentOptions.JOB_LISTENERS) == null
                ? List.of() : flink.get(DeploymentOptions.JOB_LISTENERS));
        listeners.add(Submitted.class.getName());
        flink.set(DeploymentOptions.JOB_LISTENERS, listeners);
        for (String name : List.of("INT", "TERM")) {
            try {
                Signal signal = new Signal(name);
                stop.previous.add(Signal.handle(signal, stop::onSignal));
                stop.handled.add(signal);
            } catch (IllegalArgumentException unsupported) {
                // no such signal here: the JVM's default handling stays
            }
        }
        return stop;
    }

    /** The signal's name (e.g. SIGINT) when a stop was requested, else null. */
    String requested() {
        return requested;
    }

    private void onSignal(Signal signal) {
        if (requested != null) {
            err.println();
            err.println("pulse: stopping now, without cleaning up");
            Runtime.getRuntime().halt(130);
        }
        requested = "SIG" + signal.getName();
        err.println();
        err.println("pulse: " + requested + ": stopping the " + jobName + " job (its checkpoints are kept; Ctrl-C again"
                + " stops at once, without cleaning up)");
        cancel(JOB.get());
    }

    private static void cancel(JobClient job) {
        if (job != null) {
            job.cancel().orTimeout(60, TimeUnit.SECONDS); // the run's main thread sees the job end
        }
    }

    @Override
    public void close() {
        for (int i = 0; i < handled.size(); i++) {
            Signal.handle(handled.get(i), previous.get(i));
        }
        CURRENT.compareAndSet(this, null);
        JOB.set(null);
    }

    /** Flink's hook for the submitted job (instantiated by Flink by its name, hence public). */
    public static final class Submitted implements JobListener {
        @Override
        public void onJobSubmitted(JobClient jobClient, Throwable throwable) {
            if (jobClient == null) {
                return;
            }
            JOB.set(jobClient);
            RunStop stop = CURRENT.get();
            if (stop != null && stop.requested != null) {
                cancel(jobClient); // the signal came while the job was being submitted
            }
        }

        @Override
        public void onJobExecuted(JobExecutionResult jobExecutionResult, Throwable throwable) {
            // the run's main thread reports how it ended
        }
    }
}
