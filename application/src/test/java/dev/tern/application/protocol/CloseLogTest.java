package dev.tern.application.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.config.MqttSettings;
import dev.tern.application.protocol.limit.OverLimit;
import dev.tern.application.protocol.limit.RateLimit;
import dev.tern.application.protocol.limit.RateLimitPolicy;
import dev.tern.application.protocol.packet.Properties;
import dev.tern.application.protocol.packet.Publish;
import dev.tern.application.testing.CapturedLog;
import dev.tern.application.testing.EngineHarness;
import dev.tern.domain.message.Payload;
import dev.tern.domain.message.Qos;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The lines of closed connections, throttled per broker: an attack of thousands logs one line a minute. */
class CloseLogTest {

    private static final long TIMEOUT = MqttSettings.defaults().connectTimeoutMillis();

    @RegisterExtension
    final CapturedLog log = CapturedLog.of(CloseLog.class);



    private static Publish qos1(int packetId) {
        return new Publish(false, Qos.AT_LEAST_ONCE, false, "t", packetId, Properties.EMPTY, Payload.wrap(new byte[1]));
    }

    private static List<EngineHarness.Client> silentSockets(EngineHarness broker, int count) {
        return IntStream.range(0, count).mapToObj(i -> broker.client()).toList();
    }

    @Test
    void manyConnectionsTimingOutLogOneLineThenACountWithTheNextAfterAMinute() {
        EngineHarness broker = new EngineHarness();
        Instant first = broker.clock.instant().plusMillis(TIMEOUT);
        List<EngineHarness.Client> sockets = silentSockets(broker, 3_000);
        broker.loop.advance(TIMEOUT);

        assertThat(sockets).allSatisfy(socket -> assertThat(socket.channel.isClosed()).isTrue());
        assertThat(log.lines()).containsExactly("test:1: no CONNECT within " + TIMEOUT + " ms, closing");

        broker.loop.advance(CloseLog.INTERVAL.toMillis() - TIMEOUT);
        EngineHarness.Client late = broker.client();
        broker.loop.advance(TIMEOUT);

        assertThat(late.channel.isClosed()).isTrue();
        assertThat(log.lines()).containsExactly("test:1: no CONNECT within " + TIMEOUT + " ms, closing",
                "test:1: no CONNECT within " + TIMEOUT + " ms, closing; 2999 more connections closed without a "
                        + "CONNECT since " + first);
    }

    @Test
    void protocolErrorsAreThrottledTooAndAConnectionThatConnectedInTimeLogsNoTimeout() {
        EngineHarness broker = new EngineHarness();
        for (int i = 0; i < 100; i++) {
            broker.client().connect("c" + i, true, 0).connect("c" + i, true, 0);
        }
        broker.loop.advance(TIMEOUT);

        assertThat(log.lines()).containsExactly("c0: closing test:1 for a protocol error: second CONNECT [MQTT-3.1.0-2]");
    }

    @Test
    void anMqtt311ClientOverItsRateLimitIsLoggedAsRateLimitedNotAsAProtocolError() {
        EngineHarness broker = new EngineHarness(new RateLimitPolicy(new RateLimit(1, 0), List.of(), OverLimit.REFUSE));
        EngineHarness.Client pub = broker.client().connect("pub", true, 0);

        pub.send(qos1(1), qos1(2));

        assertThat(pub.channel.isClosed()).isTrue();
        assertThat(log.lines()).containsExactly("pub: closing test:1: PUBLISH over the client's rate limit");
    }
}
