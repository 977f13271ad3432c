package io.pulse.jobs.ingest;

/** Thrown by parsers to refuse an input; the message is the reason stored in rejected_messages. */
public final class Rejection extends Exception {

    public Rejection(String reason) {
        super(reason, null, false, false); // a reason, not a failure: no stack trace
    }
}
