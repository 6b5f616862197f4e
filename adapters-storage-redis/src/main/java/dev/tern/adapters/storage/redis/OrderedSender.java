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
 * <p>Replicated commands ({@link #sendReplicated}) complete only once the replicas of
 * {@link ReplicaWait} confirmed them: a pipeline holding one ends with {@code WAIT}, so that a
 * failover cannot lose what was reported sent. A pipeline of plain commands only (pub/sub
 * publishes, at most once anyway), or any pipeline when no replica is asked for, has no
 * {@code WAIT} and costs nothing more.
 *
 * <p>A batch that fails (Redis unreachable, a timeout) fails every command in it; Redisson may
 * have retried it first, so a command can have been applied twice (a receiver drops a message it
 * sees twice by its id). While Redis is unreachable at most {@value #MAX_WAITING} commands wait;
 * beyond that a submission fails at once, so memory stays bounded.
 *
 * <p>Threading: thread-safe; {@link #send} and {@link #sendReplicated} never block. Results
 * complete on Redisson's threads.
 */
final class OrderedSender {

    static final int MAX_WAITING = 100_000;
    static final int MAX_BATCH = 512;

    /** One command, added to the batch it goes in; returns its reply. */
    interface Command extends Function<RBatch, RFuture<?>> {

        /** Whether the command counts as sent only once the replicas asked for confirmed it. */
        default boolean replicated() {
            return false;
        }
    }

    /** {@code command}, to be confirmed by the replicas; made per call of {@link #sendReplicated}, not per plain send. */
    private record Replicated(Command command) implements Command {
        @Override
        public RFuture<?> apply(RBatch batch) {
            return command.apply(batch);
        }

        @Override
        public boolean replicated() {
            return true;
        }
    }

    /** The reply of a replicated command the primary applied but too few replicas confirmed in time. */
    private record Unconfirmed(int synced) {
    }

    private final Coalescer<Command, Object> batches;
    private final ReplicaWait wait;

    /** A sender whose commands never wait for replicas. */
    OrderedSender(RedissonClient redisson) {
        this(redisson, ReplicaWait.NONE);
    }

    /** @param wait the replicas that must confirm a {@link #sendReplicated} command */
    OrderedSender(RedissonClient redisson, ReplicaWait wait) {
        this.wait = wait;
        BatchOptions plain = BatchOptions.defaults();
        BatchOptions replicated = wait.appliedTo(BatchOptions.defaults());
        this.batches = new Coalescer<>(commands -> {
            boolean waits = wait.any() && commands.stream().anyMatch(Command::replicated);
            RBatch batch = redisson.createBatch(waits ? replicated : plain);
            commands.forEach(command -> command.apply(batch));
            return batch.executeAsync().thenApply(result -> replies(commands, result, waits));
        }, MAX_BATCH, MAX_WAITING);
    }

    /** Completes with the command's reply, or exceptionally if it could not be sent. */
    CompletableFuture<Object> send(Command command) {
        return batches.submit(command);
    }

    /**
     * Like {@link #send}, completing only once the replicas asked for confirmed the command;
     * exceptionally ({@link StorageUnavailableException}) when too few did in time, although the
     * primary applied it.
     */
    CompletableFuture<Object> sendReplicated(Command command) {
        return batches.submit(new Replicated(command)).thenCompose(reply -> reply instanceof Unconfirmed unconfirmed
                ? CompletableFuture.failedFuture(new StorageUnavailableException("Redis applied a command but"
                        + " only " + unconfirmed.synced() + " of " + wait.replicas() + " replicas confirmed it in time",
                        null))
                : CompletableFuture.completedFuture(reply));
    }

    private List<Object> replies(List<Command> commands, BatchResult<?> result, boolean waited) {
        List<?> responses = result.getResponses();
        if (!waited || wait.confirmedBy(result)) {
            return new ArrayList<>(responses);
        }
        // A size mismatch is left for the Coalescer to report.
        List<Object> replies = new ArrayList<>(responses.size());
        for (int i = 0; i < responses.size(); i++) {
            boolean replicated = i < commands.size() && commands.get(i).replicated();
            replies.add(replicated ? new Unconfirmed(result.getSyncedSlaves()) : responses.get(i));
        }
        return replies;
    }
}
