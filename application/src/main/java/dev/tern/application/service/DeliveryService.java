package dev.tern.application.service;

import dev.tern.application.config.MqttSettings;
import dev.tern.application.limits.LimitCounters;
import dev.tern.application.limits.LimitCounters.Limit;
import dev.tern.application.port.out.Authorizer;
import dev.tern.application.protocol.codec.PacketEncoder;
import dev.tern.application.protocol.packet.MqttPacket;
import dev.tern.application.protocol.packet.Properties;
import dev.tern.application.protocol.packet.PropertyId;
import dev.tern.application.protocol.packet.Publish;
import dev.tern.application.protocol.packet.PublishPropertiesMapper;
import dev.tern.application.protocol.packet.Pubrel;
import dev.tern.application.session.ClientSession;
import dev.tern.application.session.PacketSink;
import dev.tern.application.storage.PendingAck;
import dev.tern.application.storage.StateRecorder;
import dev.tern.domain.delivery.Delivery;
import dev.tern.domain.delivery.InflightWindow;
import dev.tern.domain.delivery.OutboundFlow;
import dev.tern.domain.delivery.OutboundQueue;
import dev.tern.domain.delivery.TokenBucket;
import dev.tern.domain.message.ApplicationMessage;
import dev.tern.domain.message.MessageProperties;
import dev.tern.domain.message.Qos;
import dev.tern.domain.session.Session;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends messages to one session's client: straight out when the client is online, writable and
 * has room in its in-flight window, otherwise into the session's bounded queue (4.4, 4.6). Messages
 * it does not deliver go to {@link DeliveryDrops}.
 *
 * <p>With {@code limits.delivery.rate} set, each session has a token bucket, and {@link
 * DeliveryPacing} decides about a message above the rate. Without it the bucket is null and costs
 * one null check per message.
 *
 * <p>Threading: every method runs inside a task of the session's executor.
 */
