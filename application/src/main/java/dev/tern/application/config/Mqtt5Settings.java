package dev.tern.application.config;

/**
 * What the broker announces to and enforces on MQTT 5 clients.
 *
 * @param receiveMaximum          QoS 1/2 PUBLISHes a client may have unacknowledged towards the broker
 * @param topicAliasMaximum       inbound topic aliases a client may use; 0 disables them
 * @param maxKeepAliveSeconds     the highest keep alive the broker accepts; 0 means no maximum
 * @param maxSessionExpirySeconds the highest Session Expiry Interval the broker grants
 * @param outboundTopicAliases    whether the broker assigns topic aliases to the topics it sends
 * @param validatePayloadFormat   whether a payload marked UTF-8 is checked (0x99 when it is not)
 * @param responseInformation     sent to clients that request response information, or null
 * @param serverReference         when set, every CONNECT is redirected there (0x9C, or 0x9D if moved)
 * @param serverMoved             redirect permanently (0x9D Server moved) instead of 0x9C Use another server
 */
public record Mqtt5Settings(
        int receiveMaximum,
        int topicAliasMaximum,
        int maxKeepAliveSeconds,
        long maxSessionExpirySeconds,
        boolean outboundTopicAliases,
        boolean validatePayloadFormat,
        String responseInformation,
        String serverReference,
        boolean serverMoved) {

    public Mqtt5Settings {
        if (receiveMaximum < 1 || receiveMaximum > 0xFFFF) {
            throw new IllegalArgumentException("receive maximum must be 1..65535");
        }
        if (topicAliasMaximum < 0 || topicAliasMaximum > 0xFFFF) {
            throw new IllegalArgumentException("topic alias maximum must be 0..65535");
        }
        if (maxKeepAliveSeconds < 0 || maxKeepAliveSeconds > 0xFFFF) {
            throw new IllegalArgumentException("maximum keep alive must be 0..65535");
        }
        if (maxSessionExpirySeconds < 0 || maxSessionExpirySeconds > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("maximum session expiry must be 0..4294967295");
        }
    }

    public static Mqtt5Settings defaults() {
        return new Mqtt5Settings(1024, 64, 0, 0xFFFF_FFFFL, true, false, null, null, false);
    }
}
