package dev.tern.adapters.storage.redis;

/**
 * A write of a client's session was refused because this node does not own the client (any
 * more) with the epoch it holds, or holds no epoch for it: another node took the session over, or
 * this node never claimed it. The store write (or the whole group commit that held it) failed,
 * as a failed store write does. The message names the client.
 */
public final class FencedWriteException extends StorageUnavailableException {

    FencedWriteException(String message) {
        super(message, null);
    }
}