public final class DeliveryService {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryService.class);

    private final Clock clock;
    private final boolean queueQos0WhileOffline;
    private final DeliveryDrops drops;
    private final StateRecorder recorder;
    private final Authorizer authorizer;
    /** Whether reads are checked at all: with nothing configured the hot path asks nobody. */
    private final boolean checksReads;

    private final TrafficMeters traffic;
    private final DeliveryPacing pacing;
    private final LimitCounters limits;
    /** Built once: a method reference made per send would be an allocation per message. */
    private final Function<Delivery, Publish> qos0Publish = d -> toPublish(d, 0, false);

    /** @param limits counts the messages dropped or held back by the session byte bounds */
    public DeliveryService(Clock clock, boolean queueQos0WhileOffline, DeliveryDrops drops,
            StateRecorder recorder, Authorizer authorizer, TrafficMeters traffic, LimitCounters limits) {
        this.limits = limits;
        this.traffic = traffic;
        this.clock = clock;
        this.recorder = recorder;
        this.queueQos0WhileOffline = queueQos0WhileOffline;
        this.drops = drops;
        this.pacing = new DeliveryPacing(drops);
        this.authorizer = authorizer;
        this.checksReads = authorizer != Authorizer.ALLOW_ALL;
    }

    /** A published message, not retained, matched no subscription. */
    void noSubscriber() {
        drops.noSubscriber();
    }

    /**
     * Delivers now or queues; order per session is kept, since nothing overtakes the queue. {@code
     * ack}, when not null, waits for the copy this session must keep to be stored.
     */
    public void deliver(ClientSession session, Delivery delivery, PendingAck ack) {
        PacketSink out = session.connection();
        Session state = session.state();
        if (out == null) {
            if (delivery.message().qos() == Qos.AT_MOST_ONCE && !queueQos0WhileOffline) {
                drops.offlineQos0(session.clientId(), delivery.message());
                return;
            }
            enqueue(session, delivery, ack);
            return;
        }
        if (state.hasQueued() || !out.isWritable() || !trySend(session, out, delivery, ack, null)) {
            enqueue(session, delivery, ack);
        }
    }

    /** Sends queued messages while the client is writable and its window has room. */
    public void drain(ClientSession session) {
        PacketSink out = session.connection();
        if (out == null) {
            return;
        }
        if (!session.state().hasQueued()) {
            return;
        }
        OutboundQueue queue = session.state().queue();
        SentTally tally = new SentTally();
        try {
            while (out.isWritable()) {
                Delivery next = queue.peek();
                if (next == null || !trySend(session, out, next, null, tally)) {
                    return;
                }
                queue.poll();
                recorder.dequeued(session, next);
            }
        } finally {
            tally.reportTo(traffic);
        }
    }

    /**
     * On reconnect: resends every unacknowledged PUBLISH with DUP set and every owed PUBREL, in
     * their original order [MQTT-4.4.0-1], then drains the queue.
     */
    public void resume(ClientSession session) {
        // Most sessions resume with nothing in flight: then there is no copy of the window to walk.
        if (session.state().hasInflight()) {
            resend(session.connection(), session.state().inflight().inOrder());
        }
        drain(session);
    }

    private void resend(PacketSink out, List<OutboundFlow> unacknowledged) {
        for (OutboundFlow flow : unacknowledged) {
            if (flow instanceof OutboundFlow.AwaitingPuback a) {
                out.send(toPublish(a.delivery(), a.packetId(), true));
            } else if (flow instanceof OutboundFlow.AwaitingPubrec r) {
                out.send(toPublish(r.delivery(), r.packetId(), true));
            } else {
                out.send(Pubrel.of(flow.packetId()));
            }
        }
    }

    /** PUBACK from the client: ends a QoS 1 flow and frees its slot. */
    public void onPuback(ClientSession session, int packetId) {
        InflightWindow inflight = session.state().inflight();
        OutboundFlow flow = inflight.get(packetId);
        if (flow == null) {
            LOG.debug("{}: PUBACK for unknown packet {}", session.clientId(), packetId);
            return;
        }
        if (flow.onPuback() instanceof OutboundFlow.Step.Completed) {
            inflight.complete(packetId);
            recorder.flowCompleted(session, packetId);
            drain(session);
        } else {
            LOG.debug("{}: unexpected PUBACK for packet {}", session.clientId(), packetId);
        }
    }

    /** PUBREC from the client: answers PUBREL (4.3.3) and waits for PUBCOMP. */
    public void onPubrec(ClientSession session, int packetId) {
        InflightWindow inflight = session.state().inflight();
        OutboundFlow flow = inflight.get(packetId);
        PacketSink out = session.connection();
        if (flow == null) {
            // Not ours (or already complete): the spec still wants the exchange to finish.
            out.send(Pubrel.of(packetId));
            return;
        }
        OutboundFlow.Step step = flow.onPubrec();
        if (step instanceof OutboundFlow.Step.SendPubrel send) {
            inflight.advance(send.next());
            recorder.flowSaved(session, send.next(), null);
            recorder.whenStored(session, () -> sendIfStillOpen(session, out, send.next(), Pubrel.of(packetId)));
        } else if (flow instanceof OutboundFlow.AwaitingPubcomp) {
            // A repeated PUBREC: our PUBREL may have been lost, so send it again.
            out.send(Pubrel.of(packetId));
        } else {
            LOG.debug("{}: {}", session.clientId(), ((OutboundFlow.Step.Unexpected) step).why());
        }
    }

    /** PUBCOMP from the client: ends a QoS 2 flow and frees its slot. */
    public void onPubcomp(ClientSession session, int packetId) {
        InflightWindow inflight = session.state().inflight();
        OutboundFlow flow = inflight.get(packetId);
        if (flow != null && flow.onPubcomp() instanceof OutboundFlow.Step.Completed) {
            inflight.complete(packetId);
            recorder.flowCompleted(session, packetId);
            drain(session);
        } else {
            LOG.debug("{}: unexpected PUBCOMP for packet {}", session.clientId(), packetId);
        }
    }

    private void enqueue(ClientSession session, Delivery delivery, PendingAck ack) {
        OutboundQueue queue = session.state().queue();
        OutboundQueue.Offer offer = queue.offer(delivery);
        if (offer.accepted()) {
            recorder.queued(session, delivery, ack);
        }
        if (offer.dropped() != null) {
            if (offer.onBytes()) {
                limits.hit(Limit.QUEUED_BYTES);
            }
            queueFull(session, offer.dropped(), offer.accepted() ? "drop-oldest" : "refuse-newest");
        }
        // A message that took the queue past its byte bound pushes out as many old ones as it needs.
        for (Delivery old = queue.trimOldest(); old != null; old = queue.trimOldest()) {
            limits.hit(Limit.QUEUED_BYTES);
            queueFull(session, old, "drop-oldest");
        }
    }

    private void queueFull(ClientSession session, Delivery dropped, String policy) {
        recorder.dequeued(session, dropped);
        drops.queueFull(session.clientId(), dropped.message(), policy);
    }

    /**
     * Sends one delivery if the window allows; false when it must wait. Expired, no longer readable
     * and oversized ones are consumed without sending. A QoS 1/2 delivery is recorded as an open
     * flow. What is sent is counted in {@code tally} when there is one (a drain), else at once.
     */
    private boolean trySend(ClientSession session, PacketSink out, Delivery delivery, PendingAck ack, SentTally tally) {
        Session state = session.state();
        ApplicationMessage message = delivery.message();
        TokenBucket rate = state.deliveryRate();
        // Most messages never expire and most sessions have no delivery rate: the clock is read
        // only when one of them needs it.
        long now = message.expiresAtMillis() != ApplicationMessage.NEVER || rate != null ? clock.millis() : 0;
        if (message.isExpiredAt(now)) {
            drops.expired(session.clientId(), message);
            return true;
        }
        if (checksReads && !authorizer.canRead(out.identity(), message.topic())) {
            // A denied topic under a granted wildcard, or rights withdrawn after the client
            // subscribed (an edited ACL): the message is dropped for this client as if delivered.
            drops.notAuthorized(session.clientId(), message);
            return true;
        }
        if (out.maximumPacketSize() < MqttSettings.PROTOCOL_MAX_PACKET_SIZE && tooLarge(out, delivery)) {
            // MQTT 5 [MQTT-3.1.2-24/25]: never send a packet above the client's Maximum Packet Size; the
            // message is dropped for this client as if it had been delivered.
            drops.tooLarge(session.clientId(), message);
            return true;
        }
        if (rate != null && rate.millisUntilNext(now) > 0) {
            return pacing.overRate(session, message, rate, now, this::drain);
        }
        if (message.qos() == Qos.AT_MOST_ONCE) {
            out.send(SharedQos0Publish.of(delivery, qos0Publish));
            countSent(0, message.payload().size(), tally);
            DeliveryPacing.taken(rate, now);
            return true;
        }
        OutboundFlow flow = state.inflight().open(delivery);
        if (flow == null) {
            if (!state.inflight().isFull()) {
                limits.hit(Limit.INFLIGHT_BYTES); // room for one more message, not for its bytes
            }
            return false;
        }
        DeliveryPacing.taken(rate, now);
        recorder.flowSaved(session, flow, ack);
        Publish publish = toPublish(delivery, flow.packetId(), false);
        if (message.qos() == Qos.EXACTLY_ONCE) {
            recorder.whenStored(session, () -> sendIfStillOpen(session, out, flow, publish));
        } else {
            out.send(publish);
        }
        countSent(message.qos().value(), message.payload().size(), tally);
        return true;
    }

    private void countSent(int qos, int payloadBytes, SentTally tally) {
        if (tally != null) {
            tally.sent(qos, payloadBytes);
        } else {
            traffic.sent(qos, payloadBytes);
        }
    }

    /*
     * A QoS 2 step stored before it leaves (see StateRecorder.whenStored): sent if the flow is
     * still at that step on the same connection. Otherwise the client reconnected meanwhile and the
     * resend of open flows covers it, or the flow moved on.
     */
    private static void sendIfStillOpen(ClientSession session, PacketSink out, OutboundFlow flow, MqttPacket packet) {
        if (session.connection() == out && session.state().inflight().get(flow.packetId()) == flow) {
            out.send(packet);
        }
    }

    private boolean tooLarge(PacketSink out, Delivery delivery) {
        int packetId = delivery.message().qos() == Qos.AT_MOST_ONCE ? 0 : 1;
        return PacketEncoder.encodedSize(toPublish(delivery, packetId, false), out.version()) > out.maximumPacketSize();
    }

    private Publish toPublish(Delivery delivery, int packetId, boolean dup) {
        ApplicationMessage message = delivery.message();
        return new Publish(dup, message.qos(), message.retain(), message.topic().value(), packetId,
                publishProperties(delivery), message.payload());
    }

    /** MQTT 5 properties forwarded to the subscriber; the encoder drops them on 3.x connections. */
    private Properties publishProperties(Delivery delivery) {
        ApplicationMessage message = delivery.message();
        MessageProperties props = message.properties();
        if (props.isEmpty() && delivery.subscriptionIds().isEmpty() && message.expiresAtMillis() == ApplicationMessage.NEVER) {
            return Properties.EMPTY;
        }
        Properties.Builder builder = Properties.builder();
        long remaining = message.remainingExpirySeconds(clock.millis());
        if (remaining >= 0) {
            builder.integer(PropertyId.MESSAGE_EXPIRY_INTERVAL, remaining);
        }
        PublishPropertiesMapper.write(props, builder);
        for (int id : delivery.subscriptionIds()) {
            builder.integer(PropertyId.SUBSCRIPTION_IDENTIFIER, id);
        }
        return builder.build();
    }
}
