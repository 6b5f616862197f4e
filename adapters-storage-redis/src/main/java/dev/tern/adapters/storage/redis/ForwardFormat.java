package dev.tern.adapters.storage.redis;

import dev.tern.application.port.cluster.ClusterSignal;
import dev.tern.application.port.cluster.ClusterSignal.Released;
import dev.tern.application.port.cluster.ClusterSignal.TakeOver;
import dev.tern.application.port.cluster.ForwardedMessage;
import dev.tern.domain.message.ApplicationMessage;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;

/**
 * What one node sends another through Redis, to and from bytes, in the value layout of
 * {@link StoredValues} (version byte first, {@link MessageFormat} for the message):
 *
 * <pre>
 * forwarded   = version id:string plain:u8 groupCount:i32 group:string* handedOver:string message
 * frame       = version kind:u8 (1 forwarded, 2 take-over, 3 released, 4 retained) body
 *               forwarded body = id plain groupCount group* handedOver message (as above, without version)
 *               take-over body = clientId:string newOwner:string epoch:i64 sessionPresent:u8
 *               released body  = clientId:string epoch:i64
 *               retained body  = origin:string message
 * </pre>
 *
 * In these layouts the message's {@code expiresAtMillis} field holds the milliseconds LEFT when
 * it was written ({@link ApplicationMessage#NEVER} for none), not a deadline: the reader adds its
 * own clock's now, so expiry keeps counting down across the hop whatever the two nodes' clocks
 * say (the time in transit is not counted).
 *
 * <p>Threading: stateless.
 */
final class ForwardFormat {

    private static final int FORWARDED = 1;
    private static final int TAKE_OVER = 2;
    private static final int RELEASED = 3;
    private static final int RETAINED = 4;

    /** What arrives on a node's channel. */
    sealed interface Frame {
    }

    record MessageFrame(ForwardedMessage message) implements Frame {
    }

    record SignalFrame(ClusterSignal signal) implements Frame {
    }

    /** A retained change, with the node it came from so that the sender can skip its own. */
    record RetainedFrame(String origin, ApplicationMessage message) implements Frame {
    }

    private ForwardFormat() {
    }

    static byte[] forwarded(ForwardedMessage message, Clock clock) {
        ValueWriter out = new ValueWriter(StoredValues.VERSION);
        writeForwarded(out, message, clock.millis());
        return out.toByteArray();
    }

    static ForwardedMessage forwarded(byte[] value, String source, Clock clock) {
        ValueReader in = new ValueReader(value, StoredValues.VERSION, source);
        ForwardedMessage message = readForwarded(in, clock.millis());
        in.expectEnd();
        return message;
    }

    static byte[] messageFrame(ForwardedMessage message, Clock clock) {
        ValueWriter out = new ValueWriter(StoredValues.VERSION).writeByte(FORWARDED);
        writeForwarded(out, message, clock.millis());
        return out.toByteArray();
    }

    static byte[] signalFrame(ClusterSignal signal) {
        ValueWriter out = new ValueWriter(StoredValues.VERSION);
        // Java 17 has no pattern matching for switch; the chain covers the sealed type's two kinds.
        if (signal instanceof TakeOver takeOver) {
            out.writeByte(TAKE_OVER).writeString(takeOver.clientId()).writeString(takeOver.newOwner())
                    .writeLong(takeOver.epoch()).writeBoolean(takeOver.sessionPresent());
        } else {
            Released released = (Released) signal;
            out.writeByte(RELEASED).writeString(released.clientId()).writeLong(released.epoch());
        }
        return out.toByteArray();
    }

    static Frame frame(byte[] value, String source, Clock clock) {
        ValueReader in = new ValueReader(value, StoredValues.VERSION, source);
        int kind = in.readByte();
        Frame frame = switch (kind) {
            case FORWARDED -> new MessageFrame(readForwarded(in, clock.millis()));
            case TAKE_OVER -> new SignalFrame(new TakeOver(in.readString(), in.readString(), in.readLong(),
                    in.readBoolean()));
            case RELEASED -> new SignalFrame(new Released(in.readString(), in.readLong()));
            case RETAINED -> new RetainedFrame(in.readString(), readMessage(in, clock.millis()));
            default -> throw new CorruptValueException(source, "unknown frame kind " + kind);
        };
        in.expectEnd();
        return frame;
    }

    static byte[] retainedFrame(String origin, ApplicationMessage message, Clock clock) {
        ValueWriter out = new ValueWriter(StoredValues.VERSION).writeByte(RETAINED).writeString(origin);
        MessageFormat.writeMessage(out, withExpiry(message, timeLeft(message.expiresAtMillis(), clock.millis())));
        return out.toByteArray();
    }

    private static void writeForwarded(ValueWriter out, ForwardedMessage forwarded, long now) {
        out.writeString(forwarded.id()).writeBoolean(forwarded.plain()).writeInt(forwarded.sharedGroups().size());
        forwarded.sharedGroups().forEach(out::writeString);
        // Empty unless the sender relays the message for a session it handed over to the receiver.
        out.writeString(forwarded.handedOver());
        ApplicationMessage message = forwarded.message();
        MessageFormat.writeMessage(out, withExpiry(message, timeLeft(message.expiresAtMillis(), now)));
    }

    private static ForwardedMessage readForwarded(ValueReader in, long now) {
        String id = in.readString();
        boolean plain = in.readBoolean();
        int groupCount = in.readInt();
        Set<String> groups = new HashSet<>(Math.max(0, Math.min(groupCount, 16)));
        for (int i = 0; i < groupCount; i++) {
            groups.add(in.readString());
        }
        String handedOver = in.readString();
        return new ForwardedMessage(id, readMessage(in, now), plain, groups, handedOver);
    }

    private static ApplicationMessage readMessage(ValueReader in, long now) {
        ApplicationMessage message = MessageFormat.readMessage(in);
        long left = message.expiresAtMillis();
        long deadline = left == ApplicationMessage.NEVER ? ApplicationMessage.NEVER
                : (left > ApplicationMessage.NEVER - now ? ApplicationMessage.NEVER - 1 : now + left);
        return withExpiry(message, deadline);
    }

    private static long timeLeft(long deadline, long now) {
        return deadline == ApplicationMessage.NEVER ? ApplicationMessage.NEVER : Math.max(0, deadline - now);
    }

    private static ApplicationMessage withExpiry(ApplicationMessage m, long expiresAtMillis) {
        return expiresAtMillis == m.expiresAtMillis() ? m
                : new ApplicationMessage(m.topic(), m.payload(), m.qos(), m.retain(), m.properties(), m.publisherId(),
                        expiresAtMillis);
    }
}
