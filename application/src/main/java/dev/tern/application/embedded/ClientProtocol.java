package dev.tern.application.embedded;

import dev.tern.application.port.in.ConnectionAcceptor;
import dev.tern.application.port.out.TaskExecutor;
import dev.tern.application.protocol.packet.Connack;
import dev.tern.application.protocol.packet.Connect;
import dev.tern.application.protocol.packet.Disconnect;
import dev.tern.application.protocol.packet.MqttPacket;
import dev.tern.application.protocol.packet.Properties;
import dev.tern.application.protocol.packet.PropertyId;
import dev.tern.application.protocol.packet.ProtocolVersion;
import dev.tern.application.protocol.packet.Puback;
import dev.tern.application.protocol.packet.Pubcomp;
import dev.tern.application.protocol.packet.Publish;
import dev.tern.application.protocol.packet.Pubrec;
import dev.tern.application.protocol.packet.Pubrel;
import dev.tern.application.protocol.packet.ReasonCode;
import dev.tern.application.protocol.packet.Suback;
import dev.tern.application.protocol.packet.Subscribe;
import dev.tern.application.protocol.packet.TopicSubscription;
import dev.tern.application.protocol.packet.Unsuback;
import dev.tern.application.protocol.packet.Unsubscribe;
import dev.tern.domain.message.Qos;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client side of the MQTT 5 protocol for one in-process connection: CONNECT with a clean
 * session that ends when the connection does, SUBSCRIBE with a Subscription Identifier per
 * filter, the QoS 1/2 handshakes in both directions. Received messages go to the callback
 * dispatcher and are acknowledged once their callbacks returned (QoS 2: PUBREC then, PUBCOMP at
 * PUBREL).
 *
 * <p>Threading: confined to the connection thread, {@link InProcessChannel#executor()}; only the
 * futures it completes are read elsewhere.
 */
final class ClientProtocol implements InProcessChannel.Peer {

    private record PendingSubscribe(String filter, int subscriptionId, CompletableFuture<Integer> done) {
    }

    private record PendingUnsubscribe(String filter, CompletableFuture<Void> done) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(ClientProtocol.class);

    private final InProcessClientOptions options;
    private final Runnable onClosed;
    private final InProcessChannel channel;
    private final CallbackDispatcher dispatcher;
    private final PacketIds ids = new PacketIds();
    private final OutgoingPublishes outgoing;
    private final SubscriptionCallbacks callbacks = new SubscriptionCallbacks();
    private final Map<Integer, PendingSubscribe> subscribes = new HashMap<>();
    private final Map<Integer, PendingUnsubscribe> unsubscribes = new HashMap<>();
    /** QoS 2 messages delivered and acknowledged with PUBREC, awaiting PUBREL. */
    private final Set<Integer> awaitingPubrel = new HashSet<>();
    private final CompletableFuture<Void> connected = new CompletableFuture<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();

    /** @param onClosed runs once on the connection thread after the connection ended */
    ClientProtocol(TaskExecutor connectionThread, Executor callbackThread, InProcessClientOptions options,
            Runnable onClosed) {
        this.options = options;
        this.onClosed = onClosed;
        this.channel = new InProcessChannel(connectionThread, options.clientId(), this);
        this.dispatcher = new CallbackDispatcher(callbackThread, channel, options.backlogBytes());
        this.outgoing = new OutgoingPublishes(ids, channel::send);
    }

    CompletableFuture<Void> connected() {
        return connected;
    }

    CompletableFuture<Void> closed() {
        return closed;
    }

    void connect(ConnectionAcceptor acceptor) {
        channel.open(acceptor);
        Properties properties = Properties.builder()
                .integer(PropertyId.RECEIVE_MAXIMUM, options.receiveMaximum()).build();
        channel.send(new Connect(ProtocolVersion.MQTT_5, true, 0, options.clientId(), null, options.username(),
                options.password(), properties));
    }

    void publish(InProcessMessage message, CompletableFuture<Void> done) {
        if (closed.isDone()) {
            done.completeExceptionally(closedException());
        } else {
            outgoing.publish(message, done);
        }
    }

    void subscribe(String filter, int qos, Consumer<InProcessMessage> callback, CompletableFuture<Integer> done) {
        if (closed.isDone()) {
            done.completeExceptionally(closedException());
            return;
        }
        int subscriptionId = callbacks.register(filter, callback);
        int packetId = ids.take();
        subscribes.put(packetId, new PendingSubscribe(filter, subscriptionId, done));
        Properties properties = Properties.builder().integer(PropertyId.SUBSCRIPTION_IDENTIFIER, subscriptionId).build();
        channel.send(new Subscribe(packetId, List.of(TopicSubscription.of(filter, Qos.of(qos))), properties));
    }

    void unsubscribe(String filter, CompletableFuture<Void> done) {
        if (closed.isDone()) {
            done.completeExceptionally(closedException());
            return;
        }
        int packetId = ids.take();
        unsubscribes.put(packetId, new PendingUnsubscribe(filter, done));
        channel.send(new Unsubscribe(packetId, List.of(filter), Properties.EMPTY));
    }

    /** A normal DISCONNECT: the broker ends the session (its expiry is 0) and closes the channel. */
    void disconnect() {
        channel.send(Disconnect.NORMAL);
    }

    @Override
    public void onPacket(MqttPacket packet) {
        if (packet instanceof Publish publish) {
            onPublish(publish);
        } else if (packet instanceof Puback ack) {
            outgoing.onPuback(ack.packetId(), ack.reasonCode(), ack.properties());
        } else if (packet instanceof Pubrec rec) {
            outgoing.onPubrec(rec.packetId(), rec.reasonCode(), rec.properties());
        } else if (packet instanceof Pubcomp comp) {
            outgoing.onPubcomp(comp.packetId(), comp.reasonCode(), comp.properties());
        } else if (packet instanceof Pubrel rel) {
            awaitingPubrel.remove(rel.packetId());
            channel.send(Pubcomp.of(rel.packetId()));
        } else if (packet instanceof Connack connack) {
            onConnack(connack);
        } else if (packet instanceof Suback suback) {
            onSuback(suback);
        } else if (packet instanceof Unsuback unsuback) {
            onUnsuback(unsuback);
        } else if (packet instanceof Disconnect disconnect) {
            LOG.info("{}: disconnected by the broker, reason code 0x{}: {}", options.clientId(),
                    Integer.toHexString(disconnect.reasonCode()),
                    disconnect.properties().string(PropertyId.REASON_STRING));
        }
    }

    private void onConnack(Connack connack) {
        if (connack.reasonCode() >= ReasonCode.UNSPECIFIED_ERROR) {
            connected.completeExceptionally(new RefusedByBrokerException("CONNECT of " + options.clientId(),
                    connack.reasonCode(), connack.properties().string(PropertyId.REASON_STRING)));
            return;
        }
        outgoing.setQuota((int) connack.properties().integer(PropertyId.RECEIVE_MAXIMUM, 0xFFFF));
        connected.complete(null);
    }

    private void onPublish(Publish publish) {
        if (publish.qos() == Qos.EXACTLY_ONCE && !awaitingPubrel.add(publish.packetId())) {
            // A resend of a message whose callbacks ran already: acknowledge, do not deliver twice.
            channel.send(Pubrec.of(publish.packetId()));
            return;
        }
        InProcessMessage message = new InProcessMessage(publish.topic(), publish.payload().toByteArray(),
                publish.qos().value(), publish.retain(), publish.properties().userProperties());
        dispatcher.deliver(callbacks.callbacksFor(publish), message, () -> acknowledgeLater(publish));
    }

    /** On the callback thread, once the callbacks returned. */
    private void acknowledgeLater(Publish publish) {
        if (publish.qos() == Qos.AT_MOST_ONCE) {
            return;
        }
        try {
            channel.executor().execute(() -> channel.send(publish.qos() == Qos.AT_LEAST_ONCE
                    ? Puback.of(publish.packetId()) : Pubrec.of(publish.packetId())));
        } catch (RejectedExecutionException e) {
            LOG.debug("{}: connection gone before a message was acknowledged", options.clientId());
        }
    }

    private void onSuback(Suback suback) {
        PendingSubscribe pending = subscribes.remove(suback.packetId());
        if (pending == null) {
            return;
        }
        ids.release(suback.packetId());
        int code = suback.reasonCodes().isEmpty() ? ReasonCode.UNSPECIFIED_ERROR : suback.reasonCodes().get(0);
        if (code >= ReasonCode.UNSPECIFIED_ERROR) {
            callbacks.refused(pending.filter(), pending.subscriptionId());
            pending.done().completeExceptionally(new RefusedByBrokerException("SUBSCRIBE to " + pending.filter(),
                    code, suback.properties().string(PropertyId.REASON_STRING)));
        } else {
            pending.done().complete(code);
        }
    }

    private void onUnsuback(Unsuback unsuback) {
        PendingUnsubscribe pending = unsubscribes.remove(unsuback.packetId());
        if (pending != null) {
            ids.release(unsuback.packetId());
            callbacks.unsubscribed(pending.filter());
            pending.done().complete(null);
        }
    }

    @Override
    public void onClosed() {
        dispatcher.stop();
        IllegalStateException cause = closedException();
        connected.completeExceptionally(cause);
        outgoing.failAll(cause);
        subscribes.values().forEach(pending -> pending.done().completeExceptionally(cause));
        unsubscribes.values().forEach(pending -> pending.done().completeExceptionally(cause));
        subscribes.clear();
        unsubscribes.clear();
        closed.complete(null);
        onClosed.run();
    }

    private IllegalStateException closedException() {
        return new IllegalStateException("in-process client " + options.clientId() + " is closed");
    }
}
