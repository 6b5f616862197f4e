package dev.tern.adapters.storage.redis;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The commands of one group commit, encoded as they go onto the wire (RESP arrays of bulk
 * strings), for {@link RespConnection} to send between MULTI and EXEC in one write. No future,
 * no object per command: the whole batch is one byte array and a count.
 *
 * <p>Threading: confined to the thread running the group commit.
 */
final class RespBatch implements CommandSink {

    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] EVAL = text("EVAL");
    private static final byte[] ORDERED_PUT_SCRIPT = text(OrderedHash.PUT);

    private byte[] buffer = new byte[4096];
    private int size;
    private int commands;
    private int controls;

    /** A batch that starts with MULTI: every write added runs in one transaction, ended by {@link #end}. */
    static RespBatch transaction() {
        RespBatch batch = new RespBatch();
        batch.control("MULTI");
        return batch;
    }

    @Override
    public void add(String name, List<String> keys, byte[]... arguments) {
        if (ORDERED_PUT.equals(name)) {
            // The same script OrderedHash runs through Redisson: KEYS hash, order; ARGV field, value.
            header(3 + keys.size() + arguments.length);
            bulk(EVAL);
            bulk(ORDERED_PUT_SCRIPT);
            bulk(text(Integer.toString(keys.size())));
        } else {
            header(1 + keys.size() + arguments.length);
            bulk(text(name));
        }
        for (String key : keys) {
            bulk(text(key));
        }
        for (byte[] argument : arguments) {
            bulk(argument);
        }
        commands++;
    }

    /**
     * Ends the transaction with EXEC, followed by {@code WAIT replicas timeout} when replicas are
     * asked for.
     */
    void end(int replicas, long waitMillis) {
        control("EXEC");
        if (replicas > 0) {
            control("WAIT", Integer.toString(replicas), Long.toString(waitMillis));
        }
    }

    /** Appends a command that is not a write (MULTI, EXEC, AUTH ...). */
    void control(String... words) {
        controls++;
        header(words.length);
        for (String word : words) {
            bulk(text(word));
        }
    }

    /** Commands queued with {@link #control}. */
    int controls() {
        return controls;
    }

    /** Writes queued with {@link #add}. */
    int commands() {
        return commands;
    }

    boolean isEmpty() {
        return commands == 0;
    }

    byte[] buffer() {
        return buffer;
    }

    int size() {
        return size;
    }

    private void header(int elements) {
        ascii('*', elements);
    }

    private void bulk(byte[] bytes) {
        ascii('$', bytes.length);
        put(bytes);
        put(CRLF);
    }

    private void ascii(char type, int number) {
        room(12);
        buffer[size++] = (byte) type;
        put(Integer.toString(number).getBytes(StandardCharsets.US_ASCII));
        put(CRLF);
    }

    private void put(byte[] bytes) {
        room(bytes.length);
        System.arraycopy(bytes, 0, buffer, size, bytes.length);
        size += bytes.length;
    }

    private void room(int bytes) {
        if (size + bytes > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + bytes));
        }
    }

    private static byte[] text(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
