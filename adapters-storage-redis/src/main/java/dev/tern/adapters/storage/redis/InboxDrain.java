package dev.tern.adapters.storage.redis;

import dev.tern.application.port.cluster.ForwardReceiver;
import dev.tern.application.port.cluster.ForwardedMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.redisson.api.stream.StreamMessageId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands every entry of a departed node's inbox to the adopter's receiver, read or not (the inbox
 * holds only unsettled ones), each with a {@code settled} that deletes it; waits until all are
 * settled, reads again for entries sent meanwhile (other nodes may still route to the departed
 * node until its routes are gone), and deletes the inbox once it is empty. An entry is deleted
 * only when settled, so if the adopter dies during the drain, the rest stays for whoever drains
 * next or for the node itself if it comes back under the same id. If the receiver does not settle
 * within the wait, the inbox is left as it is and a warning says so.
 *
 * <p>Threading: {@link #run} blocks the calling (cluster) thread; one drain per object.
 */
final class InboxDrain {

    private static final Logger LOG = LoggerFactory.getLogger(InboxDrain.class);
    private static final int PAGE = 256;

    private final Inbox inbox;
    private final ForwardReceiver receiver;
    private final Clock clock;
    private final Duration settleWait;

    InboxDrain(Inbox inbox, ForwardReceiver receiver, Clock clock, Duration settleWait) {
        this.inbox = inbox;
        this.receiver = receiver;
        this.clock = clock;
        this.settleWait = settleWait;
    }

    void run() {
        StreamMessageId from = StreamMessageId.MIN;
        while (true) {
            List<CompletableFuture<Object>> settles = new ArrayList<>();
            Map<StreamMessageId, Map<String, byte[]>> page = inbox.range(from, PAGE);
            while (!page.isEmpty()) {
                for (Map.Entry<StreamMessageId, Map<String, byte[]>> entry : page.entrySet()) {
                    handOver(entry.getKey(), entry.getValue(), settles);
                    from = after(entry.getKey());
                }
                page = inbox.range(from, PAGE);
            }
            if (settles.isEmpty()) {
                inbox.deleteIfEmpty();
                return;
            }
            if (!awaitSettled(settles)) {
                LOG.warn("Messages of the departed inbox {} were not settled within {}; leaving it in place",
                        inbox.key(), settleWait);
                return;
            }
        }
    }

    private void handOver(StreamMessageId id, Map<String, byte[]> fields, List<CompletableFuture<Object>> settles) {
        ForwardedMessage message;
        try {
            message = ForwardFormat.forwarded(fields == null ? null : fields.get(Inbox.FIELD), inbox.key() + " " + id,
                    clock);
        } catch (RuntimeException e) {
            LOG.warn("Dropping unreadable entry {} of {}: {}", id, inbox.key(), e.getMessage());
            settles.add(inbox.settle(id));
            return;
        }
        CompletableFuture<Object> settled = new CompletableFuture<>();
        settles.add(settled);
        receiver.message(message, () -> inbox.settle(id).whenComplete((deleted, failure) -> {
            if (failure != null) {
                settled.completeExceptionally(failure);
            } else {
                settled.complete(deleted);
            }
        }));
    }

    private boolean awaitSettled(List<CompletableFuture<Object>> settles) {
        try {
            CompletableFuture.allOf(settles.toArray(CompletableFuture[]::new))
                    .get(settleWait.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    private static StreamMessageId after(StreamMessageId id) {
        return new StreamMessageId(id.getId0(), id.getId1() + 1);
    }
}
