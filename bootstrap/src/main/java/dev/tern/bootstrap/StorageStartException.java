package dev.tern.bootstrap;

/** The configured storage could not be opened; the message says why and what the operator can do. */
public final class StorageStartException extends RuntimeException {

    public StorageStartException(String message) {
        super(message);
    }

    public StorageStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
