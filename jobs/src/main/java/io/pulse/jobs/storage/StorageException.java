package io.pulse.jobs.storage;

/** A storage problem a person can act on; its message is one line that names the database. */
public final class StorageException extends RuntimeException {

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
