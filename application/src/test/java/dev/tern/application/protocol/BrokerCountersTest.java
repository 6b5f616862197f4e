package dev.tern.application.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.config.MqttSettings;
import dev.tern.application.protocol.codec.PacketEncoder;
import dev.tern.application.protocol.packet.Connect;
import dev.tern.application.protocol.packet.Disconnect;
import dev.tern.application.protocol.packet.Pingreq;
import dev.tern.application.protocol.packet.Properties;
import dev.tern.application.protocol.packet.ProtocolVersion;
import dev.tern.application.protocol.packet.Publish;
import dev.tern.application.protocol.packet.Subscribe;
import dev.tern.application.protocol.packet.TopicSubscription;
import dev.tern.application.testing.EngineHarness;
import dev.tern.domain.message.Payload;
import dev.tern.domain.message.Qos;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine counts packets, bytes and connected clients where they are decoded and encoded. */
class BrokerCountersTest {

    private final EngineHarness broker = new EngineHarness(MqttSettings.defaults());

    private static int size(Object packet) {
        return PacketEncoder.encode((dev.tern.application.protocol.packet.MqttPacket) packet,
                ProtocolVersion.MQTT_3_1_1).remaining();
    }

    @Test
    void countsPacketsAndBytesBothWays() {
        Connect connect = new Connect(ProtocolVersion.MQTT_3_1_1, true, 0, "a", null, null, null, Properties.EMPTY);
        Subscribe subscribe = new Subscribe(1, List.of(TopicSubscription.of("t", Qos.AT_MOST_ONCE)), Properties.EMPTY);
        Publish publish = new Publish(false, Qos.AT_MOST_ONCE, false, "t", 0, null, Payload.wrap(new byte[100]));

        broker.client().send(connect, subscribe, publish, Pingreq.INSTANCE);

        assertThat(broker.traffic.packetsReceived()).isEqualTo(4);
        assertThat(broker.traffic.publishesReceived()).isEqualTo(1);
        assertThat(broker.traffic.bytesReceived())
                .isEqualTo(size(connect) + size(subscribe) + size(publish) + size(Pingreq.INSTANCE));
        // CONNACK (4) + SUBACK (5) + the PUBLISH back (2 + 3 + 100) + PINGRESP (2)
        assertThat(broker.traffic.packetsSent()).isEqualTo(4);
        assertThat(broker.traffic.publishesSent()).isEqualTo(1);
        assertThat(broker.traffic.bytesSent()).isEqualTo(4 + 5 + 105 + 2);
    }

    @Test
    void countsConnectedClientsAndTheMaximum() {
        EngineHarness.Client a = broker.client().connect("a", true, 0);
        EngineHarness.Client b = broker.client().connect("b", true, 0);
        assertThat(broker.traffic.connected()).isEqualTo(2);

        a.send(Disconnect.NORMAL);
        b.drop();
        broker.client().connect("c", true, 0);

        assertThat(broker.traffic.connected()).isEqualTo(1);
        assertThat(broker.traffic.maximumConnected()).isEqualTo(2);
        assertThat(broker.traffic.connections()).isEqualTo(3);
    }

    @Test
    void aRefusedOrUnfinishedConnectIsNotCounted() {
        broker.client().send(Pingreq.INSTANCE);

        assertThat(broker.traffic.connected()).isZero();
        assertThat(broker.traffic.connections()).isZero();
    }
}
