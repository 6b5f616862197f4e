package dev.tern.adapters.storage.redis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Write commands encoded as the keys and arguments of one Lua script that runs them in order
 * ({@link #APPLY_FUNCTION}): a group commit's writes of one hash slot ({@link ScriptedWrites}), or
 * one client's fenced writes ({@link FencedScript}). One script instead of a MULTI/EXEC of one
 * command per write: the client encodes, sends and completes one command, where Redisson's
 * per-command bookkeeping (a future, a batch entry, codec look-ups each) was most of a group
 * commit's cost.
 *
 * <p>Encoding: after the caller's leading keys and arguments, per command its name, its key count,
 * its argument count, the indexes of its keys in KEYS, and its arguments.
 *
 * <p>Threading: confined to the thread that builds it.
 */
final class CommandScript {

    /** The pseudo command for an {@link OrderedHash} put (keys: hash, order; args: field, value). */
    static final String ORDERED_PUT = "ORDERED_PUT";

    /** Lua: {@code apply(first)} runs the commands encoded from {@code ARGV[first]} on. */
    static final String APPLY_FUNCTION = OrderedHash.PUT_FUNCTION + """
            local function apply(first)
              local i = first
              while i <= #ARGV do
                local name = ARGV[i]
                local keyCount = tonumber(ARGV[i + 1])
                local argCount = tonumber(ARGV[i + 2])
                i = i + 3
                local command = {}
                for k = 1, keyCount do
                  command[k] = KEYS[tonumber(ARGV[i])]
                  i = i + 1
                end
                for a = 1, argCount do
                  command[keyCount + a] = ARGV[i]
                  i = i + 1
                end
                if name == 'ORDERED_PUT' then
                  ordered_put(command[1], command[2], command[3], command[4])
                else
                  redis.call(name, unpack(command))
                end
              end
            end
            """;

    /** Small decimal numbers (counts, key indexes) as the bytes sent, made once. */
    private static final byte[][] NUMBERS = new byte[256][];

    static {
        for (int i = 0; i < NUMBERS.length; i++) {
            NUMBERS[i] = text(Integer.toString(i));
        }
    }

    private final Map<String, Integer> keyIndexes = new LinkedHashMap<>();
    private final List<Object> args = new ArrayList<>();
    private final int leadingArgs;

    /** @param leadingKeys KEYS[1..] before the commands' keys; {@code leadingArgs} likewise for ARGV */
    CommandScript(List<String> leadingKeys, List<byte[]> leadingArgs) {
        leadingKeys.forEach(key -> keyIndexes.put(key, keyIndexes.size() + 1));
        args.addAll(leadingArgs);
        this.leadingArgs = leadingArgs.size();
    }

    /** Appends one command on {@code keys} with {@code arguments} after them. */
    void add(String name, List<String> keys, byte[]... arguments) {
        args.add(text(name));
        args.add(number(keys.size()));
        args.add(number(arguments.length));
        for (String key : keys) {
            Integer index = keyIndexes.get(key);
            if (index == null) {
                index = keyIndexes.size() + 1;
                keyIndexes.put(key, index);
            }
            args.add(number(index));
        }
        for (byte[] argument : arguments) {
            args.add(argument);
        }
    }

    void addAll(List<WriteOp> ops) {
        for (WriteOp op : ops) {
            op.into(this);
        }
    }

    /** Whether no command was added. */
    boolean isEmpty() {
        return args.size() == leadingArgs;
    }

    /** KEYS of the script. */
    List<Object> keys() {
        return new ArrayList<>(keyIndexes.keySet());
    }

    /** ARGV of the script. */
    Object[] args() {
        return args.toArray();
    }

    static byte[] text(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] number(int value) {
        return value < NUMBERS.length ? NUMBERS[value] : text(Integer.toString(value));
    }
}
