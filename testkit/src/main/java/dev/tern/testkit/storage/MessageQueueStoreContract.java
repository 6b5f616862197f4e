package dev.tern.testkit.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.port.out.MessageQueueStore;
import dev.tern.application.port.out.StoredDelivery;
import dev.tern.domain.delivery.Delivery;
import dev.tern.domain.message.ApplicationMessage;
import dev.tern.domain.message.Qos;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * What every {@link MessageQueueStore} must do. Extend it once per implementation (see
 * {@link StoreContract} for the hooks); round trips read back through {@link #reopened()}.
 */
public abstract class MessageQueueStoreContract extends StoreContract<MessageQueueStore> {

    private static StoredDelivery queued(long sequence) {
        return new StoredDelivery(sequence, ContractSamples.plainDelivery("q/" + sequence, "m" + sequence));
    }

    /** A client with nothing queued has an empty queue. */
    @Test
    void loadsAnEmptyQueueOfAnUnknownClient() {
        assertThat(store().load("nobody")).isEmpty();
    }

    /**
     * A delivery survives exactly: its subscription identifiers in order, and its message with
     * every byte, property and the expiry deadline.
     */
    @Test
    void keepsEveryFieldOfAQueuedDelivery() {
        StoredDelivery full = new StoredDelivery(1, ContractSamples.fullDelivery("sensors/1"));
        StoredDelivery sparse =
                new StoredDelivery(2, new Delivery(ContractSamples.sparseMessage("sensors/2"), List.of(3)));

        store().append("client-1", full);
        store().append("client-1", sparse);

        // Record equality reaches every field: payload and correlation bytes, user property order.
        assertThat(reopened().load("client-1")).containsExactly(full, sparse);
    }

    /** A zero-length message without subscription identifiers is still a delivery. */
    @Test
    void keepsADeliveryWithAnEmptyPayload() {
        StoredDelivery empty = new StoredDelivery(1, Delivery.of(
                ApplicationMessage.of("sensors/1", new byte[0], Qos.AT_LEAST_ONCE, true)));

        store().append("client-1", empty);

        assertThat(reopened().load("client-1")).containsExactly(empty);
    }

    /** The queue loads in sequence order, with gaps and numbers beyond the range of an int. */
    @Test
    void loadsTheQueueInSequenceOrder() {
        List<StoredDelivery> appended = List.of(queued(0), queued(1), queued(10), queued(3_000_000_000L),
                queued(Long.MAX_VALUE));
        appended.forEach(delivery -> store().append("client-1", delivery));

        assertThat(reopened().load("client-1")).containsExactlyElementsOf(appended);
    }

    /** Removing one delivery keeps the rest in order. */
    @Test
    void removesOneDeliveryKeepingTheOrderOfTheRest() {
        for (long sequence = 1; sequence <= 4; sequence++) {
            store().append("client-1", queued(sequence));
        }

        store().remove("client-1", 2);
        store().remove("client-1", 4);

        assertThat(reopened().load("client-1")).containsExactly(queued(1), queued(3));
    }

    /** Removing is idempotent: an unknown sequence, an unknown client or a second remove change nothing. */
    @Test
    void removingAnUnknownDeliveryDoesNothing() {
        store().append("client-1", queued(1));
        store().append("client-1", queued(2));

        store().remove("client-1", 99);
        store().remove("nobody", 1);
        store().remove("client-1", 2);
        store().remove("client-1", 2);

        assertThat(reopened().load("client-1")).containsExactly(queued(1));
    }

    /** Queues of different clients are separate, their sequences interleaved as one counter hands them out. */
    @Test
    void keepsTheQueuesOfClientsApart() {
        StoredDelivery other = new StoredDelivery(2, ContractSamples.fullDelivery("other/2"));
        store().append("client-1", queued(1));
        store().append("client-2", other);
        store().append("client-1", queued(3));

        store().remove("client-1", 1);

        MessageQueueStore reopened = reopened();
        assertThat(reopened.load("client-1")).containsExactly(queued(3));
        assertThat(reopened.load("client-2")).containsExactly(other);
        assertThat(reopened.load("Client-1")).isEmpty();
    }

    /** loadAll gives each asked client's queue in sequence order, as load would. */
    @Test
    void loadsTheQueuesOfManyClientsAtOnceEachInItsOrder() {
        store().append("client-1", queued(1));
        store().append("client-2", queued(2));
        store().append("client-1", queued(3));
        store().append("client-3", queued(4));
        store().append("client-2", queued(3_000_000_000L));
        store().append("client-1", queued(Long.MAX_VALUE));
        store().remove("client-1", 3);

        Map<String, List<StoredDelivery>> queues = reopened().loadAll(List.of("client-1", "client-2"));

        assertThat(queues).containsOnlyKeys("client-1", "client-2");
        assertThat(queues.get("client-1")).containsExactly(queued(1), queued(Long.MAX_VALUE));
        assertThat(queues.get("client-2")).containsExactly(queued(2), queued(3_000_000_000L));
    }

    /** A client with nothing queued, never or any longer, is absent from loadAll's answer. */
    @Test
    void leavesClientsWithNothingQueuedOutOfLoadAll() {
        store().append("client-1", queued(1));
        store().append("client-2", queued(2));
        store().remove("client-2", 2);

        Map<String, List<StoredDelivery>> queues = reopened().loadAll(List.of("client-1", "client-2", "nobody"));

        assertThat(queues).containsOnlyKeys("client-1");
        assertThat(reopened().loadAll(List.of())).isEmpty();
    }

    /** load hands out a list the caller cannot change the store with. */
    @Test
    void loadsIntoAListThatCannotChangeTheStore() {
        store().append("client-1", queued(1));

        tryToClear(store().load("client-1"));

        assertThat(store().load("client-1")).containsExactly(queued(1));
    }

    /**
     * Threads appending to their own queue and to one shared queue, every sequence drawn from one
     * counter (so appends may reach the store out of order), then removing every odd one: nothing
     * is lost, nothing removed comes back, and every queue loads in sequence order.
     */
    @Test
    void staysConsistentUnderConcurrentWriters() throws Exception {
        int rounds = 200;
        AtomicLong counter = new AtomicLong();
        Map<String, List<Long>> kept = new ConcurrentHashMap<>();

        Concurrently.run(thread -> {
            String own = "own-" + thread;
            List<Long> ownSequences = new ArrayList<>();
            List<Long> sharedSequences = new ArrayList<>();
            for (long i = 0; i < rounds; i++) {
                long ownSequence = counter.incrementAndGet();
                store().append(own, queued(ownSequence));
                ownSequences.add(ownSequence);
                long sharedSequence = counter.incrementAndGet();
                store().append("shared", queued(sharedSequence));
                sharedSequences.add(sharedSequence);
            }
            for (int i = 0; i < rounds; i++) {
                if (i % 2 == 1) {
                    store().remove(own, ownSequences.get(i));
                    store().remove("shared", sharedSequences.get(i));
                }
            }
            kept.put(own, everyOther(ownSequences));
            kept.put("shared-" + thread, everyOther(sharedSequences));
        });

        MessageQueueStore reopened = reopened();
        List<Long> expectedShared = new ArrayList<>();
        for (int t = 0; t < Concurrently.THREADS; t++) {
            assertThat(reopened.load("own-" + t)).containsExactlyElementsOf(queuedAll(kept.get("own-" + t)));
            expectedShared.addAll(kept.get("shared-" + t));
        }
        expectedShared.sort(null);
        assertThat(reopened.load("shared")).containsExactlyElementsOf(queuedAll(expectedShared));
    }

    private static List<Long> everyOther(List<Long> sequences) {
        List<Long> even = new ArrayList<>();
        for (int i = 0; i < sequences.size(); i += 2) {
            even.add(sequences.get(i));
        }
        return even;
    }

    private static List<StoredDelivery> queuedAll(List<Long> sequences) {
        return sequences.stream().map(MessageQueueStoreContract::queued).toList();
    }
}
