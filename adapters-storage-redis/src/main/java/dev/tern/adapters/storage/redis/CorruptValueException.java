package dev.tern.adapters.storage.redis;

/**
 * A stored value that does not follow its layout: written by something else, or by a newer Tern.
 * Names the key so that an operator can inspect it with {@code redis-cli}.
 */
final class CorruptValueException extends IllegalStateException {

    CorruptValueException(String key, String problem) {
        super("Unreadable value at Redis key " + key + ": " + problem);
    }
}
