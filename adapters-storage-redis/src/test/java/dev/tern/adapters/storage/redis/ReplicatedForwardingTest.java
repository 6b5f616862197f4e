package dev.tern.adapters.storage.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.application.port.cluster.ForwardedMessage;
import dev.tern.testkit.cluster.RecordingReceiver;
import dev.tern.testkit.storage.ContractSamples;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With replicas asked for ({@code storage.redis.wait-replicas}) a durable send completes only once
 * a replica confirmed its inbox entry, so that a failover to that replica cannot lose a message
 * its publisher was told is safe; without replicas asked for, and for at-most-once publishes, no
 * {@code WAIT} is sent at all.
 */
class ReplicatedForwardingTest {

    private static final long BOUND = 1_000;
    private static final long SECONDS = 20;

    private static ReplicatedRedis redis;
    private RedisClusterNodes nodes;

    @BeforeAll
    static void start() {
        redis = ReplicatedRedis.start();
    }

    @AfterAll
    static void stop() {
        if (redis != null) {
            redis.close();
        }
    }

    @BeforeEach
    void join() {
        nodes = new RedisClusterNodes(() -> ClientConfig.of(RedisStorageSettings.of(redis.primaryUrl())),
                () -> List.of(redis.primary()));
    }

    @AfterEach
    void leave() {
        redis.resumeReplica();
        nodes.close();
    }

    private static ForwardedMessage message(String id) {
        return new ForwardedMessage(id, ContractSamples.plainMessage("t", id), true, Set.of());
    }

    private static CompletableFuture<Void> send(RedisForwarding from, String id) {
        return from.sendDurably("b", message(id)).toCompletableFuture();
    }

    private long onReplica(String... command) throws IOException {
        try (RespClient replica = redis.replica()) {
            return (Long) replica.call(command);
        }
    }

    @Test
    void aDurableSendCompletesOnlyOnceThePausedReplicaIsBackAndHoldsTheEntry() throws Exception {
        RedisForwarding a = nodes.forwarding("a", Clock.systemUTC(), BOUND, new ReplicaWait(1, Duration.ofSeconds(15)));
        redis.pauseReplica();

        CompletableFuture<Void> sent = send(a, "m1");
        // The primary applies the entry at once; only the replica's confirmation is missing.
        Thread.sleep(500);
        boolean doneWhilePaused = sent.isDone();
        redis.resumeReplica();
        sent.get(SECONDS, TimeUnit.SECONDS);

        assertThat(doneWhilePaused).isFalse();
        assertThat(onReplica("XLEN", nodes.keys().inbox("b"))).isEqualTo(1L);
    }

    @Test
    void aDurableSendFailsWhenNoReplicaConfirmsItInTimeAndTheNextOneSucceedsOnceItIsBack() throws Exception {
        RedisForwarding a = nodes.forwarding("a", Clock.systemUTC(), BOUND, new ReplicaWait(1, Duration.ofMillis(300)));
        redis.pauseReplica();

        CompletableFuture<Void> unconfirmed = send(a, "lost-in-a-failover");

        assertThatThrownBy(() -> unconfirmed.get(SECONDS, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(StorageUnavailableException.class)
                .hasMessageContaining("0 of 1 replicas");
        redis.resumeReplica();
        send(a, "confirmed").get(SECONDS, TimeUnit.SECONDS);
        // The primary kept the unconfirmed entry (it cannot be undone): the receiver may see it.
        assertThat(onReplica("XLEN", nodes.keys().inbox("b"))).isEqualTo(2L);
    }

    @Test
    void noWaitIsSentWithoutReplicasAskedForNorForAtMostOnceMessages() throws Exception {
        RedisForwarding trusting = nodes.forwarding("a", Clock.systemUTC(), BOUND, ReplicaWait.NONE);
        RedisForwarding waiting = nodes.forwarding("c", Clock.systemUTC(), BOUND, new ReplicaWait(1, Duration.ofSeconds(1)));
        RecordingReceiver onB = RecordingReceiver.holding();
        nodes.forwarding("b", Clock.systemUTC(), BOUND).receive(onB);
        try (RespClient primary = redis.primary()) {
            primary.call("CONFIG", "RESETSTAT");

            send(trusting, "durable").get(SECONDS, TimeUnit.SECONDS);
            waiting.sendAtMostOnce("b", message("at-most-once"));

            assertThat(List.of(onB.nextMessage().id(), onB.nextMessage().id()))
                    .containsExactlyInAnyOrder("durable", "at-most-once");
            assertThat((String) primary.call("INFO", "commandstats")).doesNotContain("cmdstat_wait:");
        }
    }
}
