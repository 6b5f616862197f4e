package dev.tern.bootstrap.config;

import dev.tern.application.port.plugin.Setting;
import java.util.Objects;
import java.util.Optional;

/**
 * What the broker announces to and enforces on MQTT 5 clients, and the shared subscription policy:
 * settings under {@code mqtt.*} too.
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
        @Setting(defaultValue = "1024", min = 1, max = 65_535,
                description = "MQTT 5: unacknowledged QoS 1/2 messages a client may send at once")
        int receiveMaximum,
        @Setting(defaultValue = "64", min = 0, max = 65_535,
                description = "MQTT 5: topic aliases a client may use per connection; 0 disables them")
        int topicAliasMaximum,
        @Setting(defaultValue = "0", min = 0, max = 65_535, description =
                "MQTT 5: highest keep alive granted, in seconds (announced as Server Keep Alive); 0 = no limit")
        int maxKeepAlive,
        @Setting(defaultValue = "4294967295", min = 0, max = 4_294_967_295L,
                description = "MQTT 5: highest session expiry interval granted, in seconds")
        long maxSessionExpiry,
        @Setting(defaultValue = "true",
                description = "MQTT 5: assign topic aliases to the first topics sent to a client, within its maximum")
        boolean outboundTopicAliases,
        @Setting(defaultValue = "false", description = "MQTT 5: refuse (0x99) payloads marked UTF-8 that are not")
        boolean validatePayloadFormat,
        @Setting(defaultValue = "none",
                description = "MQTT 5: Response Information for clients that request it; none = not offered")
        Optional<String> responseInformation,
        @Setting(defaultValue = "none",
                description = "redirect every client to this server (MQTT 5 Server Reference); none = serve them")
        Optional<String> serverReference,
        @Setting(defaultValue = "false",
                description = "with server-reference: permanent (0x9D Server moved) rather than 0x9C Use another server")
        boolean serverMoved,
        @Setting(name = "shared-subscription-strategy", defaultValue = "round-robin",
                description = "member of a shared subscription group that gets a message: round-robin, random or sticky")
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
