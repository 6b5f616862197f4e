package dev.tern.adapters.storage.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.port.cluster.ForwardedMessage;
import dev.tern.testkit.cluster.RecordingReceiver;
import dev.tern.testkit.cluster.RecordingReceiver.Received;
import dev.tern.testkit.storage.ContractSamples;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A durable message handed over and left unsettled (its settle lost, or its read reply lost with
 * a broken connection) comes again while the node runs, not only after its restart.
 */
class InboxReclaimTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private final RedisClusterNodes nodes = RedisClusterNodes.on(REDIS);

    @AfterEach
    void leave() {
        nodes.close();
    }

    @Test
    void aMessageLeftUnsettledIsHandedOverAgainAndStaysSettledOnceSettled() throws Exception {
        RedisForwarding a = nodes.forwarding("a", Clock.systemUTC(), 10);
        RedisForwarding b = nodes.forwarding("b", Clock.systemUTC(), 10, Duration.ofMillis(200));
        RecordingReceiver onB = RecordingReceiver.holding();
        b.receive(onB);

        a.sendDurably("b", new ForwardedMessage("a:1", ContractSamples.plainMessage("t", "x"), true, Set.of()))
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
        Received first = onB.nextMessage();
        Received again = onB.nextMessage();

        assertThat(again.id()).isEqualTo(first.id()).isEqualTo("a:1");
        again.settle();
        a.sendDurably("b", new ForwardedMessage("a:marker", ContractSamples.plainMessage("t", "m"), true, Set.of()))
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
        Received marker = onB.nextMessage();
        assertThat(marker.id()).isEqualTo("a:marker");
    }
}
