package dev.tern.application.cluster;

import dev.tern.application.protocol.packet.Connect;
import dev.tern.application.protocol.packet.MqttPacket;
import dev.tern.application.protocol.packet.Properties;
import dev.tern.application.protocol.packet.PropertyId;
import dev.tern.application.protocol.packet.ProtocolVersion;
import dev.tern.application.protocol.packet.Publish;
import dev.tern.application.protocol.packet.Subscribe;
import dev.tern.application.protocol.packet.TopicSubscription;
import dev.tern.application.protocol.packet.WillFields;
import dev.tern.application.testing.EngineHarness;
import dev.tern.domain.message.Payload;
import dev.tern.domain.message.Qos;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Clients and packets the cluster session tests share. */
final class ClusterClients {

    private ClusterClients() {
    }

    /** An MQTT 5 client with a session that outlives its connection by {@code expirySeconds}, and an optional will. */
    static EngineHarness.Client v5(EngineHarness broker, String clientId, boolean cleanStart, long expirySeconds,
            WillFields will) {
        Properties properties = Properties.builder().integer(PropertyId.SESSION_EXPIRY_INTERVAL, expirySeconds).build();
        return broker.client(ProtocolVersion.MQTT_5)
                .send(new Connect(ProtocolVersion.MQTT_5, cleanStart, 0, clientId, will, null, null, properties));
    }

    /** A will on {@code wills/<clientId>} saying "gone", delayed by {@code delaySeconds}. */
    static WillFields will(String clientId, long delaySeconds) {
        return new WillFields("wills/" + clientId, Payload.wrap("gone".getBytes(StandardCharsets.UTF_8)),
                Qos.AT_LEAST_ONCE, false,
                Properties.builder().integer(PropertyId.WILL_DELAY_INTERVAL, delaySeconds).build());
    }

    static Subscribe subscribe(String filter, Qos qos) {
        return new Subscribe(1, List.of(TopicSubscription.of(filter, qos)), Properties.EMPTY);
    }

    static Publish publish(String topic, Qos qos, int packetId, String body) {
        return new Publish(false, qos, false, topic, packetId, Properties.EMPTY,
                Payload.wrap(body.getBytes(StandardCharsets.UTF_8)));
    }

    static List<String> bodies(List<MqttPacket> packets) {
        return packets.stream().filter(p -> p instanceof Publish)
                .map(p -> new String(((Publish) p).payload().toByteArray(), StandardCharsets.UTF_8)).toList();
    }
}
