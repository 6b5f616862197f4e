package dev.tern.adapters.storage.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.redisson.api.BatchOptions;
import org.redisson.api.BatchResult;
import org.redisson.api.RBatch;
import org.redisson.api.RFuture;
import org.redisson.api.RedissonClient;

/**
 * Sends commands to one destination (one node's inbox and channel, which share a slot) in the
 * order they were submitted, without blocking the submitter. Redisson sends separate async
 * commands over a pool of connections, where two of them may overtake each other; here at most
 * one pipeline (an {@link RBatch}, sent on one connection in order) is in flight, and what is
 * submitted meanwhile waits and goes in the next one (a {@link Coalescer} of pipelines). Under
 * load that also groups many commands into one round trip.
 *
 * <p>A batch that fails (Redis unreachable, a timeout) fails every command in it; Redisson may
 * have retried it first, so a command can have been applied twice (a receiver drops a message it
 * sees twice by its id). While Redis is unreachable at most {@value #MAX_WAITING} commands wait;
 * beyond that a submission fails at once, so memory stays bounded.
 *
 * <p>Threading: thread-safe; {@link #send} never blocks. Results complete on Redisson's threads.
 */
final class OrderedSender {

    static final int MAX_WAITING = 100_000;
    static final int MAX_BATCH = 512;

    /** One command, added to the batch it goes in; returns its reply. */
    interface Command extends Function<RBatch, RFuture<?>> {
    }

    private final Coalescer<Command, Object> batches;

    OrderedSender(RedissonClient redisson) {
        this.batches = new Coalescer<>(commands -> {
            RBatch batch = redisson.createBatch(BatchOptions.defaults());
            commands.forEach(command -> command.apply(batch));
            return batch.executeAsync().thenApply(OrderedSender::replies);
        }, MAX_BATCH, MAX_WAITING);
    }

    /** Completes with the command's reply, or exceptionally if it could not be sent. */
    CompletableFuture<Object> send(Command command) {
        return batches.submit(command);
    }

    private static List<Object> replies(BatchResult<?> result) {
        return new ArrayList<>(result.getResponses());
    }
}
