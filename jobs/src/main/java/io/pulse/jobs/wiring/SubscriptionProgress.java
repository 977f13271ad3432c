package io.pulse.jobs.wiring;

import io.pulse.connectors.mqtt.source.MqttSubscriptions;
import io.pulse.jobs.options.Option;

import org.apache.flink.core.execution.JobClient;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Tells the person who started a job when it really receives: "running" is not enough, because a
 * session that has never subscribed does not exist on the broker yet and what is published before
 * is lost. Works where the job's sources run in this JVM (a local run): a broker that cannot be
 * reached or refuses us is said at once, in one line, and the start gives up after its deadline
 * ({@code --mqtt.start-timeout}). For a cluster it says where to look instead, and the job keeps
 * retrying there.
 */
public final class SubscriptionProgress {

    private static final Duration REPORT_EVERY = Duration.ofSeconds(5);
    private static final Duration CLUSTER_GUESS = Duration.ofSeconds(30);

    private SubscriptionProgress() {}

    /** As {@link #await(String, JobClient, PrintStream, Duration)} without a deadline. */
    public static void await(String jobName, JobClient job, PrintStream out) throws InterruptedException {
        await(jobName, job, out, null);
    }

    /**
     * Returns once every MQTT session is subscribed, the job ended, or its sources run elsewhere
     * (true); false when this JVM's sessions did not all subscribe within {@code deadline} (null:
     * none), after saying why in one line.
     */
    public static boolean await(String jobName, JobClient job, PrintStream out, Duration deadline) throws InterruptedException {
        long started = System.nanoTime();
        long nextReport = started + REPORT_EVERY.toNanos();
        String said = null;
        for (int polls = 0; !MqttSubscriptions.allSubscribed(); polls++) {
            if (polls % 10 == 9 && ended(job)) {
                return true;
            }
            Map<String, String> status = MqttSubscriptions.status();
            long now = System.nanoTime();
            if (status.isEmpty() && now - started > CLUSTER_GUESS.toNanos()) {
                out.println("pulse: " + jobName + " job submitted; its sources run on the cluster: the metric "
                        + "mqtt.subscribedSessions of each source shows when they receive");
                return true;
            }
            Optional<String> failure = MqttSubscriptions.lastFailure();
            if (deadline != null && !status.isEmpty() && now - started > deadline.toNanos()) {
                out.println("pulse: " + jobName + " job gives up: its MQTT sessions did not subscribe within "
                        + seconds(deadline) + " (" + Option.MQTT_START_TIMEOUT.flag() + ")"
                        + failure.map(f -> "; last failure: " + f).orElse("; the broker did not answer"));
                return false;
            }
            if (failure.isPresent() && !failure.get().equals(said)) {
                said = failure.get();
                out.println("pulse: " + jobName + " job cannot subscribe yet: " + said + "; retrying"
                        + (deadline == null ? "" : ", for at most " + seconds(deadline) + " (" + Option.MQTT_START_TIMEOUT.flag() + ")"));
                nextReport = now + REPORT_EVERY.toNanos();
            } else if (now >= nextReport) {
                out.println("pulse: " + jobName + " job waits for its MQTT sessions to subscribe (subscribed/expected "
                        + (status.isEmpty() ? "{sources starting}" : status) + "); nothing is received before");
                nextReport = now + REPORT_EVERY.toNanos();
            }
            Thread.sleep(100);
        }
        out.println("pulse: " + jobName + " job subscribed, receiving " + MqttSubscriptions.status());
        return true;
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static boolean ended(JobClient job) {
        try {
            return job.getJobStatus().get(5, TimeUnit.SECONDS).isTerminalState();
        } catch (Exception e) {
            return true;
        }
    }
}
