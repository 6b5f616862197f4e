package dev.tern.application.port.plugin;

/** A storage backend could not be opened; the message says why, for the operator. */
public class StorageOpenException extends RuntimeException {

    public StorageOpenException(String message, Throwable cause) {
        super(message, cause);
    }

    public StorageOpenException(String message) {
        super(message);
    }
}
