package dev.tern.adapters.storage.redis;

import dev.tern.application.logging.LogThrottle;
import dev.tern.application.port.cluster.ForwardReceiver;
import dev.tern.application.port.cluster.ForwardedMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.redisson.api.stream.AutoClaimResult;
import org.redisson.api.stream.StreamMessageId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loop that reads this node's {@link Inbox} and hands each message to the receiver, with a
 * {@code settled} callback that acknowledges and deletes it. It first re-reads the entries this
 * node was handed before and did not settle (an earlier run that crashed), then blocks for new
 * ones, never pausing between reads: after a full read (more are waiting) the next one is sent
 * before its entries are handed over. After any failure (Redis unreachable, a failover) it waits
 * a moment and starts again with the unsettled ones. And every {@code reclaimAfter} it takes back
 * the entries handed over that long ago and still not settled (XAUTOCLAIM) and hands them over
 * again: an entry whose reply was lost with a broken connection (Redisson may resend the blocked
 * read on a new one), or whose settle never reached Redis, is not left behind until the next
 * restart. Settles are grouped ({@link Coalescer}): with {@value #SETTLES_IN_FLIGHT} commands in
 * flight, the ids settled meanwhile go together in the next. The receiver drops what it gets twice
 * by the message id. When the inbox has gone (an adopter drained
 * it while this node was thought dead) the group is created again.
 *
 * <p>Threading: {@link #run} is the body of one dedicated thread ({@code tern-cluster-receive});
 * {@link #stop} may be called from any thread and ends the loop within one block interval.
 */
final class InboxReader implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(InboxReader.class);
    private static final int BATCH = 256;
    static final Duration BLOCK = Duration.ofSeconds(1);
    private static final Duration RETRY = Duration.ofSeconds(1);
    /**
     * Settles are order-free: a few in flight keep a settle from waiting behind another (each wait
     * lengthens the window in which a crash leaves a stored message unsettled, to come again).
     */
    private static final int SETTLES_IN_FLIGHT = 4;

    private final Inbox inbox;
    private final String consumer;
    private final ForwardReceiver receiver;
    private final Clock clock;
    private final LogThrottle failures;
    private final Duration reclaimAfter;
    private long reclaimDue;
    private final Coalescer<StreamMessageId, Object> settler;
    private final Set<CompletableFuture<Object>> settling = ConcurrentHashMap.newKeySet();
    private volatile boolean running = true;
    /** The read sent before the previous one's entries were handed over; the reading thread's only. */
    private CompletableFuture<Map<StreamMessageId, Map<String, byte[]>>> ahead;

    InboxReader(Inbox inbox, String consumer, ForwardReceiver receiver, Clock clock, Duration reclaimAfter) {
        this.inbox = inbox;
        this.consumer = consumer;
        this.receiver = receiver;
        this.clock = clock;
        this.failures = new LogThrottle(clock, Duration.ofMinutes(1));
        this.reclaimAfter = reclaimAfter;
        this.reclaimDue = clock.millis() + reclaimAfter.toMillis();
        this.settler = new Coalescer<>(
                ids -> inbox.settle(ids).thenApply(deleted -> Collections.nCopies(ids.size(), deleted)),
                Inbox.MAX_SETTLE, OrderedSender.MAX_WAITING, SETTLES_IN_FLIGHT);
    }

    void stop() {
        running = false;
    }

    /**
     * Waits up to {@code limit} for the settles already asked for to reach Redis, so that a node
     * that stops gracefully is not handed again what it settled just before.
     */
    void awaitSettles(Duration limit) {
        try {
            CompletableFuture.allOf(settling.toArray(CompletableFuture[]::new))
                    .get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // A settle that failed or is late leaves the entry to be handed again: the receiver drops it by id.
        }
    }

    @Override
    public void run() {
        boolean groupReady = false;
        boolean pendingRead = false;
        StreamMessageId after = StreamMessageId.ALL;
        while (running) {
            try {
                if (!groupReady) {
                    inbox.ensureGroup();
                    groupReady = true;
                }
                if (!pendingRead) {
                    Map<StreamMessageId, Map<String, byte[]>> pending = inbox.pending(consumer, after, BATCH);
                    if (pending.isEmpty()) {
                        pendingRead = true;
                        after = StreamMessageId.ALL;
                    } else {
                        after = handOver(pending);
                    }
                    continue;
                }
                if (clock.millis() >= reclaimDue) {
                    reclaimStale();
                }
                CompletableFuture<Map<StreamMessageId, Map<String, byte[]>>> read =
                        ahead != null ? ahead : inbox.nextAsync(consumer, BATCH, BLOCK);
                ahead = null;
                Map<StreamMessageId, Map<String, byte[]>> entries = await(read);
                // A full read means more are waiting: the next read goes out before these are handed
                // over, so that its round trip overlaps their delivery instead of following it. After
                // a partial one it goes out after them, off the path of the few just read.
                if (running && entries.size() >= BATCH) {
                    ahead = inbox.nextAsync(consumer, BATCH, BLOCK);
                }
                handOver(entries);
            } catch (RuntimeException e) {
                // A read dropped here leaves its entries pending for this node: once it is over, the
                // re-read of the pending ones hands them over.
                quietlyAwait(ahead);
                ahead = null;
                if (!running) {
                    return;
                }
                groupReady = groupReady && !Inbox.groupMissing(e);
                pendingRead = false;
                after = StreamMessageId.ALL;
                logFailure(e);
                pause();
            }
        }
        if (ahead != null) {
            // Stopping: what the last read got is handed over, as when the read was not ahead.
            try {
                handOver(await(ahead));
            } catch (RuntimeException e) {
                // Left pending for this node's next run or its adopter.
            }
        }
    }

    private static void quietlyAwait(CompletableFuture<?> read) {
        if (read == null) {
            return;
        }
        try {
            read.get(BLOCK.multipliedBy(3).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Failed or late: what it got, if anything, is pending and comes with the next reclaim.
        }
    }

    private static <T> T await(CompletableFuture<T> read) {
        try {
            return read.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private void reclaimStale() {
        StreamMessageId from = StreamMessageId.ALL;
        do {
            AutoClaimResult<String, byte[]> claimed = inbox.reclaim(consumer, reclaimAfter, from, BATCH);
            handOver(claimed.getMessages());
            from = claimed.getNextId();
        } while (from != null && (from.getId0() != 0 || from.getId1() != 0));
        reclaimDue = clock.millis() + reclaimAfter.toMillis();
    }

    /** Hands over every entry; returns the last id. */
    private StreamMessageId handOver(Map<StreamMessageId, Map<String, byte[]>> entries) {
        StreamMessageId last = StreamMessageId.ALL;
        for (Map.Entry<StreamMessageId, Map<String, byte[]>> entry : entries.entrySet()) {
            last = entry.getKey();
            StreamMessageId id = entry.getKey();
            byte[] value = entry.getValue() == null ? null : entry.getValue().get(Inbox.FIELD);
            ForwardedMessage message;
            try {
                message = ForwardFormat.forwarded(value, inbox.key() + " " + id, clock);
            } catch (RuntimeException e) {
                // Unreadable (or deleted under us): it can never be delivered, so it must not block the inbox.
                LOG.warn("Dropping unreadable entry {} of {}: {}", id, inbox.key(), e.getMessage());
                settle(id);
                continue;
            }
            try {
                receiver.message(message, () -> settle(id));
            } catch (RuntimeException e) {
                // The receiver's fault, not Redis's: the entry stays unsettled and is reclaimed later.
                LOG.error("The receiver failed on {} of {}", id, inbox.key(), e);
            }
        }
        return last;
    }

    private void settle(StreamMessageId id) {
        CompletableFuture<Object> settle = settler.submit(id);
        settling.add(settle);
        settle.whenComplete((deleted, failure) -> settling.remove(settle));
    }

    private void logFailure(RuntimeException e) {
        LogThrottle.Admitted admitted = failures.admit();
        if (admitted != null) {
            LOG.warn("Reading the cluster inbox {} failed ({} more since {}); retrying: {}", inbox.key(),
                    admitted.count(), admitted.since(), e.toString());
        }
    }

    private void pause() {
        try {
            Thread.sleep(RETRY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
