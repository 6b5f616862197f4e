package dev.tern.adapters.storage.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.adapters.storage.redis.NodesUnderTest.Node;
import dev.tern.application.port.cluster.SessionOwnership.Claim;
import dev.tern.application.port.out.StoredDelivery;
import dev.tern.domain.delivery.OutboundFlow.AwaitingPuback;
import dev.tern.domain.topic.TopicName;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Fencing of store writes by session ownership, with two nodes on one Redis deployment: a node's
 * writes of a client apply while it owns the client, or while it was the owner before an unsealed
 * claim; once the new owner sealed they fail and change nothing. An observer storage (not in the
 * cluster) reads what Redis holds. Subclasses choose the deployment.
 */
abstract class FencingScenarios {

    private static final String CLIENT = "sensor-7";
    private static final Duration LEASE = Duration.ofSeconds(60);

    private NodesUnderTest nodes;
    private Node a;
    private Node b;
    private RedisStorage observer;

    /** The nodes of a fresh deployment under a prefix of the test's own. */
    protected abstract NodesUnderTest nodes();

    @BeforeEach
    void twoNodes() {
        nodes = nodes();
        a = nodes.join("a", LEASE);
        b = nodes.join("b", LEASE);
        observer = nodes.observer();
    }

    @AfterEach
    void close() {
        nodes.close();
    }

    /** The owner's writes reach every store of the client. */
    @Test
    void theOwnersWritesApplyToEveryStore() {
        ownedBy(a);

        ClientSamples.writeClient(a.storage(), CLIENT);

        ClientSamples.assertClientsRestored(observer, List.of(CLIENT));
        assertThat(observer.subscriptions().load(CLIENT)).containsExactlyElementsOf(ClientSamples.subscriptions(CLIENT));
    }

    /** Between another node's claim and its seal, the previous owner still finishes its writes. */
    @Test
    void thePreviousOwnersWritesApplyUntilTheNewOwnerSeals() {
        ownedBy(a);
        ClientSamples.writeClient(a.storage(), CLIENT);

        b.cluster().ownership().claim(CLIENT);
        a.storage().queues().append(CLIENT, queued(8));
        a.storage().transactions().inTransaction(() -> a.storage().inflight().saveReceipt(CLIENT, 10));

        assertThat(observer.queues().load(CLIENT)).extracting(StoredDelivery::sequence).containsExactly(7L, 8L);
        assertThat(observer.inflight().loadReceipts(CLIENT)).containsExactlyInAnyOrder(9, 10);
    }

    /** Once the new owner sealed, every kind of write of the old owner fails and leaves the new owner's state as it was. */
    @Test
    void afterTheSealThePreviousOwnersWritesFailAndChangeNothing() {
        ownedBy(a);
        ClientSamples.writeClient(a.storage(), CLIENT);
        Claim claim = b.cluster().ownership().claim(CLIENT);
        assertThat(b.cluster().ownership().seal(CLIENT, claim.epoch())).isTrue();
        b.storage().queues().append(CLIENT, queued(20));
        String before = snapshot();

        List<Consumer<RedisStorage>> writes = List.of(
                s -> s.sessions().save(ClientSamples.session(CLIENT)),
                s -> s.sessions().delete(CLIENT),
                s -> s.subscriptions().save(ClientSamples.subscriptions(CLIENT).get(0)),
                s -> s.subscriptions().delete(CLIENT, "z/1"),
                s -> s.subscriptions().deleteAll(CLIENT),
                s -> s.queues().append(CLIENT, queued(21)),
                s -> s.queues().remove(CLIENT, 20),
                s -> s.inflight().save(CLIENT, new AwaitingPuback(4, ClientSamples.delivery("late"))),
                s -> s.inflight().remove(CLIENT, 3),
                s -> s.inflight().saveReceipt(CLIENT, 11),
                s -> s.inflight().removeReceipt(CLIENT, 9),
                s -> s.inflight().deleteAll(CLIENT));
        for (Consumer<RedisStorage> write : writes) {
            assertThatThrownBy(() -> write.accept(a.storage()))
                    .isInstanceOf(FencedWriteException.class).hasMessageContaining(CLIENT);
            assertThatThrownBy(() -> a.storage().transactions().inTransaction(() -> write.accept(a.storage())))
                    .isInstanceOf(FencedWriteException.class).hasMessageContaining(CLIENT);
        }

        assertThat(snapshot()).isEqualTo(before);
    }

