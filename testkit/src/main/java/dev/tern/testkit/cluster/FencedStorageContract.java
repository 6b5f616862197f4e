package dev.tern.testkit.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.application.port.cluster.SessionOwnership;
import dev.tern.application.port.cluster.SessionOwnership.Claim;
import dev.tern.application.port.out.Storage;
import dev.tern.application.port.out.StoredDelivery;
import dev.tern.application.port.out.StoredSession;
import dev.tern.domain.delivery.OutboundFlow.AwaitingPuback;
import dev.tern.domain.message.Qos;
import dev.tern.domain.session.SessionExpiry;
import dev.tern.domain.subscription.Subscription;
import dev.tern.domain.subscription.SubscriptionOptions;
import dev.tern.domain.topic.TopicFilter;
import dev.tern.domain.topic.TopicName;
import dev.tern.testkit.storage.ContractSamples;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a storage that carries a cluster must do with its stores once joined: fence each client's
 * writes with the node's ownership epoch. A node's writes of a client apply while it owns the
 * client, or while it was the owner before another node's unsealed claim; once the new owner
 * sealed they fail and change nothing; a client the node holds no epoch for cannot be written.
 * Retained messages are not fenced. Two nodes join one fresh deployment per test; an observer
 * storage that joined nothing reads what the deployment holds.
 *
 * <p>Threading: JUnit runs each test on one thread.
 */
public abstract class FencedStorageContract {

    private static final String CLIENT = "sensor-7";

    /** One node: its storage, joined, and that storage's session ownership. */
    public record FencedNode(Storage storage, SessionOwnership ownership) {
        public FencedNode {
            if (storage == null || ownership == null) {
                throw new IllegalArgumentException("a fenced node needs its storage and its ownership");
            }
        }
    }

    private FencedNode a;
    private FencedNode b;
    private Storage observer;

    /** A fresh, empty deployment for the test about to run. */
    protected abstract void startDeployment();

    /** A node joining the test's deployment: a storage of its own that joined as {@code nodeId}. */
    protected abstract FencedNode join(String nodeId);

    /** A storage of the same deployment that joined no cluster. */
    protected abstract Storage observer();

    /** Closes what the test opened. */
    protected abstract void stopDeployment();

    /** What a refused write throws; the backend's own type when it has one. */
    protected Class<? extends RuntimeException> refusal() {
        return RuntimeException.class;
    }

    @BeforeEach
    final void twoNodes() {
        startDeployment();
        a = join("a");
        b = join("b");
        observer = observer();
    }

    @AfterEach
    final void stop() {
        stopDeployment();
    }

    /** The owner's writes reach every store of the client. */
    @Test
    void theOwnersWritesApplyToEveryStore() {
        ownedBy(a);

        writeEverything(a.storage());

        assertThat(observer.sessions().load(CLIENT)).contains(session());
        assertThat(observer.subscriptions().load(CLIENT)).containsExactlyElementsOf(subscriptions());
        assertThat(observer.queues().load(CLIENT)).containsExactly(queued(7));
        assertThat(observer.inflight().load(CLIENT)).containsExactly(flow());
        assertThat(observer.inflight().loadReceipts(CLIENT)).containsExactly(9);
        assertThat(observer.inflight().loadForwardReceipts(CLIENT)).containsExactly("node-x:1");
    }

    /**
     * A forwarded message's copy and its forward receipt, written in one group commit, are applied
     * together while the node owns the client, and neither once another node sealed it: a node that
     * lost the session cannot leave a receipt behind either.
     */
    @Test
    void aCopyAndItsForwardReceiptApplyTogetherOrNotAtAll() {
        ownedBy(a);
        a.storage().transactions().inTransaction(() -> {
            a.storage().queues().append(CLIENT, queued(40));
            a.storage().inflight().saveForwardReceipt(CLIENT, "node-x:40");
        });
        assertThat(observer.queues().load(CLIENT)).containsExactly(queued(40));
        assertThat(observer.inflight().loadForwardReceipts(CLIENT)).containsExactly("node-x:40");

        Claim claim = b.ownership().claim(CLIENT);
        assertThat(b.ownership().seal(CLIENT, claim.epoch())).isTrue();
        assertThatThrownBy(() -> a.storage().transactions().inTransaction(() -> {
            a.storage().inflight().save(CLIENT, flow());
            a.storage().inflight().saveForwardReceipt(CLIENT, "node-x:41");
        })).isInstanceOf(refusal()).hasMessageContaining(CLIENT);

        assertThat(observer.inflight().load(CLIENT)).isEmpty();
        assertThat(observer.inflight().loadForwardReceipts(CLIENT)).containsExactly("node-x:40");
    }

