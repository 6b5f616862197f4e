package dev.tern.adapters.storage.redis;

/**
 * Redis could not be reached, or did not answer or confirm a command in time. The message names
 * the Redis url without its password. A {@link FencedWriteException} is the one kind that says
 * the write was refused by session ownership rather than lost on the way.
 */
public sealed class StorageUnavailableException extends RuntimeException permits FencedWriteException {

    StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
