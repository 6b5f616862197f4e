package dev.tern.adapters.storage.redis;

/**
 * Redis could not be reached, or did not answer or confirm a command in time. The message names
 * the Redis url without its password.
 */
public final class StorageUnavailableException extends RuntimeException {

    StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
