package dev.tern.adapters.storage.redis;

import java.util.List;

/**
 * Where a {@link WriteOp} goes as a plain command: a client's fenced Lua script
 * ({@link FencedScript}) or a group commit written straight to the server ({@link RespBatch}).
 *
 * <p>Threading: each implementation is confined to the thread that fills it.
 */
interface CommandSink {

    /** The pseudo command for an {@link OrderedHash} put (keys: hash, order; args: field, value). */
    String ORDERED_PUT = "ORDERED_PUT";

    /** Appends one command on {@code keys} with {@code arguments} after them. */
    void add(String name, List<String> keys, byte[]... arguments);
}
