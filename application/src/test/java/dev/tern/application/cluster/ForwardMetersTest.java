package dev.tern.application.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.cluster.memory.InMemoryCluster;
import dev.tern.application.port.cluster.ClusterJoin;
import dev.tern.application.port.cluster.MessageForwarding;
import dev.tern.application.service.RemoteTargets;
import dev.tern.application.testing.RecordingRegistry;
import dev.tern.domain.message.ApplicationMessage;
import dev.tern.domain.message.MessageProperties;
import dev.tern.domain.message.Payload;
import dev.tern.domain.message.Qos;
import dev.tern.domain.topic.TopicName;
import java.time.Clock;
import dev.tern.application.routing.SubscriptionIndex;
import dev.tern.application.testing.ManualClock;
import dev.tern.application.testing.ManualExecutor;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The forwarding counters: one per message and destination node, and one per failed send. */
class ForwardMetersTest {

    private final RecordingRegistry registry = new RecordingRegistry();
    private final RemoteRoutes routes = new RemoteRoutes("a");

    @Test
    void countsEachForwardByHowItWasSent() {
        MessageForwarding forwarding = new InMemoryCluster(Clock.systemUTC())
                .join(new ClusterJoin("a", Duration.ofSeconds(10))).forwarding();
        ClusterForwarder forwarder = forwarderOver(forwarding);
        routes.added("b", "t");
        routes.added("c", "t");

        forward(forwarder, Qos.AT_MOST_ONCE);
        forward(forwarder, Qos.AT_LEAST_ONCE);

        assertThat(registry.counters.get("tern_cluster_forwardeddelivery,at_most_once")).hasValue(2);
        assertThat(registry.counters.get("tern_cluster_forwardeddelivery,durable")).hasValue(2);
        assertThat(registry.counters.get("tern_cluster_forward_failures")).hasValue(0);
    }

    @Test
    void countsADurableSendTheBackendRefused() {
        ClusterForwarder forwarder = forwarderOver(
                new ScriptedForwarding(CompletableFuture.failedFuture(new IllegalStateException("inbox full"))));
        routes.added("b", "t");

        forward(forwarder, Qos.EXACTLY_ONCE);

        assertThat(registry.counters.get("tern_cluster_forward_failures")).hasValue(1);
        assertThat(registry.counters.get("tern_cluster_forwardeddelivery,durable")).hasValue(0);
    }

    private ClusterForwarder forwarderOver(MessageForwarding forwarding) {
        return new ClusterForwarder("a", routes, forwarding, new SeenMessageIds(16), Clock.systemUTC(),
                new ForwardMeters(registry), new HandoverRelay(forwarding, SubscriptionIndex.Listener.NONE,
                        new ManualExecutor(new ManualClock(0)), Duration.ZERO));
    }

    private static void forward(ClusterForwarder forwarder, Qos qos) {
        ApplicationMessage message = new ApplicationMessage(new TopicName("t"), Payload.wrap(new byte[] {1}), qos,
                false, MessageProperties.NONE, "publisher", ApplicationMessage.NEVER);
        RemoteTargets targets = forwarder.match(message, null);
        forwarder.forward(message, targets, null);
    }
}
