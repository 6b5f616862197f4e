package dev.tern.adapters.storage.redis;

import java.time.Duration;
import java.util.Objects;
import org.redisson.api.BatchOptions;
import org.redisson.api.BatchResult;

/**
 * How many replicas must confirm a pipeline of writes (Redis {@code WAIT}, sent after them) before
 * it counts as stored, and how long to wait for them; {@link #NONE} trusts the primary alone and
 * adds no command.
 *
 * @param replicas how many replicas must confirm; 0 for none
 * @param timeout  how long {@code WAIT} waits for them
 */
record ReplicaWait(int replicas, Duration timeout) {

    static final ReplicaWait NONE = new ReplicaWait(0, Duration.ZERO);

    ReplicaWait {
        Objects.requireNonNull(timeout, "timeout");
        if (replicas < 0 || timeout.isNegative()) {
            throw new IllegalArgumentException("replicas and timeout must not be negative: " + replicas + ", " + timeout);
        }
    }

    /** The storage's {@code wait-replicas} and {@code wait-timeout}. */
    static ReplicaWait of(RedisStorageSettings settings) {
        return new ReplicaWait(settings.replicasToWait(), settings.waitTimeout());
    }

    boolean any() {
        return replicas > 0;
    }

    /** {@code options}, made to end each batch with {@code WAIT} when replicas are asked for. */
    BatchOptions appliedTo(BatchOptions options) {
        return any() ? options.sync(replicas, timeout) : options;
    }

    /**
     * Whether the batch's {@code WAIT} counted enough replicas. Redisson reports the count but
     * does not fail the batch when too few confirmed; the primary has applied the writes anyway.
     */
    boolean confirmedBy(BatchResult<?> result) {
        return result.getSyncedSlaves() >= replicas;
    }
}
