package dev.tern.application.service;

import dev.tern.domain.will.Will;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes wills (3.1.2.5): when a connection ends without DISCONNECT, on keep-alive timeout,
 * protocol error or takeover [MQTT-3.1.2-8]; never after a normal DISCONNECT [MQTT-3.1.2-10].
 *
 * <p>Threading: thread-safe.
 */
public final class WillService {

    private static final Logger LOG = LoggerFactory.getLogger(WillService.class);

    private final PublishService publisher;
    private final Clock clock;

    public WillService(PublishService publisher, Clock clock) {
        this.publisher = publisher;
        this.clock = clock;
    }

    public void publish(String clientId, Will will) {
        LOG.debug("{}: publishing will on {}", clientId, will.message().topic());
        publisher.publish(will.messageAt(clock.millis()));
    }
}
