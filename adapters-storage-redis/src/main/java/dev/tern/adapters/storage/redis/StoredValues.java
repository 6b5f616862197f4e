package dev.tern.adapters.storage.redis;

import dev.tern.domain.delivery.Delivery;
import dev.tern.domain.delivery.OutboundFlow;
import dev.tern.domain.delivery.OutboundFlow.AwaitingPubcomp;
import dev.tern.domain.delivery.OutboundFlow.AwaitingPuback;
import dev.tern.domain.delivery.OutboundFlow.AwaitingPubrec;
import dev.tern.domain.message.ApplicationMessage;
import dev.tern.domain.message.Qos;
import dev.tern.domain.subscription.RetainHandling;
import dev.tern.domain.subscription.SubscriptionOptions;
import dev.tern.domain.will.Will;

/**
 * Every record Tern stores in Redis, to and from bytes. Each value starts with the version of its
 * layout (now {@value #VERSION}); the message part is described in {@link MessageFormat}.
 *
 * <pre>
 * retained message = version message
 * queued delivery  = version delivery
 * will             = version delaySeconds:i64 message
 * in-flight flow   = version state:u8 (1 awaiting PUBACK, 2 awaiting PUBREC, 3 awaiting PUBCOMP)
 *                    packetId:i32 delivery (states 1 and 2 only)
 * subscription     = version qos:u8 noLocal:u8 retainAsPublished:u8 retainHandling:u8 subscriptionId:i32
 * </pre>
 *
 * <p>Threading: stateless.
 */
final class StoredValues {

    static final int VERSION = 1;

    private static final int AWAITING_PUBACK = 1;
    private static final int AWAITING_PUBREC = 2;
    private static final int AWAITING_PUBCOMP = 3;

    private StoredValues() {
    }

    static byte[] message(ApplicationMessage message) {
        ValueWriter out = new ValueWriter(VERSION);
        MessageFormat.writeMessage(out, message);
        return out.toByteArray();
    }

    static ApplicationMessage message(byte[] value, String source) {
        ValueReader in = new ValueReader(value, VERSION, source);
        ApplicationMessage message = MessageFormat.readMessage(in);
        in.expectEnd();
        return message;
    }

    static byte[] delivery(Delivery delivery) {
        ValueWriter out = new ValueWriter(VERSION);
        MessageFormat.writeDelivery(out, delivery);
        return out.toByteArray();
    }

    static Delivery delivery(byte[] value, String source) {
        ValueReader in = new ValueReader(value, VERSION, source);
        Delivery delivery = MessageFormat.readDelivery(in);
        in.expectEnd();
        return delivery;
    }

    static byte[] will(Will will) {
        ValueWriter out = new ValueWriter(VERSION).writeLong(will.delaySeconds()).writeLong(will.messageExpirySeconds());
        MessageFormat.writeMessage(out, will.message());
        return out.toByteArray();
    }

    static Will will(byte[] value, String source) {
        ValueReader in = new ValueReader(value, VERSION, source);
        long delaySeconds = in.readLong();
        long messageExpirySeconds = in.readLong();
        Will will = new Will(MessageFormat.readMessage(in), delaySeconds, messageExpirySeconds);
        in.expectEnd();
        return will;
    }

    static byte[] flow(OutboundFlow flow) {
        ValueWriter out = new ValueWriter(VERSION);
        // Java 17 has no pattern matching for switch; the chain covers the sealed type's three states.
        if (flow instanceof AwaitingPuback puback) {
            out.writeByte(AWAITING_PUBACK).writeInt(puback.packetId());
            MessageFormat.writeDelivery(out, puback.delivery());
        } else if (flow instanceof AwaitingPubrec pubrec) {
            out.writeByte(AWAITING_PUBREC).writeInt(pubrec.packetId());
            MessageFormat.writeDelivery(out, pubrec.delivery());
        } else {
            out.writeByte(AWAITING_PUBCOMP).writeInt(flow.packetId());
        }
        return out.toByteArray();
    }

    static OutboundFlow flow(byte[] value, String source) {
        ValueReader in = new ValueReader(value, VERSION, source);
        int state = in.readByte();
        int packetId = in.readInt();
        OutboundFlow flow = switch (state) {
            case AWAITING_PUBACK -> new AwaitingPuback(packetId, MessageFormat.readDelivery(in));
            case AWAITING_PUBREC -> new AwaitingPubrec(packetId, MessageFormat.readDelivery(in));
            case AWAITING_PUBCOMP -> new AwaitingPubcomp(packetId);
            default -> throw new CorruptValueException(source, "unknown flow state " + state);
        };
        in.expectEnd();
        return flow;
    }

    static byte[] subscriptionOptions(SubscriptionOptions options) {
        return new ValueWriter(VERSION)
                .writeByte(options.qos().value())
                .writeBoolean(options.noLocal())
                .writeBoolean(options.retainAsPublished())
                .writeByte(options.retainHandling().value())
                .writeInt(options.subscriptionId())
                .toByteArray();
    }

    static SubscriptionOptions subscriptionOptions(byte[] value, String source) {
        ValueReader in = new ValueReader(value, VERSION, source);
        SubscriptionOptions options = new SubscriptionOptions(Qos.of(in.readByte()), in.readBoolean(),
                in.readBoolean(), RetainHandling.of(in.readByte()), in.readInt());
        in.expectEnd();
        return options;
    }
}
