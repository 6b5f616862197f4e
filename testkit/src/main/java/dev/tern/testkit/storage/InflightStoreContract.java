package dev.tern.testkit.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.port.out.InflightStore;
import dev.tern.domain.delivery.Delivery;
import dev.tern.domain.delivery.OutboundFlow.AwaitingPuback;
import dev.tern.domain.delivery.OutboundFlow.AwaitingPubcomp;
import dev.tern.domain.delivery.OutboundFlow.AwaitingPubrec;
import dev.tern.domain.delivery.OutboundFlow;
import dev.tern.domain.message.Qos;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What every {@link InflightStore} must do. Extend it once per implementation (see
 * {@link StoreContract} for the hooks); round trips read back through {@link #reopened()}.
 */
public abstract class InflightStoreContract extends StoreContract<InflightStore> {

    private static OutboundFlow qos1(int packetId) {
        return new AwaitingPuback(packetId,
                Delivery.of(ContractSamples.plainMessage("q/" + packetId, "m" + packetId).withQos(Qos.AT_LEAST_ONCE)));
    }

    private static OutboundFlow qos2(int packetId) {
        return new AwaitingPubrec(packetId,
                Delivery.of(ContractSamples.plainMessage("q/" + packetId, "m" + packetId).withQos(Qos.EXACTLY_ONCE)));
    }

    private static List<Integer> packetIds(List<OutboundFlow> flows) {
        return flows.stream().map(OutboundFlow::packetId).toList();
    }

    /** A client with nothing in flight has no flows and no receipts. */
    @Test
    void loadsNothingOfAnUnknownClient() {
        assertThat(store().load("nobody")).isEmpty();
        assertThat(store().loadReceipts("nobody")).isEmpty();
    }

    /** A QoS 1 flow survives with its packet id and its whole delivery, subscription identifiers included. */
    @Test
    void keepsAFlowAwaitingPuback() {
        Delivery delivery = new Delivery(ContractSamples.fullMessage("a/1").withQos(Qos.AT_LEAST_ONCE), List.of(7, 1));
        OutboundFlow flow = new AwaitingPuback(1, delivery);

        store().save("client-1", flow);

        // Record equality reaches every field: payload and correlation bytes, user property order.
        assertThat(reopened().load("client-1")).containsExactly(flow);
    }

    /** A QoS 2 flow waiting for PUBREC survives with its packet id and its whole delivery. */
    @Test
    void keepsAFlowAwaitingPubrec() {
        OutboundFlow flow = new AwaitingPubrec(65_535, ContractSamples.fullDelivery("a/2"));

        store().save("client-1", flow);

        assertThat(reopened().load("client-1")).containsExactly(flow);
    }

    /** A QoS 2 flow waiting for PUBCOMP survives as that state, with no message (4.3.3). */
    @Test
    void keepsAFlowAwaitingPubcomp() {
        OutboundFlow flow = new AwaitingPubcomp(42);

        store().save("client-1", flow);

        assertThat(reopened().load("client-1")).containsExactly(flow);
    }

    /** Flows load in the order first saved, not by packet id: the resend order [MQTT-4.4.0-1]. */
    @Test
    void loadsFlowsInTheOrderFirstSaved() {
        List<OutboundFlow> saved = List.of(qos1(7), qos2(3), new AwaitingPubcomp(65_535), qos1(1), qos2(300));
        saved.forEach(flow -> store().save("client-1", flow));

        assertThat(reopened().load("client-1")).containsExactlyElementsOf(saved);
    }

    /**
     * A QoS 2 flow moving from awaiting PUBREC to awaiting PUBCOMP replaces the old state and keeps
     * its place in the resend order [MQTT-4.4.0-1].
     */
    @Test
    void replacesAFlowMovingToAwaitingPubcompInPlace() {
        store().save("client-1", qos2(5));
        store().save("client-1", qos1(6));
        store().save("client-1", qos2(7));

        store().save("client-1", new AwaitingPubcomp(5));

        assertThat(reopened().load("client-1")).containsExactly(new AwaitingPubcomp(5), qos1(6), qos2(7));
    }

    /** Removing one flow keeps the order of the rest. */
    @Test
    void removesOneFlowKeepingTheOrderOfTheRest() {
        store().save("client-1", qos1(3));
        store().save("client-1", qos1(1));
        store().save("client-1", qos1(2));

        store().remove("client-1", 1);

        assertThat(packetIds(reopened().load("client-1"))).containsExactly(3, 2);
    }

    /** A packet id used again after its flow completed starts a new flow, which is resent last. */
    @Test
    void putsAFlowUnderAReusedPacketIdLast() {
        store().save("client-1", qos1(1));
        store().save("client-1", qos1(2));
        store().remove("client-1", 1);

        store().save("client-1", qos2(1));

        assertThat(reopened().load("client-1")).containsExactly(qos1(2), qos2(1));
    }

    /** Removing is idempotent: an unknown packet id, an unknown client or a second remove change nothing. */
    @Test
    void removingAnUnknownFlowDoesNothing() {
        store().save("client-1", qos1(1));
        store().save("client-1", qos1(2));

        store().remove("client-1", 99);
        store().remove("nobody", 1);
        store().remove("client-1", 2);
        store().remove("client-1", 2);

        assertThat(reopened().load("client-1")).containsExactly(qos1(1));
    }

    /** Inbound QoS 2 receipts stay until removed. */
    @Test
    void keepsReceiptsUntilTheyAreRemoved() {
        store().saveReceipt("client-1", 1);
        store().saveReceipt("client-1", 65_535);
        store().saveReceipt("client-1", 42);

        store().removeReceipt("client-1", 42);

        assertThat(reopened().loadReceipts("client-1")).containsExactlyInAnyOrder(1, 65_535);
    }

    /** A receipt saved twice is one receipt, gone after one removal; unknown removals do nothing. */
    @Test
    void savingAReceiptTwiceKeepsOne() {
        store().saveReceipt("client-1", 7);
        store().saveReceipt("client-1", 7);
        store().saveReceipt("client-1", 8);
        store().removeReceipt("client-1", 99);
        store().removeReceipt("nobody", 7);

        assertThat(reopened().loadReceipts("client-1")).containsExactlyInAnyOrder(7, 8);
        store().removeReceipt("client-1", 7);
        assertThat(reopened().loadReceipts("client-1")).containsExactly(8);
    }

    /**
     * An outbound flow and an inbound receipt with the same packet id are unrelated: the two
     * directions number their packets independently.
     */
    @Test
    void keepsFlowsAndReceiptsWithTheSamePacketIdApart() {
        store().save("client-1", qos1(5));
        store().saveReceipt("client-1", 5);

        store().removeReceipt("client-1", 5);
        InflightStore reopened = reopened();
        assertThat(reopened.load("client-1")).containsExactly(qos1(5));
        assertThat(reopened.loadReceipts("client-1")).isEmpty();

        reopened.saveReceipt("client-1", 5);
        reopened.remove("client-1", 5);
        assertThat(reopened().load("client-1")).isEmpty();
        assertThat(store().loadReceipts("client-1")).containsExactly(5);
    }

    /**
     * Whether the store keeps forward receipts ({@link InflightStore#saveForwardReceipt}): a store
     * that can carry a cluster must; one that cannot may keep none (the port's default), and the
     * cases below then check that it loads none.
     */
    protected boolean keepsForwardReceipts() {
        return true;
    }

    private List<String> ifKept(List<String> receipts) {
        return keepsForwardReceipts() ? receipts : List.of();
    }

    /** Forward receipts load oldest first, each client's apart; deleteAll removes them with the flows. */
    @Test
    void keepsForwardReceiptsInTheOrderSavedUntilTheSessionIsDeleted() {
        store().saveForwardReceipt("client-1", "node-a:7");
        store().saveForwardReceipt("client-1", "node-b:1");
        store().saveForwardReceipt("client-2", "node-a:8");
        store().saveForwardReceipt("client-1", "node-a:9");

        InflightStore reopened = reopened();
        assertThat(reopened.loadForwardReceipts("client-1")).containsExactlyElementsOf(
                ifKept(List.of("node-a:7", "node-b:1", "node-a:9")));
        assertThat(reopened.loadForwardReceipts("nobody")).isEmpty();

        reopened.deleteAll("client-1");
        assertThat(reopened().loadForwardReceipts("client-1")).isEmpty();
        assertThat(reopened().loadForwardReceipts("client-2")).containsExactlyElementsOf(ifKept(List.of("node-a:8")));
    }

    /** A session keeps its last {@link InflightStore#FORWARD_RECEIPTS_KEPT} forward receipts: the oldest go first. */
    @Test
    void keepsTheMostRecentForwardReceiptsOfASession() {
        int saved = InflightStore.FORWARD_RECEIPTS_KEPT + 5;
        for (int i = 0; i < saved; i++) {
            store().saveForwardReceipt("client-1", "node-a:" + i);
        }

        List<String> loaded = reopened().loadForwardReceipts("client-1");
        assertThat(loaded).hasSize(keepsForwardReceipts() ? InflightStore.FORWARD_RECEIPTS_KEPT : 0);
        if (keepsForwardReceipts()) {
            assertThat(loaded).startsWith("node-a:5").endsWith("node-a:" + (saved - 1));
        }
    }

    /** Flows and receipts of different clients are separate, even with the same packet ids. */
    @Test
    void keepsTheFlowsOfClientsApart() {
        store().save("client-1", qos1(1));
        store().save("client-2", qos2(1));
        store().saveReceipt("client-2", 1);

        store().remove("client-1", 1);

        InflightStore reopened = reopened();
        assertThat(reopened.load("client-1")).isEmpty();
        assertThat(reopened.load("client-2")).containsExactly(qos2(1));
        assertThat(reopened.loadReceipts("client-1")).isEmpty();
        assertThat(reopened.loadReceipts("client-2")).containsExactly(1);
    }

    /** deleteAll removes every flow and receipt of one client and nothing of another; it is idempotent. */
    @Test
    void deleteAllRemovesEveryFlowAndReceiptOfThatClientOnly() {
        store().save("client-1", qos1(1));
        store().saveReceipt("client-1", 2);
        store().save("client-2", qos1(1));
        store().saveReceipt("client-2", 2);

        store().deleteAll("client-1");
        store().deleteAll("client-1");
        store().deleteAll("nobody");

        InflightStore reopened = reopened();
        assertThat(reopened.load("client-1")).isEmpty();
        assertThat(reopened.loadReceipts("client-1")).isEmpty();
        assertThat(reopened.load("client-2")).containsExactly(qos1(1));
        assertThat(reopened.loadReceipts("client-2")).containsExactly(2);
    }

    /** load and loadReceipts hand out collections the caller cannot change the store with. */
    @Test
    void loadsIntoCollectionsThatCannotChangeTheStore() {
        store().save("client-1", qos1(1));
        store().saveReceipt("client-1", 2);

        tryToClear(store().load("client-1"));
        tryToClear(store().loadReceipts("client-1"));

        assertThat(store().load("client-1")).containsExactly(qos1(1));
        assertThat(store().loadReceipts("client-1")).containsExactly(2);
    }

    /**
     * Threads opening QoS 2 flows and receipts on their own client and a shared one, advancing
     * every flow to awaiting PUBCOMP and completing every other one: nothing is lost, nothing
     * removed comes back, each thread's flows keep their order, and no advance moves a flow.
     */
    @Test
    void staysConsistentUnderConcurrentWriters() throws Exception {
        int perThread = 100;

        Concurrently.run(thread -> {
            int base = thread * perThread + 1;
            for (int id = base; id < base + perThread; id++) {
                store().save("own-" + thread, qos2(id));
                store().save("shared", qos2(id));
                store().saveReceipt("shared", id);
            }
            for (int id = base; id < base + perThread; id++) {
                store().save("own-" + thread, new AwaitingPubcomp(id));
                store().save("shared", new AwaitingPubcomp(id));
                if (id % 2 == 0) {
                    store().remove("own-" + thread, id);
                    store().remove("shared", id);
                    store().removeReceipt("shared", id);
                }
            }
        });

        InflightStore reopened = reopened();
        List<Integer> shared = packetIds(reopened.load("shared"));
        assertThat(reopened.load("shared")).allMatch(flow -> flow instanceof AwaitingPubcomp);
        assertThat(shared).hasSize(Concurrently.THREADS * perThread / 2);
        Set<Integer> receipts = reopened.loadReceipts("shared");
        assertThat(receipts).containsExactlyInAnyOrderElementsOf(shared);
        for (int t = 0; t < Concurrently.THREADS; t++) {
            int base = t * perThread + 1;
            List<Integer> expected = new ArrayList<>();
            for (int id = base; id < base + perThread; id++) {
                if (id % 2 == 1) {
                    expected.add(id);
                }
            }
            assertThat(packetIds(reopened.load("own-" + t))).containsExactlyElementsOf(expected);
            assertThat(shared.stream().filter(expected::contains).toList()).containsExactlyElementsOf(expected);
        }
    }
}
