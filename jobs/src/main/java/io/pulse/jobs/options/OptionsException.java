package io.pulse.jobs.options;

/**
 * A wrong command line. The message is one line that names the option and never contains a
 * secret; callers print it as {@code pulse: <message>} and exit with code 2, without a stack
 * trace.
 */
public final class OptionsException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public OptionsException(String message) {
        super(message);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this; // a user error, not a bug: no stack trace to print or to keep
    }
}
