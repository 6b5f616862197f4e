package dev.tern.bootstrap.config;

import dev.tern.application.port.plugin.Setting;
import dev.tern.application.protocol.limit.OverLimit;
import dev.tern.application.protocol.limit.RateLimit;
import dev.tern.application.protocol.limit.RateLimitPolicy;
import dev.tern.application.protocol.limit.RateLimitRule;
import java.util.List;
import java.util.Objects;

/**
 * Per-client inbound rate limits: the {@code rate-limit.*} settings. Off by default (0 = no limit),
 * as in EMQX and Mosquitto: a broker cannot guess what rate is abuse for a deployment, and a limit
 * that is too low silently slows legitimate traffic (and the benchmarks).
 *
 * @param messagesPerSecond PUBLISH packets a client may send per second; 0 = no limit
 * @param bytesPerSecond    PUBLISH payload bytes a client may send per second; 0 = no limit
 * @param overLimit         pause reading from the client, or refuse what is over
 * @param rules             overrides, first match wins: {@code <listener|user|client>:<pattern>=<messages>/<bytes>}
 */
public record RateLimitConfig(
        @Setting(defaultValue = "0", min = 0, max = Long.MAX_VALUE,
                description = "PUBLISH packets a client may send per second; 0 = no limit")
        long messagesPerSecond,
        @Setting(defaultValue = "0", min = 0, max = Long.MAX_VALUE,
                description = "PUBLISH payload bytes a client may send per second; 0 = no limit")
        long bytesPerSecond,
        @Setting(defaultValue = "pause", description = "over the limit: pause (stop reading the client's socket) "
                + "or refuse (MQTT 5 QoS 1/2 get 0x97, QoS 0 is dropped, MQTT 3.1.1 QoS 1/2 disconnect)")
        OverLimit overLimit,
        @Setting(defaultValue = "", description = "comma-separated overrides, first match wins: "
                + "<listener|user|client>:<pattern>=<messages>/<bytes>, * in a pattern matches anything")
        List<String> rules) {

    public RateLimitConfig {
        Objects.requireNonNull(overLimit, "overLimit");
        rules = List.copyOf(rules);
        rules.forEach(RateLimitRule::parse);
    }

    /** The policy the engine applies. */
    public RateLimitPolicy policy() {
        return new RateLimitPolicy(new RateLimit(messagesPerSecond, bytesPerSecond),
                rules.stream().map(RateLimitRule::parse).toList(), overLimit);
    }
}
