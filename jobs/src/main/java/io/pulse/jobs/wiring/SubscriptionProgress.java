package io.pulse.jobs.wiring;

import io.pulse.connectors.mqtt.source.MqttSubscriptions;

import org.apache.flink.core.execution.JobClient;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Tells the person who started a job when it really receives: "running" is not enough, because a
 * session that has never subscribed does not exist on the broker yet and what is published before
 * is lost. Works where the job's sources run in this JVM (a local run); for a cluster it says
 * where to look instead.
 */
public final class SubscriptionProgress {

    private static final Duration REPORT_EVERY = Duration.ofSeconds(5);
    private static final Duration CLUSTER_GUESS = Duration.ofSeconds(30);

    private SubscriptionProgress() {}

    /** Returns once every MQTT session is subscribed, the job ended, or its sources run elsewhere. */
    public static void await(String jobName, JobClient job, PrintStream out) throws InterruptedException {
        long started = System.nanoTime();
        long nextReport = started + REPORT_EVERY.toNanos();
        for (int polls = 0; !MqttSubscriptions.allSubscribed(); polls++) {
            if (polls % 10 == 9 && ended(job)) {
                return;
            }
            Map<String, String> status = MqttSubscriptions.status();
            long now = System.nanoTime();
            if (status.isEmpty() && now - started > CLUSTER_GUESS.toNanos()) {
                out.println("pulse: " + jobName + " job submitted; its sources run on the cluster: the metric "
                        + "mqtt.subscribedSessions of each source shows when they receive");
                return;
            }
            if (now >= nextReport) {
                out.println("pulse: " + jobName + " job waits for its MQTT sessions to subscribe (subscribed/expected "
                        + (status.isEmpty() ? "{sources starting}" : status) + "); nothing is received before");
                nextReport = now + REPORT_EVERY.toNanos();
            }
            Thread.sleep(100);
        }
        out.println("pulse: " + jobName + " job subscribed, receiving " + MqttSubscriptions.status());
    }

    private static boolean ended(JobClient job) {
        try {
            return job.getJobStatus().get(5, TimeUnit.SECONDS).isTerminalState();
        } catch (Exception e) {
            return true;
        }
    }
}
