package dev.tern.adapters.storage.h2;

/**
 * The H2 database cannot be used: its file is damaged or unreadable, in use by another process,
 * or written by a newer Tern. The message names the file and what the operator can do.
 */
public final class StorageUnavailableException extends RuntimeException {

    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public StorageUnavailableException(String message) {
        super(message);
    }
}
