package dev.tern.adapters.storage.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Groups the settles of one inbox into as few round trips as the traffic allows: at most one
 * settle command is in flight, and every id asked for meanwhile goes in the next one (up to
 * {@code maxBatch} ids each). A settle command per entry cost a round trip and a pool connection
 * per message on the receiving node, which then fell behind the sending node's pipelined appends;
 * with nothing in flight an id is sent at once, so a lone message is not delayed.
 *
 * <p>A command that fails fails the settles in it: those entries stay unsettled and are handed
 * over again (reclaim, restart), and the receiver drops them by id. The next command is sent
 * whatever the outcome.
 *
 * <p>Threading: thread-safe; {@link #settle} never blocks. Futures complete on the thread that
 * completes the command's stage (Redisson's).
 *
 * @param <I> the entry id
 */
final class InboxSettler<I> {

    private record Queued<I>(I id, CompletableFuture<Void> done) {
    }

    private final Function<List<I>, CompletionStage<?>> settleMany;
    private final int maxBatch;
    private List<Queued<I>> waiting = new ArrayList<>();
    private boolean sending;

    /**
     * @param settleMany acknowledges and deletes the given entries, asynchronously
     * @param maxBatch   the most ids in one command
     */
    InboxSettler(Function<List<I>, CompletionStage<?>> settleMany, int maxBatch) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be positive: " + maxBatch);
        }
        this.settleMany = settleMany;
        this.maxBatch = maxBatch;
    }

    /** Completes once the command holding {@code id} has been applied, exceptionally if it failed. */
    CompletableFuture<Void> settle(I id) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        boolean start;
        synchronized (this) {
            waiting.add(new Queued<>(id, done));
            start = !sending;
            sending = true;
        }
        if (start) {
            sendNext();
        }
        return done;
    }

    private void sendNext() {
        List<Queued<I>> next;
        synchronized (this) {
            if (waiting.isEmpty()) {
                sending = false;
                return;
            }
            if (waiting.size() <= maxBatch) {
                next = waiting;
                waiting = new ArrayList<>();
            } else {
                next = new ArrayList<>(waiting.subList(0, maxBatch));
                waiting = new ArrayList<>(waiting.subList(maxBatch, waiting.size()));
            }
        }
        List<I> ids = new ArrayList<>(next.size());
        next.forEach(queued -> ids.add(queued.id()));
        CompletionStage<?> command;
        try {
            command = settleMany.apply(ids);
        } catch (RuntimeException e) {
            next.forEach(queued -> queued.done().completeExceptionally(e));
            sendNext();
            return;
        }
        command.whenComplete((result, failure) -> {
            sendNext();
            for (Queued<I> queued : next) {
                if (failure != null) {
                    queued.done().completeExceptionally(failure);
                } else {
                    queued.done().complete(null);
                }
            }
        });
    }
}
