package dev.tern.application.service;

import dev.tern.application.protocol.packet.Publish;
import dev.tern.domain.delivery.Delivery;
import dev.tern.domain.message.ApplicationMessage;
import java.util.function.Function;

/**
 * The PUBLISH packet of the last QoS 0 delivery a thread sent, kept so that the next sessions
 * given the same {@link Delivery} (a fan-out: routing shares one copy among every target with the
 * same QoS and RETAIN and no subscription identifier) send that packet instead of each building an
 * equal one: one object per message and thread instead of one per receiver.
 *
 * <p>A QoS 0 packet depends on nothing of the session that sends it (no packet id, never DUP), and
 * without a message expiry on nothing of the moment either, so it is a function of the delivery
 * alone; deliveries are compared by identity. A message with an expiry is built each time: its
 * remaining lifetime is read from the clock per send.
 *
 * <p>Threading: one entry per thread, never shared between event loops. Packets are immutable, so
 * one sent on several connections of the thread is safe.
 */
final class SharedQos0Publish {

    private static final ThreadLocal<Entry> LAST = ThreadLocal.withInitial(Entry::new);

    private SharedQos0Publish() {
    }

    /** The packet for QoS 0 {@code delivery}: the one this thread built for it last, or one {@code build} makes. */
    static Publish of(Delivery delivery, Function<Delivery, Publish> build) {
        if (delivery.message().expiresAtMillis() != ApplicationMessage.NEVER) {
            return build.apply(delivery);
        }
        Entry last = LAST.get();
        if (last.delivery != delivery) {
            last.packet = build.apply(delivery);
            last.delivery = delivery;
        }
        return last.packet;
    }

    /** Mutable, confined to its thread. */
    private static final class Entry {
        private Delivery delivery;
        private Publish packet;
    }
}
