package dev.tern.application.embedded;

import dev.tern.application.protocol.packet.MqttPacket;
import dev.tern.application.protocol.packet.Properties;
import dev.tern.application.protocol.packet.PropertyId;
import dev.tern.application.protocol.packet.Publish;
import dev.tern.application.protocol.packet.Pubrel;
import dev.tern.application.protocol.packet.ReasonCode;
import dev.tern.domain.message.Payload;
import dev.tern.domain.message.Qos;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * An in-process client's QoS 1/2 publishes until the broker acknowledged them: never more in flight
 * than the broker's Receive Maximum [MQTT-3.3.4-7], the rest waiting here in order. The stage of
 * each completes at PUBACK (QoS 1) or PUBCOMP (QoS 2), or fails with the reason code of a refusing
 * PUBACK or PUBREC.
 *
 * <p>Threading: confined to the client's connection thread.
 */
final class OutgoingPublishes {

    private record Outgoing(InProcessMessage message, CompletableFuture<Void> done) {
    }

    private final PacketIds ids;
    private final Consumer<MqttPacket> send;
    private final Map<Integer, Outgoing> inFlight = new HashMap<>();
    private final Queue<Outgoing> waiting = new ArrayDeque<>();
    private int quota = 0xFFFF;

    /** @param send sends a packet to the broker */
    OutgoingPublishes(PacketIds ids, Consumer<MqttPacket> send) {
        this.ids = ids;
        this.send = send;
    }

    /** The broker's Receive Maximum, from CONNACK. */
    void setQuota(int receiveMaximum) {
        quota = receiveMaximum;
    }

    void publish(InProcessMessage message, CompletableFuture<Void> done) {
        if (message.qos() == 0) {
            send.accept(packet(message, 0));
            done.complete(null);
        } else if (inFlight.size() < quota) {
            transmit(new Outgoing(message, done));
        } else {
            waiting.add(new Outgoing(message, done));
        }
    }

    void onPuback(int packetId, int reasonCode, Properties properties) {
        finish(packetId, reasonCode, properties, "PUBLISH");
    }

    void onPubrec(int packetId, int reasonCode, Properties properties) {
        if (reasonCode >= ReasonCode.UNSPECIFIED_ERROR) {
            finish(packetId, reasonCode, properties, "PUBLISH");
        } else if (inFlight.containsKey(packetId)) {
            send.accept(Pubrel.of(packetId));
        }
    }

    void onPubcomp(int packetId, int reasonCode, Properties properties) {
        finish(packetId, reasonCode, properties, "PUBREL");
    }

    /** The connection ended: every publish not yet acknowledged fails with {@code cause}. */
    void failAll(RuntimeException cause) {
        inFlight.values().forEach(outgoing -> outgoing.done().completeExceptionally(cause));
        waiting.forEach(outgoing -> outgoing.done().completeExceptionally(cause));
        inFlight.clear();
        waiting.clear();
    }

    private void finish(int packetId, int reasonCode, Properties properties, String request) {
        Outgoing outgoing = inFlight.remove(packetId);
        if (outgoing == null) {
            return;
        }
        ids.release(packetId);
        if (reasonCode >= ReasonCode.UNSPECIFIED_ERROR) {
            outgoing.done().completeExceptionally(new RefusedByBrokerException(request + " to "
                    + outgoing.message().topic(), reasonCode, properties.string(PropertyId.REASON_STRING)));
        } else {
            outgoing.done().complete(null);
        }
        while (!waiting.isEmpty() && inFlight.size() < quota) {
            transmit(waiting.remove());
        }
    }

    private void transmit(Outgoing outgoing) {
        int packetId = ids.take();
        inFlight.put(packetId, outgoing);
        send.accept(packet(outgoing.message(), packetId));
    }

    private static Publish packet(InProcessMessage message, int packetId) {
        Properties properties = Properties.builder().userProperties(message.userProperties()).build();
        return new Publish(false, Qos.of(message.qos()), message.retain(), message.topic(), packetId, properties,
                Payload.wrap(message.payload()));
    }
}
