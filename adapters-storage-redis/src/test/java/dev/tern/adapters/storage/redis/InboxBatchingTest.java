package dev.tern.adapters.storage.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.port.cluster.ForwardedMessage;
import dev.tern.testkit.cluster.RecordingReceiver;
import dev.tern.testkit.cluster.RecordingReceiver.Received;
import dev.tern.testkit.storage.ContractSamples;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Appends to an inbox and settles of its entries go many to a command ({@link Coalescer}): the
 * bound still refuses entry by entry, order is kept, and every settle in a group deletes its entry.
 */
class InboxBatchingTest {

    private static final int BURST = 200;

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private final RedisClusterNodes nodes = RedisClusterNodes.on(REDIS);

    @AfterEach
    void leave() {
        nodes.close();
    }

    private static ForwardedMessage message(String id) {
        return new ForwardedMessage(id, ContractSamples.plainMessage("t", id), true, Set.of());
    }

    private static List<CompletableFuture<Void>> burst(RedisForwarding from, String prefix, int count) {
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sends.add(from.sendDurably("b", message(prefix + i)).toCompletableFuture());
        }
        return sends;
    }

    private static long succeeded(List<CompletableFuture<Void>> sends) {
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).exceptionally(failure -> null).join();
        return sends.stream().filter(send -> !send.isCompletedExceptionally()).count();
    }

    @Test
    void aBurstBeyondTheBoundIsRefusedEntryByEntryAfterTheBoundAndArrivesInOrder() throws Exception {
        RedisForwarding a = nodes.forwarding("a", Clock.systemUTC(), BURST / 2);
        RedisForwarding b = nodes.forwarding("b", Clock.systemUTC(), BURST / 2);
        RecordingReceiver onB = RecordingReceiver.holding();
        b.receive(onB);

        List<CompletableFuture<Void>> sends = burst(a, "a:", BURST);

        assertThat(succeeded(sends)).isEqualTo(BURST / 2);
        assertThat(sends.subList(0, BURST / 2)).noneMatch(CompletableFuture::isCompletedExceptionally);
        assertThat(sends.subList(BURST / 2, BURST)).allMatch(CompletableFuture::isCompletedExceptionally);
        for (int i = 0; i < BURST / 2; i++) {
            assertThat(onB.nextMessage().id()).isEqualTo("a:" + i);
        }
    }

    @Test
    void everyEntryOfABurstOfSettlesIsDeleted() throws Exception {
        RedisForwarding a = nodes.forwarding("a", Clock.systemUTC(), BURST);
        RedisForwarding b = nodes.forwarding("b", Clock.systemUTC(), BURST);
        RecordingReceiver onB = RecordingReceiver.holding();
        b.receive(onB);
        assertThat(succeeded(burst(a, "first:", BURST))).isEqualTo(BURST);
        List<Received> received = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            received.add(onB.nextMessage());
        }

        received.forEach(Received::settle);
        b.close();

        // Closing waited for the settles; the inbox holds BURST entries at most, so a second full
        // burst fits only if every entry of the first was deleted.
        assertThat(succeeded(burst(a, "second:", BURST))).isEqualTo(BURST);
    }
}
