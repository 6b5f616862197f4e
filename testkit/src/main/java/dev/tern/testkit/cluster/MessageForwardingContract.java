package dev.tern.testkit.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.application.port.cluster.ClusterSignal;
import dev.tern.application.port.cluster.ForwardedMessage;
import dev.tern.application.port.cluster.MessageForwarding;
import dev.tern.domain.message.ApplicationMessage;
import dev.tern.domain.message.Qos;
import dev.tern.testkit.cluster.RecordingReceiver.Received;
import dev.tern.testkit.storage.ContractSamples;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every {@link MessageForwarding} must do, between several nodes of one backend. Extend it
 * once per backend: {@link #join} gives a node's forwarding on the backend the test instance uses
 * (fresh and empty per test) with the bound {@link #BOUND} and the clock {@link #CLOCK}; joining a
 * node again after {@link #stop} is that node's restart.
 */
public abstract class MessageForwardingContract {

    /** The bound on a node's unsettled durable messages the backend under test must use. */
    protected static final int BOUND = 8;

    /** The clock every node uses: fixed, before the samples' expiry deadline. */
    protected static final Clock CLOCK = Clock.fixed(Instant.parse("2025-12-01T00:00:00Z"), ZoneOffset.UTC);

    /** Node {@code nodeId}'s forwarding on this test's backend (again after {@link #stop}: a restart). */
    protected abstract MessageForwarding join(String nodeId);

    /** Stops {@code nodeId} receiving, as closing its cluster backend does; its messages stay stored. */
    protected abstract void stop(String nodeId);

    /** Drops {@code nodeId}'s connection to the backend; the backend re-establishes it by itself. */
    protected abstract void interruptLink(String nodeId);

    private static ForwardedMessage forwarded(String id) {
        return new ForwardedMessage(id, ContractSamples.plainMessage("t/" + id, id).withQos(Qos.AT_LEAST_ONCE), true,
                Set.of());
    }

    private static void await(CompletionStage<Void> send) {
        try {
            send.toCompletableFuture().get(Awaited.WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("the send did not complete", e);
        }
    }

    /**
     * A message arrives as sent: every field and property of the message, the expiry deadline
     * (carried across as time left, on the one clock the same deadline), plain and the shared groups.
     */
    @Test
    void forwardsEveryFieldOfAMessage() {
        MessageForwarding a = join("a");
        RecordingReceiver onB = RecordingReceiver.settling();
        join("b").receive(onB);
        ForwardedMessage full = new ForwardedMessage("a:1", ContractSamples.fullMessage("sensors/1"), false,
                Set.of("$share/g1/sensors/+", "$share/g2/#"));
        ForwardedMessage sparse = new ForwardedMessage("a:2", ContractSamples.sparseMessage("sensors/2"), true, Set.of());

        a.sendAtMostOnce("b", full);
        await(a.sendDurably("b", sparse));

        List<ForwardedMessage> got = List.of(onB.nextMessage().message(), onB.nextMessage().message());
        assertThat(got).containsExactlyInAnyOrder(full, sparse);
    }

    /** The expiry keeps counting down: what was left when sent is what is left when received. */
    @Test
    void expiryIsCarriedAsTimeLeft() {
        MessageForwarding a = join("a");
        RecordingReceiver onB = RecordingReceiver.settling();
        join("b").receive(onB);
        ApplicationMessage plain = ContractSamples.plainMessage("e", "x");
        ApplicationMessage expiring = new ApplicationMessage(plain.topic(), plain.payload(), Qos.AT_LEAST_ONCE, false,
                plain.properties(), "p", CLOCK.millis() + 60_000);

        await(a.sendDurably("b", new ForwardedMessage("a:1", expiring, true, Set.of())));

        ApplicationMessage received = onB.nextMessage().message().message();
        assertThat(received.remainingExpirySeconds(CLOCK.millis())).isEqualTo(60);
    }

    /** An at-most-once message reaches the node it is sent to, and no other. */
    @Test
    void atMostOnceReachesOnlyItsNode() {
        MessageForwarding a = join("a");
        RecordingReceiver onB = RecordingReceiver.settling();
        RecordingReceiver onC = RecordingReceiver.settling();
        join("b").receive(onB);
        join("c").receive(onC);

        a.sendAtMostOnce("b", forwarded("a:1"));
        a.sendAtMostOnce("c", forwarded("a:marker"));

        assertThat(onB.nextMessage().id()).isEqualTo("a:1");
        assertThat(onC.nextMessage().id()).isEqualTo("a:marker");
    }

    /** Messages from one node arrive in the order it sent them, at most once and durably alike. */
    @Test
    void keepsTheSendersOrder() {
        MessageForwarding a = join("a");
        RecordingReceiver onB = RecordingReceiver.settling();
        RecordingReceiver onC = RecordingReceiver.settling();
        join("b").receive(onB);
        join("c").receive(onC);
        List<String> sent = new ArrayList<>();
        List<CompletionStage<Void>> sends = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            sent.add("a:" + i);
            a.sendAtMostOnce("b", forwarded("a:" + i));
        }
        // Durable sends all at once, without waiting: within the bound, since settling is asynchronous.
        for (int i = 0; i < BOUND; i++) {
            sends.add(a.sendDurably("c", forwarded("a:" + i)));
        }
        sends.forEach(MessageForwardingContract::await);

        List<String> onBIds = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            onBIds.add(onB.nextMessage().id());
        }
        List<String> onCIds = new ArrayList<>();
        for (int i = 0; i < BOUND; i++) {
            onCIds.add(onC.nextMessage().id());
        }
        assertThat(onBIds).isEqualTo(sent);
        assertThat(onCIds).isEqualTo(sent.subList(0, BOUND));
    }

    /** Durable messages not settled come again when the node receives next; settled ones do not. */
    @Test
    void unsettledDurableMessagesComeAgainAfterARestart() {
        MessageForwarding a = join("a");
        RecordingReceiver first = RecordingReceiver.holding();
        join("b").receive(first);
        for (int i = 1; i <= 3; i++) {
            await(a.sendDurably("b", forwarded("a:" + i)));
        }
        Received one = first.nextMessage();
        Received two = first.nextMessage();
        Received three = first.nextMessage();
        assertThat(List.of(one.id(), two.id(), three.id())).containsExactly("a:1", "a:2", "a:3");

        two.settle();
        stop("b");
        RecordingReceiver second = RecordingReceiver.settling();
        join("b").receive(second);

        assertThat(second.nextMessage().id()).isEqualTo("a:1");
        assertThat(second.nextMessage().id()).isEqualTo("a:3");
        stop("b");
        RecordingReceiver third = RecordingReceiver.settling();
        join("b").receive(third);
        await(a.sendDurably("b", forwarded("a:marker")));
        assertThat(third.nextMessage().id()).isEqualTo("a:marker");
    }

    /** Durable messages sent while the node does not receive wait for it. */
    @Test
    void durableMessagesWaitForANodeThatIsDown() {
        MessageForwarding a = join("a");
        join("b");

        await(a.sendDurably("b", forwarded("a:1")));
        await(a.sendDurably("b", forwarded("a:2")));
        RecordingReceiver onB = RecordingReceiver.settling();
        join("b").receive(onB);

        assertThat(onB.nextMessage().id()).isEqualTo("a:1");
        assertThat(onB.nextMessage().id()).isEqualTo("a:2");
    }

    /** The adopter of a departed node gets its unsettled messages; then they are gone from the backend. */
    @Test
    void drainingADepartedNodeHandsItsMessagesOverAndDeletesThem() {
        MessageForwarding a = join("a");
        join("b");
        MessageForwarding adopter = join("c");
        await(a.sendDurably("b", forwarded("a:1")));
        await(a.sendDurably("b", forwarded("a:2")));

        RecordingReceiver adopted = RecordingReceiver.settling();
        adopter.drainDeparted("b", adopted);

        assertThat(List.of(adopted.nextMessage().id(), adopted.nextMessage().id())).containsExactly("a:1", "a:2");
        stop("b");
        RecordingReceiver back = RecordingReceiver.settling();
        join("b").receive(back);
        await(a.sendDurably("b", forwarded("a:marker")));
        assertThat(back.nextMessage().id()).isEqualTo("a:marker");
    }

    /** A node's unsettled durable messages are bounded: beyond the bound a send fails; settling makes room. */
    @Test
    void refusesDurableMessagesBeyondTheBound() {
        MessageForwarding a = join("a");
        join("b");
        for (int i = 0; i < BOUND; i++) {
            await(a.sendDurably("b", forwarded("a:" + i)));
        }

        CompletionStage<Void> refused = a.sendDurably("b", forwarded("a:refused"));

        assertThatThrownBy(() -> refused.toCompletableFuture().get(Awaited.WAIT.toMillis(), TimeUnit.MILLISECONDS))
                .hasCauseInstanceOf(RuntimeException.class);
        RecordingReceiver onB = RecordingReceiver.settling();
        join("b").receive(onB);
        for (int i = 0; i < BOUND; i++) {
            assertThat(onB.nextMessage().id()).isEqualTo("a:" + i);
        }
        stop("b");
        await(a.sendDurably("b", forwarded("a:room")));
    }

    /** Signals reach the node they are sent to, in order. */
    @Test
    void signalsReachTheirNodeInOrder() {
        MessageForwarding a = join("a");
        RecordingReceiver onB = RecordingReceiver.settling();
        join("b").receive(onB);
        ClusterSignal takeOver = new ClusterSignal.TakeOver("client-ü", "a", 42, true);
        ClusterSignal released = new ClusterSignal.Released("client-ü", 41);

        a.signal("b", takeOver);
        a.signal("b", released);

        assertThat(onB.nextSignal()).isEqualTo(takeOver);
        assertThat(onB.nextSignal()).isEqualTo(released);
    }

    /** A retained change reaches every other node, deletes (empty payload) included, but not its sender. */
    @Test
    void retainedChangesReachEveryOtherNode() {
        MessageForwarding a = join("a");
        MessageForwarding b = join("b");
        RecordingReceiver onA = RecordingReceiver.settling();
        RecordingReceiver onB = RecordingReceiver.settling();
        RecordingReceiver onC = RecordingReceiver.settling();
        a.receive(onA);
        b.receive(onB);
        join("c").receive(onC);
        ApplicationMessage set = ContractSamples.fullMessage("status/1");
        ApplicationMessage deleted = ApplicationMessage.of("status/1", new byte[0], Qos.AT_MOST_ONCE, true);

        a.broadcastRetained(set);
        a.broadcastRetained(deleted);
        b.broadcastRetained(ContractSamples.plainMessage("marker", "m"));

        assertThat(List.of(onB.nextRetained(), onB.nextRetained())).containsExactly(set, deleted);
        // c hears both senders; only each sender's own order is kept.
        List<ApplicationMessage> onCFromA = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ApplicationMessage heard = onC.nextRetained();
            if (!heard.topic().value().equals("marker")) {
                onCFromA.add(heard);
            }
        }
        assertThat(onCFromA).containsExactly(set, deleted);
        assertThat(onA.nextRetained().topic().value()).isEqualTo("marker");
    }

    /** A node whose link came back hears resync, and durable messages still reach it. */
    @Test
    void aNodeWhoseLinkCameBackHearsResync() {
        MessageForwarding a = join("a");
        RecordingReceiver onB = RecordingReceiver.settling();
        join("b").receive(onB);

        interruptLink("b");

        assertThat(onB.awaitResync()).isTrue();
        await(a.sendDurably("b", forwarded("a:after")));
        assertThat(onB.nextMessage().id()).isEqualTo("a:after");
    }
}
