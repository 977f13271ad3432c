package io.pulse.launcher.demo;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import sun.misc.Signal;

/**
 * Turns Ctrl-C (SIGINT) and SIGTERM into a request to stop, so that the demo stops its parts in
 * order and exits with 0 instead of being torn down by the JVM's default handler. A second
 * signal while stopping ends the process at once (exit 130).
 */
final class StopSignal {
    private final CompletableFuture<String> requested = new CompletableFuture<>();
    private final PrintStream err;

    private StopSignal(PrintStream err) {
        this.err = err;
    }

    /** Installs the handlers for INT and TERM. */
    static StopSignal install(PrintStream err) {
        StopSignal stop = new StopSignal(err);
        for (String name : List.of("INT", "TERM")) {
            try {
                Signal.handle(new Signal(name), stop::onSignal);
            } catch (IllegalArgumentException unsupported) {
                // this platform has no such signal: the JVM's shutdown hook still runs
            }
        }
        return stop;
    }

    private void onSignal(Signal signal) {
        if (!requested.complete("SIG" + signal.getName())) {
            err.println();
            err.println("pulse: stopping now, without cleaning up");
            Runtime.getRuntime().halt(130);
        }
    }

    /** Completes with the signal's name (e.g. SIGINT) when a stop is requested. */
    CompletableFuture<String> requested() {
        return requested;
    }
}
