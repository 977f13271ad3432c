package io.pulse.bench.e2e;

/**
 * What receives the messages: a Pulse job, or a baseline. Started once, then it receives a warm-up and
 * one scenario per rate, each under its own tag (device, meter and gate names {@code <tag>-...}), then
 * stopped.
 */
interface Side {

    /** Short name, e.g. {@code telemetry}, {@code plain}. */
    String key();

    /** What the report calls it. */
    String label();

    /** The messages it gets. */
    Workload workload();

    /** Whether messages that only move event time on follow a scenario's last one (the jobs: yes). */
    boolean flushes();

    /** Starts it under the name {@code run} (its database {@code e2e_<run>}) and returns once it receives. */
    void start(Servers servers, String run) throws Exception;

    /** How to count what it stored of scenario {@code tag}. */
    Stores.Store store(Servers servers, String tag);

    /** After a scenario: checks beyond the count (rejected rows, visits, duplicates). */
    String checks(Servers servers, String tag, int messages) throws Exception;

    /** False once its process ended by itself (a crash): the scenario stops waiting. */
    default boolean alive() {
        return true;
    }

    void stop();
}
