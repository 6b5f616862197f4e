package dev.tern.application.cluster;

import dev.tern.application.port.cluster.ForwardedMessage;
import dev.tern.application.port.cluster.MessageForwarding;
import dev.tern.application.storage.PendingAck;
import dev.tern.domain.message.Qos;

/**
 * Sends one {@link ForwardedMessage} to one node the way its QoS asks: QoS 0 at most once, QoS 1
 * and 2 durably, each durable send one more write the publisher's {@link PendingAck} waits for
 * (failing it when the send fails, so that the publisher is never told an unsent message is safe).
 * What each send came to goes to a {@link Report}: the forwarder counts it, the handover relay
 * logs it.
 *
 * <p>Threading: thread-safe; a send does not block. The report is called on the sending thread
 * or, for a durable send, on the backend's completion thread.
 */
final class ForwardSend {

    /** What a send came to: one call per send. Only a failure must be heard. */
    interface Report {
        void failed(String node, ForwardedMessage forwarded, Throwable error);

        default void sentAtMostOnce() {
        }

        default void sentDurably() {
        }
    }

    private final MessageForwarding forwarding;
    private final Report report;

    ForwardSend(MessageForwarding forwarding, Report report) {
        this.forwarding = forwarding;
        this.report = report;
    }

    /** @param ack the publisher's ack, null when nobody waits (a forward no publisher asked for) */
    void send(String node, ForwardedMessage forwarded, PendingAck ack) {
        if (forwarded.message().qos() == Qos.AT_MOST_ONCE) {
            try {
                forwarding.sendAtMostOnce(node, forwarded);
                report.sentAtMostOnce();
            } catch (RuntimeException e) {
                report.failed(node, forwarded, e);
            }
            return;
        }
        if (ack != null) {
            ack.expect();
        }
        try {
            forwarding.sendDurably(node, forwarded).whenComplete((done, error) -> {
                if (error == null) {
                    report.sentDurably();
                } else {
                    report.failed(node, forwarded, error);
                }
                settle(ack, error == null);
            });
        } catch (RuntimeException e) {
            report.failed(node, forwarded, e);
            settle(ack, false);
        }
    }

    private static void settle(PendingAck ack, boolean sent) {
        if (ack == null) {
            return;
        }
        if (sent) {
            ack.done();
        } else {
            ack.failed();
        }
    }
}
