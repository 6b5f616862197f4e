package dev.tern.bootstrap.config;

import java.util.Objects;
import java.util.Optional;

/**
 * What the broker announces to and enforces on MQTT 5 clients, and the shared subscription policy.
 *
 * @param receiveMaximum          unacknowledged QoS 1/2 PUBLISHes a client may send at once
 * @param topicAliasMaximum       inbound topic aliases per connection; 0 disables them
 * @param maxKeepAlive            the highest keep alive granted, in seconds; 0 for no limit
 * @param maxSessionExpiry        the highest Session Expiry Interval granted, in seconds
 * @param outboundTopicAliases    whether the broker assigns aliases to the topics it sends
 * @param validatePayloadFormat   whether payloads marked UTF-8 are checked
 * @param responseInformation     sent to clients that request response information
 * @param serverReference         when present, every CONNECT is redirected there
 * @param serverMoved             the redirect is permanent (0x9D) rather than temporary (0x9C)
 * @param sharedStrategy          how a shared subscription group's member is chosen
 */
public record Mqtt5Config(
        int receiveMaximum,
        int topicAliasMaximum,
        int maxKeepAlive,
        long maxSessionExpiry,
        boolean outboundTopicAliases,
        boolean validatePayloadFormat,
        Optional<String> responseInformation,
        Optional<String> serverReference,
        boolean serverMoved,
        SharedStrategy sharedStrategy) {

    public Mqtt5Config {
        Objects.requireNonNull(responseInformation, "responseInformation");
        Objects.requireNonNull(serverReference, "serverReference");
        Objects.requireNonNull(sharedStrategy, "sharedStrategy");
        if (receiveMaximum < 1 || receiveMaximum > 65_535) {
            throw new IllegalArgumentException("receiveMaximum must be 1..65535: " + receiveMaximum);
        }
        if (topicAliasMaximum < 0 || topicAliasMaximum > 65_535) {
            throw new IllegalArgumentException("topicAliasMaximum must be 0..65535: " + topicAliasMaximum);
        }
        if (maxKeepAlive < 0 || maxKeepAlive > 65_535) {
            throw new IllegalArgumentException("maxKeepAlive must be 0..65535: " + maxKeepAlive);
        }
        if (maxSessionExpiry < 0 || maxSessionExpiry > 4_294_967_295L) {
            throw new IllegalArgumentException("maxSessionExpiry must be 0..4294967295: " + maxSessionExpiry);
        }
    }
}
