package dev.tern.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The MQTT 5 side of the pre-encoded frames and of the decoder, on an embedded channel: property
 * sections are written where 3.1.1 has none, and skipped or read where the broker sends them.
 */
class Mqtt5FramesTest {

    private final List<byte[]> messages = new ArrayList<>();
    private final List<Integer> pubacks = new ArrayList<>();
    private final Traffic recording = new Traffic() {
        @Override
        public void onMessage(ByteBuf payload, boolean dup) {
            messages.add(ByteBufUtil.getBytes(payload));
        }

        @Override
        public void onAcknowledged(int packetId, int reasonCode) {
            pubacks.add(packetId);
        }
    };

    @Test
    void publishTemplateLeavesAnEmptyPropertySectionBeforeThePayload() {
        PublishTemplate qos1 = MqttFrames.publish(MqttVersion.V5, "a/b", 1, 16);
        PublishTemplate qos0 = MqttFrames.publish(MqttVersion.V5, "a/b", 0, 16);

        assertThat(qos1.packetIdOffset()).isEqualTo(7);
        assertThat(qos1.bytes()[9]).isZero();
        assertThat(qos1.payloadOffset()).isEqualTo(10);
        assertThat(qos0.bytes()[7]).isZero();
        assertThat(qos0.payloadOffset()).isEqualTo(8);
        assertThat(qos1.bytes()[1]).isEqualTo((byte) (qos1.bytes().length - 2));
    }

    @Test
    void persistentSessionConnectAsksTheSessionToOutliveTheConnection() {
        byte[] connect = MqttFrames.connect(MqttVersion.V5, "c", false, 0);

        // Fixed header (2), "MQTT" (6), level, flags, keep alive (2), then the properties.
        assertThat(connect[8]).isEqualTo((byte) 5);
        assertThat(connect[9]).isZero();
        assertThat(ByteBufUtil.hexDump(connect, 12, 6)).isEqualTo("051100000e10");
        assertThat(ByteBufUtil.hexDump(MqttFrames.connect(MqttVersion.V5, "c", true, 0), 12, 1)).isEqualTo("00");
    }

    @Test
    void publishWithPropertiesHandsOverThePayloadPastThemAndIsAcknowledged() {
        EmbeddedChannel channel = connected(new LoadClient("c", MqttVersion.V5, recording), 0);

        // Properties (15 bytes): Message Expiry (5), User Property "k"="v" (7), Subscription Identifier 200 (3).
        channel.writeInbound(frame(0x32, 0, 1, 't', 0, 7,
                15, 0x02, 0, 0, 0, 60, 0x26, 0, 1, 'k', 0, 1, 'v', 0x0B, 0xC8, 0x01,
                'p', 'a', 'y'));

        assertThat(messages).containsExactly(new byte[] {'p', 'a', 'y'});
        assertThat(ByteBufUtil.hexDump((ByteBuf) channel.readOutbound())).isEqualTo("40020007");
    }

    @Test
    void subackWithAFailureReasonCodeRefusesTheSubscription() {
        LoadClient client = new LoadClient("c", MqttVersion.V5, recording);
        EmbeddedChannel channel = connected(client, 0);
        var subscribed = client.subscribe("a/#", 1);

        channel.writeInbound(frame(0x90, 0, 1, 5, 0x1F, 0, 2, 'n', 'o', 0x87));

        assertThat(subscribed).isCompletedExceptionally();
    }

    @Test
    void subackGrantingAQosCompletesTheSubscriptionPastItsProperties() {
        LoadClient client = new LoadClient("c", MqttVersion.V5, recording);
        EmbeddedChannel channel = connected(client, 0);
        var subscribed = client.subscribe("a/#", 1);

        channel.writeInbound(frame(0x90, 0, 1, 5, 0x1F, 0, 2, 'o', 'k', 0x01));

        assertThat(subscribed).isCompletedWithValue(client);
    }

    @Test
    void pubackWithReasonCodeAndPropertiesIsReadAsOneAcknowledgement() {
        EmbeddedChannel channel = connected(new LoadClient("c", MqttVersion.V5, recording), 0);

        channel.writeInbound(frame(0x40, 0, 3, 0x10, 4, 0x1F, 0, 1, 'x'), frame(0x40, 0, 4, 0x00), frame(0x40, 0, 5));

        assertThat(pubacks).containsExactly(3, 4, 5);
    }

    @Test
    void publisherKeepsNoMoreUnacknowledgedThanTheBrokersReceiveMaximum() {
        PublishTemplate[] templates = {MqttFrames.publish(MqttVersion.V5, "t", 1, 16)};
        Publisher publisher = new Publisher(0, templates, 1, 10, 64, () -> true, 0, new Progress());
        LoadClient client = new LoadClient("c", MqttVersion.V5, publisher);
        EmbeddedChannel channel = connected(client, 2);

        publisher.start(client, System.nanoTime());
        channel.runPendingTasks();
        int before = countOutbound(channel);
        channel.writeInbound(frame(0x40, 0, 1));
        int after = countOutbound(channel);

        assertThat(client.receiveMaximum()).isEqualTo(2);
        assertThat(before).isEqualTo(2);
        assertThat(after).isEqualTo(1);
    }

    /** A client past CONNACK, with the CONNECT it sent already read off the channel. */
    static EmbeddedChannel connected(LoadClient client, int receiveMaximum) {
        EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoder(client, MqttVersion.V5));
        client.start(channel, MqttFrames.connect(MqttVersion.V5, client.clientId(), true, 0));
        ((ByteBuf) channel.readOutbound()).release();
        // Properties the decoder must step over before the Receive Maximum: a string, a two-byte value.
        ByteBuf connack = receiveMaximum == 0
                ? frame(0x20, 0, 0, 8, 0x12, 0, 2, 'i', 'd', 0x22, 0, 10)
                : frame(0x20, 0, 0, 11, 0x12, 0, 2, 'i', 'd', 0x22, 0, 10, 0x21, 0, receiveMaximum);
        channel.writeInbound(connack);
        assertThat(client.connected()).isCompleted();
        assertThat(client.receiveMaximum()).isEqualTo(receiveMaximum == 0 ? 65_535 : receiveMaximum);
        return channel;
    }

    static int countOutbound(EmbeddedChannel channel) {
        int count = 0;
        for (ByteBuf out = channel.readOutbound(); out != null; out = channel.readOutbound()) {
            count++;
            out.release();
        }
        return count;
    }

    static ByteBuf frame(int firstByte, int... body) {
        ByteBuf out = Unpooled.buffer().writeByte(firstByte).writeByte(body.length);
        for (int value : body) {
            out.writeByte(value);
        }
        return out;
    }
}
