package dev.tern.application.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.port.cluster.ForwardedMessage;
import dev.tern.application.port.cluster.MessageForwarding;
import dev.tern.application.storage.PendingAck;
import dev.tern.domain.message.ApplicationMessage;
import dev.tern.domain.message.MessageProperties;
import dev.tern.domain.message.Payload;
import dev.tern.domain.message.Qos;
import dev.tern.domain.topic.TopicName;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** One forwarded message to one node: sent as its QoS asks, and the publisher's ack settled by the outcome. */
class ForwardSendTest {

    private final List<String> reports = new ArrayList<>();
    private final List<Boolean> acks = new ArrayList<>();
    private final PendingAck ack = new PendingAck(Runnable::run, acks::add);

    @Test
    void qos0GoesAtMostOnceAndLeavesTheAckToThePublisher() {
        ScriptedForwarding backend = new ScriptedForwarding(null);

        send(backend, Qos.AT_MOST_ONCE);

        assertThat(backend.sent).containsExactly("at most once to b");
        assertThat(reports).containsExactly("sent at most once");
        assertThat(acks).isEmpty();
        ack.release();
        assertThat(acks).containsExactly(true);
    }

    @Test
    void durableSendTheBackendKeptLetsTheAckSayStored() {
        ScriptedForwarding backend = new ScriptedForwarding(CompletableFuture.completedFuture(null));

        send(backend, Qos.AT_LEAST_ONCE);
        ack.release();

        assertThat(backend.sent).containsExactly("durably to b");
        assertThat(reports).containsExactly("sent durably");
        assertThat(acks).containsExactly(true);
    }

    @Test
    void ackWaitsForADurableSendStillUnderway() {
        CompletableFuture<Void> underway = new CompletableFuture<>();
        send(new ScriptedForwarding(underway), Qos.EXACTLY_ONCE);

        ack.release();
        assertThat(acks).isEmpty();

        underway.complete(null);
        assertThat(acks).containsExactly(true);
    }

    @Test
    void durableSendTheBackendRefusedFailsTheAck() {
        send(new ScriptedForwarding(CompletableFuture.failedFuture(new IllegalStateException("inbox full"))),
                Qos.AT_LEAST_ONCE);
        ack.release();

        assertThat(reports).containsExactly("failed to b: inbox full");
        assertThat(acks).containsExactly(false);
    }

    @Test
    void durableSendThatThrowsFailsTheAck() {
        send(new ScriptedForwarding(null), Qos.AT_LEAST_ONCE);
        ack.release();

        assertThat(reports).containsExactly("failed to b: backend gone");
        assertThat(acks).containsExactly(false);
    }

    @Test
    void durableSendWithNobodyWaitingIsStillReported() {
        new ForwardSend(new ScriptedForwarding(CompletableFuture.completedFuture(null)), new Recording())
                .send("b", forwarded(Qos.AT_LEAST_ONCE), null);

        assertThat(reports).containsExactly("sent durably");
    }

    private void send(MessageForwarding backend, Qos qos) {
        new ForwardSend(backend, new Recording()).send("b", forwarded(qos), ack);
    }

    private static ForwardedMessage forwarded(Qos qos) {
        ApplicationMessage message = new ApplicationMessage(new TopicName("t"), Payload.wrap(new byte[] {1}), qos,
                false, MessageProperties.NONE, "publisher", ApplicationMessage.NEVER);
        return ForwardedMessage.relayed("a:1", message, "client");
    }

    private final class Recording implements ForwardSend.Report {
        @Override
        public void sentAtMostOnce() {
            reports.add("sent at most once");
        }

        @Override
        public void sentDurably() {
            reports.add("sent durably");
        }

        @Override
        public void failed(String node, ForwardedMessage forwarded, Throwable error) {
            reports.add("failed to " + node + ": " + error.getMessage());
        }
    }
}
