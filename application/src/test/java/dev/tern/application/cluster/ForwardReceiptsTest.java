package dev.tern.application.cluster;

import static dev.tern.application.cluster.RoutingNode.payload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.port.cluster.ForwardReceiver;
import dev.tern.application.port.cluster.ForwardedMessage;
import dev.tern.domain.message.ApplicationMessage;
import dev.tern.domain.message.Qos;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Each copy of a forwarded message stored for a persistent session is stored with the message's
 * forward receipt, in the same write; a session loaded with a receipt does not take that message
 * again when its node's unsettled messages come again after a crash.
 */
class ForwardReceiptsTest {

    private final RoutingCluster cluster = new RoutingCluster();
    private final RoutingNode b = cluster.node("b");
    private final AtomicInteger settled = new AtomicInteger();

    private static ForwardedMessage forwarded(String id, Qos qos) {
        return new ForwardedMessage(id, ApplicationMessage.of("t", payload("m " + id).toByteArray(), qos, false),
                true, Set.of());
    }

    @Test
    void aQueuedCopyIsStoredWithItsForwardReceipt() {
        RoutingNode.Client away = b.client().connectPersistent("away", true, 600).subscribe("t", Qos.EXACTLY_ONCE);
        cluster.settle();
        away.drop();
        cluster.settle();

        b.receiver.message(forwarded("a:9", Qos.EXACTLY_ONCE), settled::incrementAndGet);
        b.loop.runPending();
        assertThat(cluster.stores.inflight.loadForwardReceipts("away")).as("not before the copy's write").isEmpty();
        b.storageLoop.runPending();

        assertThat(cluster.stores.queues.loadAll(List.of("away")).get("away")).hasSize(1);
        assertThat(cluster.stores.inflight.loadForwardReceipts("away")).containsExactly("a:9");
    }

    @Test
    void aCopySentAtOnceIsStoredInFlightWithItsForwardReceipt() {
        RoutingNode.Client online = b.client().connectPersistent("online", true, 600).subscribe("t", Qos.AT_LEAST_ONCE);
        cluster.settle();
        online.sent();

        b.receiver.message(forwarded("a:3", Qos.AT_LEAST_ONCE), settled::incrementAndGet);
        cluster.settle();

        assertThat(online.received()).hasSize(1);
        assertThat(cluster.stores.inflight.load("online")).hasSize(1);
        assertThat(cluster.stores.inflight.loadForwardReceipts("online")).containsExactly("a:3");
        assertThat(settled).hasValue(1);
    }

    @Test
    void aCleanSessionsCopyLeavesNoReceipt() {
        RoutingNode.Client clean = b.client().connect("clean").subscribe("t", Qos.EXACTLY_ONCE);
        cluster.settle();
        clean.sent();

        b.receiver.message(forwarded("a:4", Qos.EXACTLY_ONCE), settled::incrementAndGet);
        cluster.settle();

        assertThat(clean.received()).hasSize(1);
        assertThat(cluster.stores.inflight.loadForwardReceipts("clean")).isEmpty();
    }

    @Test
    void aSessionLoadedWithAReceiptSkipsThatMessageWhenItComesAgainAndItIsSettled() {
        RoutingNode.Client sub = b.client().connectPersistent("sub", true, 600).subscribe("t", Qos.EXACTLY_ONCE);
        RoutingNode.Client other = b.client().connectPersistent("other", true, 600).subscribe("t", Qos.EXACTLY_ONCE);
        cluster.settle();
        sub.sent();
        other.sent();
        // What a restart or an adoption loads: "sub" took a:5 before its node crashed, "other" did not.
        b.sessions.get("sub").restoreForwardReceipts(List.of("a:4", "a:5"));

        b.receiver.message(forwarded("a:5", Qos.EXACTLY_ONCE), settled::incrementAndGet);
        b.receiver.message(forwarded("a:6", Qos.EXACTLY_ONCE), settled::incrementAndGet);
        cluster.settle();

        assertThat(sub.received()).extracting(RoutingNode::body).containsExactly("m a:6");
        assertThat(other.received()).extracting(RoutingNode::body).containsExactly("m a:5", "m a:6");
        assertThat(settled).hasValue(2);
    }

    @Test
    void aDrainSkipsASessionThatHeldTheMessageAndCountsIt() {
        RoutingNode.Client sub = b.client().connectPersistent("sub", true, 600).subscribe("t", Qos.EXACTLY_ONCE);
        cluster.settle();
        sub.sent();
        b.sessions.get("sub").restoreForwardReceipts(List.of("a:5"));
        DrainTarget.Counts counts = new DrainTarget.Counts();
        ForwardReceiver drain = b.receiver.drainingFor(Map.of("sub", b.receiver.mark()), counts);

        drain.message(forwarded("a:5", Qos.EXACTLY_ONCE), settled::incrementAndGet);
        drain.message(forwarded("a:6", Qos.EXACTLY_ONCE), settled::incrementAndGet);
        cluster.settle();

        assertThat(sub.received()).extracting(RoutingNode::body).containsExactly("m a:6");
        assertThat(settled).hasValue(2);
        assertThat(counts).hasToString("2 unsettled messages drained, 1 copies to its sessions here;"
                + " 1 of them held already by a session here (forward receipts)");
    }
}
