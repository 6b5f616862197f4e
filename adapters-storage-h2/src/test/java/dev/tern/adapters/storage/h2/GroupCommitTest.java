package dev.tern.adapters.storage.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.application.port.out.StoredDelivery;
import dev.tern.application.port.out.StoredSession;
import dev.tern.domain.delivery.OutboundFlow.AwaitingPuback;
import dev.tern.domain.message.Qos;
import dev.tern.domain.session.SessionExpiry;
import dev.tern.domain.subscription.Subscription;
import dev.tern.domain.subscription.SubscriptionOptions;
import dev.tern.domain.topic.TopicFilter;
import dev.tern.testkit.storage.ContractSamples;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupCommitTest {

    @TempDir
    Path directory;

    private ReopenableStorage storage;
    private H2Storage h2;

    @BeforeEach
    void open() {
        storage = new ReopenableStorage(directory);
        h2 = storage.open(opened -> opened);
    }

    @AfterEach
    void close() {
        storage.close();
    }

    private static StoredSession session(String clientId) {
        return new StoredSession(clientId, SessionExpiry.NEVER, ContractSamples.will(), StoredSession.CONNECTED);
    }

    /** One batch touching every store, as the storage writer would drain its queue. */
    private void writeEveryStore(int count) {
        for (int i = 0; i < count; i++) {
            String client = "client-" + i;
            h2.sessions().save(session(client));
            h2.subscriptions().save(new Subscription(client, TopicFilter.parse("a/" + i),
                    SubscriptionOptions.ofQos(Qos.AT_LEAST_ONCE)));
            h2.retained().save(ContractSamples.fullMessage("r/" + i));
            h2.queues().append(client, new StoredDelivery(i, ContractSamples.fullDelivery("q/" + i)));
            h2.inflight().save(client, new AwaitingPuback(1, ContractSamples.plainDelivery("f", "x")));
            h2.inflight().saveReceipt(client, 2);
        }
    }

    @Test
    void keepsEveryWriteOfACommittedBatch() {
        h2.transactions().inTransaction(() -> writeEveryStore(50));

        H2Storage reopened = storage.reopen(opened -> opened);
        assertThat(reopened.sessions().loadAll()).hasSize(50);
        assertThat(reopened.subscriptions().loadAll()).hasSize(50);
        assertThat(reopened.retained().loadAll()).hasSize(50);
        assertThat(reopened.queues().load("client-49")).hasSize(1);
        assertThat(reopened.inflight().load("client-49")).hasSize(1);
        assertThat(reopened.inflight().loadReceipts("client-49")).containsExactly(2);
    }

    @Test
    void keepsNothingOfABatchThatFails() {
        h2.sessions().save(session("before"));
        IllegalStateException failure = new IllegalStateException("writer failed");

        assertThatThrownBy(() -> h2.transactions().inTransaction(() -> {
            writeEveryStore(50);
            h2.sessions().delete("before");
            throw failure;
        })).isSameAs(failure);

        H2Storage reopened = storage.reopen(opened -> opened);
        assertThat(reopened.sessions().loadAll()).containsExactly(session("before"));
        assertThat(reopened.subscriptions().loadAll()).isEmpty();
        assertThat(reopened.retained().loadAll()).isEmpty();
        assertThat(reopened.queues().load("client-0")).isEmpty();
        assertThat(reopened.inflight().load("client-0")).isEmpty();
        assertThat(reopened.inflight().loadReceipts("client-0")).isEmpty();
    }

    @Test
    void storeCallsInsideABatchSeeTheirOwnWrites() {
        h2.transactions().inTransaction(() -> {
            h2.sessions().save(session("client-1"));
            h2.queues().append("client-1", new StoredDelivery(5, ContractSamples.plainDelivery("q", "m")));

            assertThat(h2.sessions().loadAll()).containsExactly(session("client-1"));
            assertThat(h2.queues().load("client-1")).extracting(StoredDelivery::sequence).containsExactly(5L);

            h2.queues().remove("client-1", 5);
            assertThat(h2.queues().load("client-1")).isEmpty();
        });
    }

    @Test
    void otherThreadsDoNotSeeABatchBeforeItCommits() {
        h2.transactions().inTransaction(() -> {
            h2.sessions().save(session("client-1"));

            List<StoredSession> seenElsewhere =
                    CompletableFuture.supplyAsync(() -> h2.sessions().loadAll()).join();
            assertThat(seenElsewhere).isEmpty();
        });

        assertThat(h2.sessions().loadAll()).containsExactly(session("client-1"));
    }

    @Test
    void aNestedBatchJoinsTheOuterOneAndFailsWithIt() {
        assertThatThrownBy(() -> h2.transactions().inTransaction(() -> {
            h2.transactions().inTransaction(() -> h2.sessions().save(session("inner")));
            throw new IllegalStateException("outer fails after the inner batch");
        })).hasMessage("outer fails after the inner batch");

        assertThat(storage.reopen(opened -> opened).sessions().loadAll()).isEmpty();
    }
}