    /** The new owner writes after its seal. */
    @Test
    void theNewOwnersWritesApplyAfterItsSeal() {
        ownedBy(a);
        ClientSamples.writeClient(a.storage(), CLIENT);
        Claim claim = b.cluster().ownership().claim(CLIENT);
        b.cluster().ownership().seal(CLIENT, claim.epoch());

        b.storage().transactions().inTransaction(() -> {
            b.storage().queues().remove(CLIENT, 7);
            b.storage().queues().append(CLIENT, queued(30));
        });

        assertThat(observer.queues().load(CLIENT)).extracting(StoredDelivery::sequence).containsExactly(30L);
    }

    /** A group commit holding a fenced-out client fails and names it; the owned client's writes were still applied whole. */
    @Test
    void aGroupCommitWithAFencedOutClientFailsNamingIt() {
        ownedBy(a);
        Claim mine = a.cluster().ownership().claim("owned-by-a");
        a.cluster().ownership().seal("owned-by-a", mine.epoch());
        Claim taken = b.cluster().ownership().claim(CLIENT);
        b.cluster().ownership().seal(CLIENT, taken.epoch());

        assertThatThrownBy(() -> a.storage().transactions().inTransaction(() -> {
            a.storage().queues().append("owned-by-a", queued(1));
            a.storage().queues().append(CLIENT, queued(1));
            a.storage().queues().append("owned-by-a", queued(2));
        })).isInstanceOf(FencedWriteException.class).hasMessageContaining(CLIENT).hasMessageNotContaining("owned-by-a");

        assertThat(observer.queues().load(CLIENT)).isEmpty();
        assertThat(observer.queues().load("owned-by-a")).extracting(StoredDelivery::sequence).containsExactly(1L, 2L);
    }

    /** A node cannot write a client it never claimed: the write, or the whole group commit, fails before anything is sent. */
    @Test
    void aClientWithoutAnEpochCannotBeWritten() {
        ownedBy(a);

        assertThatThrownBy(() -> a.storage().sessions().save(ClientSamples.session("stranger")))
                .isInstanceOf(FencedWriteException.class).hasMessageContaining("stranger");
        assertThatThrownBy(() -> a.storage().transactions().inTransaction(() -> {
            a.storage().queues().append(CLIENT, queued(1));
            a.storage().queues().append("stranger", queued(1));
        })).isInstanceOf(FencedWriteException.class).hasMessageContaining("stranger");

        assertThat(observer.sessions().loadAll()).isEmpty();
        assertThat(observer.queues().load(CLIENT)).isEmpty();
    }

    /** After a release, or after forgetting every epoch (lease lost), the node writes the client no more. */
    @Test
    void releasedAndForgottenEpochsNoLongerWrite() {
        Claim claim = a.cluster().ownership().claim(CLIENT);
        a.cluster().ownership().release(CLIENT, claim.epoch());
        assertThatThrownBy(() -> a.storage().queues().append(CLIENT, queued(1))).isInstanceOf(FencedWriteException.class);

        ownedBy(a);
        a.cluster().ownership().forgetAll();
        assertThatThrownBy(() -> a.storage().queues().append(CLIENT, queued(2))).isInstanceOf(FencedWriteException.class);

        assertThat(observer.queues().load(CLIENT)).isEmpty();
    }

    /** Retained messages belong to no client: any node writes them, in a group commit with fenced writes too. */
    @Test
    void retainedMessagesAreNotFenced() {
        ownedBy(a);

        a.storage().retained().save(ClientSamples.retained("r/1"));
        a.storage().transactions().inTransaction(() -> {
            a.storage().retained().save(ClientSamples.retained("r/2"));
            a.storage().queues().append(CLIENT, queued(1));
        });
        b.storage().retained().delete(new TopicName("r/1"));

        assertThat(observer.retained().loadAll()).containsExactly(ClientSamples.retained("r/2"));
        assertThat(observer.queues().load(CLIENT)).hasSize(1);
    }

    private void ownedBy(Node node) {
        Claim claim = node.cluster().ownership().claim(CLIENT);
        assertThat(node.cluster().ownership().seal(CLIENT, claim.epoch())).isTrue();
    }

    private static StoredDelivery queued(long sequence) {
        return new StoredDelivery(sequence, ClientSamples.delivery("m" + sequence));
    }

    /** Everything Redis holds for the client, as text to compare. */
    private String snapshot() {
        return String.join("\n", String.valueOf(observer.sessions().load(CLIENT)),
                String.valueOf(observer.subscriptions().load(CLIENT)), String.valueOf(observer.queues().load(CLIENT)),
                String.valueOf(observer.inflight().load(CLIENT)), String.valueOf(observer.inflight().loadReceipts(CLIENT)));
    }
}
