package dev.tern.adapters.storage.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Turns many small requests of one kind to one key into few commands: at most
 * {@code maxInFlight} commands are in flight, and every item asked for meanwhile goes in the next
 * one (up to {@code maxBatch} items each). Below that an item is sent at once, so a lone one is
 * not delayed; under load the commands grow instead of their number. With one in flight the
 * commands are applied in the order the items were asked for (the appends to another node's
 * inbox, one script for many entries, and {@link OrderedSender}'s pipelines); order-free requests
 * may have more in flight (the settles of an inbox, one XACK+XDEL script for many ids instead of a
 * script and a pool connection per message, so that a settle does not wait behind another).
 *
 * <p>A command that fails (or cannot be made) fails every item in it; the next command is sent
 * whatever the outcome. At most {@code maxWaiting} items wait (Redis unreachable): beyond that an
 * item fails at once, so memory stays bounded.
 *
 * <p>Threading: thread-safe; {@link #submit} never blocks. Futures complete on the thread that
 * completes the command's stage (Redisson's).
 *
 * @param <I> an item
 * @param <R> the reply for one item
 */
final class Coalescer<I, R> {

    private record Queued<I, R>(I item, CompletableFuture<R> reply) {
    }

    private final Function<List<I>, CompletionStage<List<R>>> command;
    private final int maxBatch;
    private final int maxWaiting;
    private final int maxInFlight;
    private List<Queued<I, R>> waiting = new ArrayList<>();
    private int inFlight;

    /**
     * @param command    sends one command for the items (in order), replying with one reply per item
     * @param maxBatch   the most items in one command
     * @param maxWaiting the most items waiting for a command in flight
     */
    Coalescer(Function<List<I>, CompletionStage<List<R>>> command, int maxBatch, int maxWaiting) {
        this(command, maxBatch, maxWaiting, 1);
    }

    /** @param maxInFlight the most commands in flight at once; above 1 they may be applied in any order */
    Coalescer(Function<List<I>, CompletionStage<List<R>>> command, int maxBatch, int maxWaiting, int maxInFlight) {
        if (maxBatch < 1 || maxWaiting < 1 || maxInFlight < 1) {
            throw new IllegalArgumentException(
                    "limits must be positive: " + maxBatch + ", " + maxWaiting + ", " + maxInFlight);
        }
        this.command = command;
        this.maxBatch = maxBatch;
        this.maxWaiting = maxWaiting;
        this.maxInFlight = maxInFlight;
    }

    /** Completes with the item's reply once its command has been applied, exceptionally if it failed. */
    CompletableFuture<R> submit(I item) {
        CompletableFuture<R> reply = new CompletableFuture<>();
        boolean start;
        synchronized (this) {
            if (waiting.size() >= maxWaiting) {
                reply.completeExceptionally(new IllegalStateException(
                        maxWaiting + " requests already wait for Redis; refusing more"));
                return reply;
            }
            waiting.add(new Queued<>(item, reply));
            start = inFlight < maxInFlight;
            if (start) {
                inFlight++;
            }
        }
        if (start) {
            sendNext();
        }
        return reply;
    }

    private void sendNext() {
        List<Queued<I, R>> next;
        synchronized (this) {
            if (waiting.isEmpty()) {
                inFlight--;
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
        List<I> items = new ArrayList<>(next.size());
        next.forEach(queued -> items.add(queued.item()));
        CompletionStage<List<R>> sent;
        try {
            sent = command.apply(items);
        } catch (RuntimeException e) {
            next.forEach(queued -> queued.reply().completeExceptionally(e));
            sendNext();
            return;
        }
        sent.whenComplete((replies, failure) -> {
            sendNext();
            complete(next, replies, failure);
        });
    }

    private static <I, R> void complete(List<Queued<I, R>> sent, List<R> replies, Throwable failure) {
        for (int i = 0; i < sent.size(); i++) {
            CompletableFuture<R> reply = sent.get(i).reply();
            if (failure != null) {
                reply.completeExceptionally(failure);
            } else if (replies == null || replies.size() != sent.size()) {
                reply.completeExceptionally(new IllegalStateException(
                        "expected " + sent.size() + " replies, got " + (replies == null ? null : replies.size())));
            } else {
                reply.complete(replies.get(i));
            }
        }
    }
}
