package dev.tern.application.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.config.RetainedOverflow;
import dev.tern.application.limits.TestLimits;
import dev.tern.application.protocol.packet.MqttPacket;
import dev.tern.application.protocol.packet.Properties;
import dev.tern.application.protocol.packet.ProtocolVersion;
import dev.tern.application.protocol.packet.Puback;
import dev.tern.application.protocol.packet.Publish;
import dev.tern.application.protocol.packet.ReasonCode;
import dev.tern.application.testing.EngineHarness;
import dev.tern.domain.message.Payload;
import dev.tern.domain.message.Qos;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The retained limits over a durable store (acknowledgement after commit): restored messages count,
 * a refusal is still answered, and a message dropped to make room leaves the store too.
 */
class RetainedLimitsAcrossRestartTest {

    private final StoredBroker stores = new StoredBroker();

    private static Publish retained(String topic, int packetId) {
        return new Publish(false, Qos.AT_LEAST_ONCE, true, topic, packetId, Properties.EMPTY,
                Payload.wrap(topic.getBytes()));
    }

    private List<String> storedTopics() {
        return stores.retainedStore.loadAll().stream().map(m -> m.topic().value()).toList();
    }

    private void retainTwoThenRestart() {
        EngineHarness first = stores.start();
        first.client(ProtocolVersion.MQTT_5).connect("pub", true, 0).send(retained("a", 1), retained("b", 2));
        assertThat(storedTopics()).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void restoredMessagesCountAndARefusalIsAnsweredAfterTheCommitPath() {
        retainTwoThenRestart();
        EngineHarness broker = stores.start(TestLimits.retained(2, 1000, RetainedOverflow.REFUSE));
        EngineHarness.Client client = broker.client(ProtocolVersion.MQTT_5).connect("pub", true, 0);
        client.channel.takeSent();

        client.send(retained("c", 3));

        List<MqttPacket> sent = client.channel.takeSent();
        assertThat(sent).containsExactly(new Puback(3, ReasonCode.QUOTA_EXCEEDED, Properties.EMPTY));
        assertThat(storedTopics()).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void anMqtt311PublisherIsClosedWhenItsRetainedMessageIsRefused() {
        retainTwoThenRestart();
        EngineHarness broker = stores.start(TestLimits.retained(2, 1000, RetainedOverflow.REFUSE));
        EngineHarness.Client client = broker.client().connect("pub", true, 0);
        client.channel.takeSent();

        client.send(retained("c", 3));

        assertThat(client.channel.takeSent()).isEmpty();
        assertThat(client.channel.isClosed()).isTrue();
    }

    @Test
    void aMessageDroppedToMakeRoomIsDeletedFromTheStore() {
        retainTwoThenRestart();
        EngineHarness broker = stores.start(TestLimits.retained(2, 1000, RetainedOverflow.DROP_OLDEST));

        broker.client(ProtocolVersion.MQTT_5).connect("pub", true, 0).send(retained("c", 3));

        assertThat(storedTopics()).hasSize(2).contains("c");
        assertThat(broker.retained.size()).isEqualTo(2);
    }
}
