package io.pulse.grafana;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * {@code @ExtendWith(PulseData.class)}: the test class reads the stores of the one
 * {@link PulseRun} of this test JVM, started by the first class that needs it and stopped when
 * JUnit ends, so all dashboard tests share a single run of the jobs.
 */
public final class PulseData implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PulseData.class);
    private static volatile PulseRun run;

    /** The shared run (after the extension's beforeAll). */
    public static PulseRun run() {
        if (run == null) {
            throw new IllegalStateException("annotate the test class with @ExtendWith(PulseData.class)");
        }
        return run;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Resource resource = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Resource.class, k -> {
            try {
                return new Resource(PulseRun.start());
            } catch (Exception e) {
                throw new IllegalStateException("the pipeline run for the dashboard tests failed", e);
            }
        }, Resource.class);
        run = resource.run();
    }

    /** Closes the run when the root context (the whole test run) closes. */
    private record Resource(PulseRun run) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            run.close();
        }
    }
}
