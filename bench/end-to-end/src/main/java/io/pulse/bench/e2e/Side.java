package io.pulse.bench.e2e;

/** What receives a scenario's messages: a Pulse job, or a baseline. */
interface Side {

    /** Short name, e.g. {@code telemetry}, {@code plain}. */
    String key();

    /** What the report calls it. */
    String label();

    /** The messages it gets. */
    Workload workload();

    /** Whether messages that only move event time on follow the last one (the jobs: yes). */
    boolean flushes();

    /** Starts it for scenario {@code tag} and returns once it receives; then how to count what it stored. */
    Stores.Store start(Servers servers, String tag) throws Exception;

    /** After the scenario, before {@link #stop}: checks beyond the count (rejected rows, visits, duplicates). */
    String checks(Servers servers, String tag, int messages) throws Exception;

    void stop();
}
