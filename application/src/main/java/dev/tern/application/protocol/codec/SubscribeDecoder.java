package dev.tern.application.protocol.codec;

import dev.tern.application.protocol.packet.MqttPacket;
import dev.tern.application.protocol.packet.PacketType;
import dev.tern.application.protocol.packet.Properties;
import dev.tern.application.protocol.packet.Subscribe;
import dev.tern.application.protocol.packet.TopicSubscription;
import dev.tern.domain.message.Qos;
import dev.tern.domain.subscription.RetainHandling;
import java.util.ArrayList;
import java.util.List;

/**
 * SUBSCRIBE (3.8). Filters stay unparsed: an invalid filter earns its own SUBACK code from the
 * engine rather than ending the connection.
 */
final class SubscribeDecoder implements PacketDecoder {

    private static final int QOS_MASK = 0b0000_0011;
    private static final int NO_LOCAL = 0b0000_0100;
    private static final int RETAIN_AS_PUBLISHED = 0b0000_1000;
    private static final int V3_RESERVED = 0b1111_1100;
    private static final int V5_RESERVED = 0b1100_0000;

    @Override
    public MqttPacket decode(int flags, PacketInput in, CodecContext context) {
        int packetId = in.readTwoByteInteger();
        if (in.failed()) {
            return null;
        }
        if (packetId == 0) {
            return in.malformed("SUBSCRIBE with packet identifier 0 [MQTT-2.3.1-1]");
        }
        boolean v5 = context.isV5();
        Properties properties = v5 ? PropertiesDecoder.read(in, PacketType.SUBSCRIBE) : Properties.EMPTY;
        List<TopicSubscription> subscriptions = new ArrayList<>(2);
        while (in.hasRemaining()) {
            String filter = in.readUtf8String();
            int options = in.readByte();
            if (in.failed()) {
                return null;
            }
            TopicSubscription subscription = v5 ? v5Subscription(filter, options, in) : v3Subscription(filter, options, in);
            if (subscription == null) {
                return null;
            }
            subscriptions.add(subscription);
        }
        if (in.failed()) {
            return null;
        }
        if (subscriptions.isEmpty()) {
            return in.protocolError("SUBSCRIBE without topic filters [MQTT-3.8.3-3] [MQTT-3.8.3-2]");
        }
        return new Subscribe(packetId, subscriptions, properties);
    }

    /** 3.1.1: only the QoS bits may be set [MQTT-3.8.3-4]. */
    private static TopicSubscription v3Subscription(String filter, int options, PacketInput in) {
        if ((options & V3_RESERVED) != 0) {
            return in.malformed("SUBSCRIBE reserved option bits set [MQTT-3.8.3-4]");
        }
        if ((options & QOS_MASK) == 3) {
            return in.malformed("SUBSCRIBE requested QoS 3 [MQTT-3.8.3-4]");
        }
        return TopicSubscription.of(filter, Qos.of(options & QOS_MASK));
    }

    /** 5.0: reserved bits make the packet malformed [MQTT-3.8.3-5]; QoS 3 and Retain Handling 3 are protocol errors (3.8.3.1). */
    private static TopicSubscription v5Subscription(String filter, int options, PacketInput in) {
        if ((options & V5_RESERVED) != 0) {
            return in.malformed("SUBSCRIBE reserved option bits set [MQTT-3.8.3-5]");
        }
        if ((options & QOS_MASK) == 3) {
            return in.protocolError("SUBSCRIBE requested QoS 3 (3.8.3.1)");
        }
        int retainHandling = (options >>> 4) & 0b11;
        if (!RetainHandling.isValid(retainHandling)) {
            return in.protocolError("SUBSCRIBE Retain Handling 3 (3.8.3.1)");
        }
        return new TopicSubscription(filter, Qos.of(options & QOS_MASK), (options & NO_LOCAL) != 0,
                (options & RETAIN_AS_PUBLISHED) != 0, RetainHandling.of(retainHandling));
    }
}