    /** Between another node's claim and its seal, the previous owner still finishes its writes. */
    @Test
    void thePreviousOwnersWritesApplyUntilTheNewOwnerSeals() {
        ownedBy(a);
        writeEverything(a.storage());

        b.ownership().claim(CLIENT);
        a.storage().queues().append(CLIENT, queued(8));
        a.storage().transactions().inTransaction(() -> a.storage().inflight().saveReceipt(CLIENT, 10));

        assertThat(observer.queues().load(CLIENT)).containsExactly(queued(7), queued(8));
        assertThat(observer.inflight().loadReceipts(CLIENT)).containsExactlyInAnyOrder(9, 10);
    }

    /** Once the new owner sealed, every kind of write of the old owner fails, alone or in a group commit, and changes nothing. */
    @Test
    void afterTheSealThePreviousOwnersWritesFailAndChangeNothing() {
        ownedBy(a);
        writeEverything(a.storage());
        Claim claim = b.ownership().claim(CLIENT);
        assertThat(b.ownership().seal(CLIENT, claim.epoch())).isTrue();
        b.storage().queues().append(CLIENT, queued(20));
        String before = snapshot();

        List<Consumer<Storage>> writes = List.of(
                s -> s.sessions().save(session()),
                s -> s.sessions().delete(CLIENT),
                s -> s.subscriptions().save(subscriptions().get(0)),
                s -> s.subscriptions().delete(CLIENT, "z/1"),
                s -> s.subscriptions().deleteAll(CLIENT),
                s -> s.queues().append(CLIENT, queued(21)),
                s -> s.queues().remove(CLIENT, 20),
                s -> s.inflight().save(CLIENT, new AwaitingPuback(4, ContractSamples.plainDelivery("t", "late"))),
                s -> s.inflight().remove(CLIENT, 3),
                s -> s.inflight().saveReceipt(CLIENT, 11),
                s -> s.inflight().removeReceipt(CLIENT, 9),
                s -> s.inflight().saveForwardReceipt(CLIENT, "node-x:2"),
                s -> s.inflight().deleteAll(CLIENT));
        for (Consumer<Storage> write : writes) {
            assertThatThrownBy(() -> write.accept(a.storage())).isInstanceOf(refusal()).hasMessageContaining(CLIENT);
            assertThatThrownBy(() -> a.storage().transactions().inTransaction(() -> write.accept(a.storage())))
                    .isInstanceOf(refusal()).hasMessageContaining(CLIENT);
        }

        assertThat(snapshot()).isEqualTo(before);
    }

    /** The new owner writes after its seal. */
    @Test
    void theNewOwnersWritesApplyAfterItsSeal() {
        ownedBy(a);
        writeEverything(a.storage());
        Claim claim = b.ownership().claim(CLIENT);
        b.ownership().seal(CLIENT, claim.epoch());

        b.storage().transactions().inTransaction(() -> {
            b.storage().queues().remove(CLIENT, 7);
            b.storage().queues().append(CLIENT, queued(30));
        });

        assertThat(observer.queues().load(CLIENT)).containsExactly(queued(30));
    }

    /** A group commit holding a fenced-out client fails and names that client; the owned client's writes are whole. */
    @Test
    void aGroupCommitWithAFencedOutClientFailsNamingIt() {
        ownedBy(a);
        Claim mine = a.ownership().claim("owned-by-a");
        a.ownership().seal("owned-by-a", mine.epoch());
        Claim taken = b.ownership().claim(CLIENT);
        b.ownership().seal(CLIENT, taken.epoch());

        assertThatThrownBy(() -> a.storage().transactions().inTransaction(() -> {
            a.storage().queues().append("owned-by-a", queued(1));
            a.storage().queues().append(CLIENT, queued(1));
            a.storage().queues().append("owned-by-a", queued(2));
        })).isInstanceOf(refusal()).hasMessageContaining(CLIENT).hasMessageNotContaining("owned-by-a");

        assertThat(observer.queues().load(CLIENT)).isEmpty();
        // Applied whole or not at all: a backend may apply the owned client's writes or refuse the whole commit.
        assertThat(observer.queues().load("owned-by-a")).isIn(List.of(), List.of(queued(1), queued(2)));
    }

