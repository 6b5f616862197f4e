package dev.tern.application.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.port.out.MetricsRegistry;
import dev.tern.application.protocol.packet.ProtocolVersion;
import dev.tern.application.protocol.packet.ReasonCode;
import dev.tern.application.testing.RecordingRegistry;
import org.junit.jupiter.api.Test;

class ConnectionMetersTest {

    private final RecordingRegistry registry = new RecordingRegistry();
    private final ConnectionMeters meters = new ConnectionMeters(registry);

    @Test
    void connectionsAreCountedByListenerAndProtocolVersion() {
        ConnectionMeters.ListenerMeters first = meters.connected("tcp", ProtocolVersion.MQTT_5);
        meters.connected("tcp", ProtocolVersion.MQTT_5);
        meters.connected("tcp", ProtocolVersion.MQTT_3_1_1);
        meters.connected("wss-browsers", ProtocolVersion.MQTT_5);
        first.disconnected();

        assertThat(registry.gauges.get("tern_connections_currentlistener,tcp,protocol,5").getAsDouble()).isEqualTo(1);
        assertThat(registry.gauges.get("tern_connections_currentlistener,tcp,protocol,3.1.1").getAsDouble())
                .isEqualTo(1);
        assertThat(registry.gauges.get("tern_connections_currentlistener,wss-browsers,protocol,5").getAsDouble())
                .isEqualTo(1);
        assertThat(registry.counters.get("tern_connectionslistener,tcp,protocol,5")).hasValue(2);
        assertThat(registry.counters.get("tern_connectionslistener,tcp,protocol,3.1.1")).hasValue(1);
        assertThat(registry.counters.get("tern_connectionslistener,wss-browsers,protocol,5")).hasValue(1);
        assertThat(meters.connected()).isEqualTo(3);
    }

    @Test
    void eachListenerAndVersionIsRegisteredOnceAndOnlyWhenAClientConnectsThroughIt() {
        assertThat(registry.gauges).isEmpty();
        assertThat(registry.registrations).isEmpty();

        for (int i = 0; i < 5; i++) {
            meters.connected("tcp", ProtocolVersion.MQTT_3_1_1).disconnected();
            meters.connected("in-process", ProtocolVersion.MQTT_5);
        }

        assertThat(registry.gauges.keySet()).containsExactly("tern_connections_currentlistener,in-process,protocol,5",
                "tern_connections_currentlistener,tcp,protocol,3.1.1");
        assertThat(registry.registrations).containsOnlyKeys("tern_connectionslistener,in-process,protocol,5",
                "tern_connectionslistener,tcp,protocol,3.1.1").allSatisfy((name, count) -> assertThat(count).isOne());
        assertThat(registry.gauges.get("tern_connections_currentlistener,tcp,protocol,3.1.1").getAsDouble()).isZero();
        assertThat(meters.connected()).isEqualTo(5);
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
        ConnectionMeters.ListenerMeters meters = ConnectionMeters.NONE.connected("tcp", ProtocolVersion.MQTT_5);
        meters.disconnected();
        ConnectionMeters.NONE.refused(ReasonCode.BANNED);
        assertThat(meters).isSameAs(ConnectionMeters.ListenerMeters.NOOP);
        assertThat(ConnectionMeters.NONE.connected()).isZero();
        assertThat(MetricsRegistry.NONE.enabled()).isFalse();
        assertThat(MetricsRegistry.NONE.counter("x", "y")).isSameAs(MetricsRegistry.Counter.NOOP);
    }
}
