package dev.tern.adapters.storage.redis;

import java.util.ArrayDeque;
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
 * submitted meanwhile waits and goes in the next one. Under load that also groups many commands
 * into one round trip.
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

    private record Queued(Command command, CompletableFuture<Object> reply) {
    }

    private final RedissonClient redisson;
    private final ArrayDeque<Queued> waiting = new ArrayDeque<>();
    private boolean sending;

    OrderedSender(RedissonClient redisson) {
        this.redisson = redisson;
    }

    /** Completes with the command's reply, or exceptionally if it could not be sent. */
    CompletableFuture<Object> send(Command command) {
        CompletableFuture<Object> reply = new CompletableFuture<>();
        boolean start;
        synchronized (this) {
            if (waiting.size() >= MAX_WAITING) {
                reply.completeExceptionally(new IllegalStateException(
                        MAX_WAITING + " commands already wait for Redis; refusing more"));
                return reply;
            }
            waiting.add(new Queued(command, reply));
            start = !sending;
            sending = true;
        }
        if (start) {
            sendNext();
        }
        return reply;
    }

    private void sendNext() {
        List<Queued> next = new ArrayList<>();
        synchronized (this) {
            while (next.size() < MAX_BATCH && !waiting.isEmpty()) {
                next.add(waiting.poll());
            }
            if (next.isEmpty()) {
                sending = false;
                return;
            }
        }
        RBatch batch = redisson.createBatch(BatchOptions.defaults());
        try {
            next.forEach(queued -> queued.command().apply(batch));
        } catch (RuntimeException e) {
            next.forEach(queued -> queued.reply().completeExceptionally(e));
            sendNext();
            return;
        }
        batch.executeAsync().whenComplete((result, failure) -> {
            sendNext();
            complete(next, result, failure);
        });
    }

    private static void complete(List<Queued> sent, BatchResult<?> result, Throwable failure) {
        for (int i = 0; i < sent.size(); i++) {
            CompletableFuture<Object> reply = sent.get(i).reply();
            if (failure != null) {
                reply.completeExceptionally(failure);
            } else {
                reply.complete(result.getResponses().get(i));
            }
        }
    }
}
