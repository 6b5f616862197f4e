package dev.tern.application.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.protocol.codec.PacketEncoder;
import dev.tern.application.protocol.packet.MqttPacket;
import dev.tern.application.protocol.packet.Pingreq;
import dev.tern.application.protocol.packet.Pingresp;
import dev.tern.application.protocol.packet.Properties;
import dev.tern.application.protocol.packet.ProtocolVersion;
import dev.tern.application.protocol.packet.Puback;
import dev.tern.application.protocol.packet.Publish;
import dev.tern.application.protocol.packet.Suback;
import dev.tern.application.protocol.packet.Subscribe;
import dev.tern.application.protocol.packet.TopicSubscription;
import dev.tern.application.protocol.packet.Unsuback;
import dev.tern.application.protocol.packet.Unsubscribe;
import dev.tern.application.testing.EngineHarness;
import dev.tern.domain.message.Payload;
import dev.tern.domain.message.Qos;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The answer to a client's packet leaves when the bytes that carried the packet are handled, not
 * when the event loop gets round to a flush task queued behind other connections' work. The loop
 * here runs no queued task unless a test asks: what the channel received before that was flushed
 * by the read itself.
 */
class AnswerFlushingTest {

    private final EngineHarness broker = new EngineHarness();
    private final EngineHarness.Client client = broker.client().connect("c", true, 0);

    {
        client.channel.takeSent();
    }

    private void read(MqttPacket... packets) {
        int size = 0;
        for (MqttPacket packet : packets) {
            size += PacketEncoder.encodedSize(packet, ProtocolVersion.MQTT_3_1_1);
        }
        ByteBuffer bytes = ByteBuffer.allocate(size);
        for (MqttPacket packet : packets) {
            bytes.put(PacketEncoder.encode(packet, ProtocolVersion.MQTT_3_1_1));
        }
        client.connection.onBytes(bytes.flip());
    }

    private static Publish qos1(int packetId) {
        return new Publish(false, Qos.AT_LEAST_ONCE, false, "t", packetId, Properties.EMPTY, Payload.wrap(new byte[] {1}));
    }

    @Test
    void sendsSubackAndUnsubackWithoutWaitingForTheEventLoopsQueuedTasks() {
        read(new Subscribe(1, List.of(TopicSubscription.of("a/b", Qos.AT_LEAST_ONCE)), Properties.EMPTY));

        assertThat(client.channel.takeSent()).containsExactly(new Suback(1, List.of(1), Properties.EMPTY));

        read(new Unsubscribe(2, List.of("a/b"), Properties.EMPTY));

        assertThat(client.channel.takeSent()).containsExactly(new Unsuback(2, List.of(), Properties.EMPTY));
    }

    @Test
    void sendsPingrespWithoutWaitingForTheEventLoopsQueuedTasks() {
        read(Pingreq.INSTANCE);

        assertThat(client.channel.takeSent()).containsExactly(Pingresp.INSTANCE);
    }

    @Test
    void answersEveryPacketOfOneReadWithOneFlush() {
        int flushesBefore = client.channel.flushes();

        read(qos1(1), qos1(2), qos1(3));

        assertThat(client.channel.takeSent()).containsExactly(Puback.of(1), Puback.of(2), Puback.of(3));
        assertThat(client.channel.flushes() - flushesBefore).isEqualTo(1);
    }

    @Test
    void stillFlushesADeliveryToAnotherConnectionOncePerTurnOfTheLoop() {
        EngineHarness.Client subscriber = broker.client().connect("s", true, 0)
                .send(new Subscribe(1, List.of(TopicSubscription.of("t", Qos.AT_MOST_ONCE)), Properties.EMPTY));
        subscriber.channel.takeSent();

        read(qos1(1), qos1(2));

        assertThat(subscriber.channel.takeSent()).isEmpty();
        broker.loop.runPending();
        assertThat(subscriber.channel.takeSent()).hasSize(2);
    }
}
