package dev.tern.application.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.port.out.MetricsRegistry;
import dev.tern.application.protocol.packet.ProtocolVersion;
import dev.tern.application.protocol.packet.ReasonCode;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

class ConnectionMetersTest {

    /** Counters and gauges by name and tags. */
    private static final class Recording implements MetricsRegistry {
        final Map<String, AtomicLong> counters = new TreeMap<>();
        final Map<String, DoubleSupplier> gauges = new TreeMap<>();

        @Override
        public Counter counter(String name, String description, String... tags) {
            AtomicLong count = counters.computeIfAbsent(name + String.join(",", tags), k -> new AtomicLong());
            return new Counter() {
                @Override
                public void increment() {
                    count.incrementAndGet();
                }

                @Override
                public void increment(long amount) {
                    count.addAndGet(amount);
                }
            };
        }

        @Override
        public void functionCounter(String name, String description, LongSupplier total, String... tags) {
        }

        @Override
        public void gauge(String name, String description, DoubleSupplier value, String... tags) {
            gauges.put(name + String.join(",", tags), value);
        }

        @Override
        public Timer timer(String name, String description, String... tags) {
            return Timer.NOOP;
        }

        @Override
        public Histogram histogram(String name, String description, String unit, String... tags) {
            return Histogram.NOOP;
        }
    }

    private final Recording registry = new Recording();
    private final ConnectionMeters meters = new ConnectionMeters(registry);

    @Test
    void connectionsAreCountedByProtocolVersion() {
        meters.connected(ProtocolVersion.MQTT_5);
        meters.connected(ProtocolVersion.MQTT_5);
        meters.connected(ProtocolVersion.MQTT_3_1_1);
        meters.disconnected(ProtocolVersion.MQTT_5);

        assertThat(registry.gauges.get("tern_connections_currentprotocol,5").getAsDouble()).isEqualTo(1);
        assertThat(registry.gauges.get("tern_connections_currentprotocol,3.1.1").getAsDouble()).isEqualTo(1);
        assertThat(registry.gauges.get("tern_connections_currentprotocol,3.1").getAsDouble()).isZero();
        assertThat(registry.counters.get("tern_connectionsprotocol,5")).hasValue(2);
        assertThat(meters.connected()).isEqualTo(2);
    }

    @Test
    void refusalsOfBothVersionsMapToOneBoundedSetOfReasons() {
        meters.refused(ReasonCode.BAD_USER_NAME_OR_PASSWORD);
        meters.refused(ReasonCode.V3_BAD_USER_NAME_OR_PASSWORD);
        meters.refused(ReasonCode.BANNED);
        meters.refused(ReasonCode.V3_IDENTIFIER_REJECTED);
        meters.refused(ReasonCode.USE_ANOTHER_SERVER);
        meters.refused(0x42);

        assertThat(registry.counters.get("tern_connects_refusedreason,bad_credentials")).hasValue(2);
        assertThat(registry.counters.get("tern_connects_refusedreason,banned")).hasValue(1);
        assertThat(registry.counters.get("tern_connects_refusedreason,client_id_not_valid")).hasValue(1);
        assertThat(registry.counters.get("tern_connects_refusedreason,redirected")).hasValue(1);
        assertThat(registry.counters.get("tern_connects_refusedreason,other")).hasValue(1);
        assertThat(registry.counters.get("tern_authentication_failures")).hasValue(3);
        assertThat(registry.counters.keySet().stream().filter(k -> k.startsWith("tern_connects_refused")))
                .hasSize(ConnectionMeters.REASONS.length);
    }

    @Test
    void noneCountsNothingVisible() {
        ConnectionMeters.NONE.connected(ProtocolVersion.MQTT_5);
        ConnectionMeters.NONE.refused(ReasonCode.BANNED);
        assertThat(MetricsRegistry.NONE.enabled()).isFalse();
        assertThat(MetricsRegistry.NONE.counter("x", "y")).isSameAs(MetricsRegistry.Counter.NOOP);
    }
}