    /** A node cannot write a client it never claimed: the write, or the whole group commit, fails before anything is kept. */
    @Test
    void aClientWithoutAnEpochCannotBeWritten() {
        ownedBy(a);

        assertThatThrownBy(() -> a.storage().sessions().save(new StoredSession("stranger", new SessionExpiry(60), null, 1)))
                .isInstanceOf(refusal()).hasMessageContaining("stranger");
        assertThatThrownBy(() -> a.storage().transactions().inTransaction(() -> {
            a.storage().queues().append(CLIENT, queued(1));
            a.storage().queues().append("stranger", queued(1));
        })).isInstanceOf(refusal()).hasMessageContaining("stranger");

        assertThat(observer.sessions().loadAll()).isEmpty();
        assertThat(observer.queues().load(CLIENT)).isEmpty();
    }

    /** After a release, or after forgetting every epoch (lease lost), the node writes the client no more. */
    @Test
    void releasedAndForgottenEpochsNoLongerWrite() {
        Claim claim = a.ownership().claim(CLIENT);
        a.ownership().release(CLIENT, claim.epoch());
        assertThatThrownBy(() -> a.storage().queues().append(CLIENT, queued(1))).isInstanceOf(refusal());

        ownedBy(a);
        a.ownership().forgetAll();
        assertThatThrownBy(() -> a.storage().queues().append(CLIENT, queued(2))).isInstanceOf(refusal());

        assertThat(observer.queues().load(CLIENT)).isEmpty();
    }

    /** Retained messages belong to no client: any node writes them, in a group commit with fenced writes too. */
    @Test
    void retainedMessagesAreNotFenced() {
        ownedBy(a);

        a.storage().retained().save(ContractSamples.plainMessage("r/1", "one"));
        a.storage().transactions().inTransaction(() -> {
            a.storage().retained().save(ContractSamples.plainMessage("r/2", "two"));
            a.storage().queues().append(CLIENT, queued(1));
        });
        b.storage().retained().delete(new TopicName("r/1"));

        assertThat(observer.retained().loadAll()).containsExactly(ContractSamples.plainMessage("r/2", "two"));
        assertThat(observer.queues().load(CLIENT)).containsExactly(queued(1));
    }

    private static void ownedBy(FencedNode node) {
        Claim claim = node.ownership().claim(CLIENT);
        assertThat(node.ownership().seal(CLIENT, claim.epoch())).isTrue();
    }

    private static void writeEverything(Storage storage) {
        storage.sessions().save(session());
        subscriptions().forEach(storage.subscriptions()::save);
        storage.queues().append(CLIENT, queued(7));
        storage.inflight().save(CLIENT, flow());
        storage.inflight().saveReceipt(CLIENT, 9);
        storage.inflight().saveForwardReceipt(CLIENT, "node-x:1");
    }

    private static StoredSession session() {
        return new StoredSession(CLIENT, SessionExpiry.NEVER, ContractSamples.will(), StoredSession.CONNECTED);
    }

    private static List<Subscription> subscriptions() {
        return List.of(new Subscription(CLIENT, TopicFilter.parse("z/1"), SubscriptionOptions.ofQos(Qos.AT_LEAST_ONCE)),
                new Subscription(CLIENT, TopicFilter.parse("a/#"), SubscriptionOptions.ofQos(Qos.EXACTLY_ONCE)));
    }

    private static AwaitingPuback flow() {
        return new AwaitingPuback(3, ContractSamples.plainDelivery("f", "flow"));
    }

    private static StoredDelivery queued(long sequence) {
        return new StoredDelivery(sequence, ContractSamples.plainDelivery("q", "m" + sequence));
    }

    /** Everything the deployment holds for the client, as text to compare. */
    private String snapshot() {
        return String.join("\n", String.valueOf(observer.sessions().load(CLIENT)),
                String.valueOf(observer.subscriptions().load(CLIENT)), String.valueOf(observer.queues().load(CLIENT)),
                String.valueOf(observer.inflight().load(CLIENT)), String.valueOf(observer.inflight().loadReceipts(CLIENT)),
                String.valueOf(observer.inflight().loadForwardReceipts(CLIENT)));
    }
}
