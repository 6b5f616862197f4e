package dev.tern.testkit.storage;

import dev.tern.domain.delivery.Delivery;
import dev.tern.domain.message.ApplicationMessage;
import dev.tern.domain.message.MessageProperties;
import dev.tern.domain.message.Payload;
import dev.tern.domain.message.Qos;
import dev.tern.domain.message.UserProperty;
import dev.tern.domain.topic.TopicName;
import dev.tern.domain.will.Will;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Values chosen to catch lossy storage codecs: every byte value, non-ASCII text, duplicate and
 * empty user properties in a telling order, absent next to empty or zero, and numbers beyond the
 * range of an int.
 */
public final class ContractSamples {

    /** A deadline in epoch millis whose milliseconds must survive (2026-01-01T00:00:00.123Z). */
    public static final long DEADLINE_MILLIS = 1_767_225_600_123L;

    private ContractSamples() {
    }

    /** Every byte value once, in ascending order. */
    public static byte[] everyByte() {
        byte[] bytes = new byte[256];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }

    /** A message with every field and every MQTT 5 property set. */
    public static ApplicationMessage fullMessage(String topic) {
        MessageProperties properties = new MessageProperties(
                1,
                "application/json; charset=utf-8",
                "replies/ünïcödé/42",
                Payload.wrap(new byte[] {0, -1, 127, -128, 10, 13}),
                List.of(
                        new UserProperty("zeta", "1"),
                        new UserProperty("alpha", "2"),
                        new UserProperty("zeta", "1"),
                        new UserProperty("", ""),
                        new UserProperty("ключ", "値")));
        return new ApplicationMessage(new TopicName(topic), Payload.wrap(everyByte()), Qos.EXACTLY_ONCE,
                true, properties, "publisher-ü", DEADLINE_MILLIS);
    }

    /**
     * A message whose properties mix absent with empty or zero: a store must not turn a payload
     * format of 0 or an empty content type into "absent", nor an absent correlation data into an
     * empty one.
     */
    public static ApplicationMessage sparseMessage(String topic) {
        MessageProperties properties = new MessageProperties(0, "", null, null, List.of(new UserProperty("k", "")));
        return new ApplicationMessage(new TopicName(topic), Payload.wrap(new byte[] {42}), Qos.AT_LEAST_ONCE,
                false, properties, "", ApplicationMessage.NEVER);
    }

    /** What an MQTT 3.1.1 client publishes: no properties, no expiry. */
    public static ApplicationMessage plainMessage(String topic, String text) {
        return ApplicationMessage.of(topic, text.getBytes(StandardCharsets.UTF_8),
                Qos.AT_MOST_ONCE, false);
    }

    /** A full message matched by three subscriptions, whose identifiers keep their order. */
    public static Delivery fullDelivery(String topic) {
        return new Delivery(fullMessage(topic), List.of(7, 1, 268_435_455));
    }

    public static Delivery plainDelivery(String topic, String text) {
        return Delivery.of(plainMessage(topic, text));
    }

    /** A will with a full message and a delay beyond the range of an int. */
    public static Will will() {
        return new Will(fullMessage("clients/c1/status"), 0xFFFF_FFFFL, 3600);
    }
}
