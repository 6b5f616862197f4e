package dev.tern.benchmarks.load;

import static dev.tern.benchmarks.load.Mqtt5FramesTest.connected;
import static dev.tern.benchmarks.load.Mqtt5FramesTest.frame;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The publisher's and the receiver's side of the QoS 1 and QoS 2 flows, and the reason codes of
 * MQTT 5 acknowledgements: a refused message is counted as refused, never as lost.
 */
class AcknowledgementsTest {

    private final Progress progress = new Progress();

    @Test
    void pubackWithAFailureReasonCodeCountsTheMessageAsRefused() {
        Publisher publisher = publisher(1, 3);
        EmbeddedChannel channel = started(publisher);

        // 0x97 Quota exceeded, then a long-form success, then a short-form success.
        channel.writeInbound(frame(0x40, 0, 1, 0x97), frame(0x40, 0, 2, 0x00, 0), frame(0x40, 0, 3));

        assertThat(progress.acked.sum()).isEqualTo(3);
        assertThat(progress.refused.sum()).isEqualTo(1);
        assertThat(publisher.refusedSequences().stream().toArray()).containsExactly(0);
    }

    @Test
    void reasonCodeBelow0x80IsNoRefusal() {
        Publisher publisher = publisher(1, 1);
        EmbeddedChannel channel = started(publisher);

        // 0x10 No matching subscribers: accepted, just delivered to nobody.
        channel.writeInbound(frame(0x40, 0, 1, 0x10));

        assertThat(progress.acked.sum()).isEqualTo(1);
        assertThat(progress.refused.sum()).isZero();
    }

    @Test
    void mqtt311PubackIsNeverReadAsARefusal() {
        List<Integer> reasons = new ArrayList<>();
        EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoder(recordingReasons(reasons), MqttVersion.V3_1_1));

        channel.writeInbound(frame(0x40, 0, 9));

        assertThat(reasons).containsExactly(0);
    }

    @Test
    void qos2PublisherAnswersPubrecWithPubrelAndFinishesOnPubcomp() {
        Publisher publisher = publisher(2, 1);
        EmbeddedChannel channel = started(publisher);

        channel.writeInbound(frame(0x50, 0, 1));
        String pubrel = ByteBufUtil.hexDump((ByteBuf) channel.readOutbound());
        long ackedBeforePubcomp = progress.acked.sum();
        channel.writeInbound(frame(0x70, 0, 1));

        assertThat(pubrel).isEqualTo("62020001");
        assertThat(ackedBeforePubcomp).isZero();
        assertThat(progress.acked.sum()).isEqualTo(1);
        assertThat(progress.refused.sum()).isZero();
    }

    @Test
    void refusingPubrecEndsTheQos2FlowWithoutPubrel() {
        Publisher publisher = publisher(2, 2);
        EmbeddedChannel channel = started(publisher);

        channel.writeInbound(frame(0x50, 0, 2, 0x87));

        assertThat((Object) channel.readOutbound()).isNull();
        assertThat(progress.acked.sum()).isEqualTo(1);
        assertThat(progress.refused.sum()).isEqualTo(1);
        assertThat(publisher.refusedSequences().stream().toArray()).containsExactly(1);
    }

    @Test
    void qos2ReceiverAnswersPublishWithPubrecAndPubrelWithPubcomp() {
        List<Integer> delivered = new ArrayList<>();
        Traffic traffic = new Traffic() {
            @Override
            public void onMessage(ByteBuf payload, boolean dup) {
                delivered.add(payload.readableBytes());
            }
        };
        EmbeddedChannel channel = connected(new LoadClient("r", MqttVersion.V5, traffic), 0);

        channel.writeInbound(frame(0x34, 0, 1, 't', 0, 7, 0, 'x'));
        String pubrec = ByteBufUtil.hexDump((ByteBuf) channel.readOutbound());
        channel.writeInbound(frame(0x62, 0, 7));
        String pubcomp = ByteBufUtil.hexDump((ByteBuf) channel.readOutbound());

        assertThat(delivered).containsExactly(1);
        assertThat(pubrec).isEqualTo("50020007");
        assertThat(pubcomp).isEqualTo("70020007");
    }

    @Test
    void subackRefusingAnyOfSeveralFiltersRefusesTheSubscription() {
        LoadClient client = new LoadClient("c", MqttVersion.V3_1_1, Traffic.IDLE);
        EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoder(client, MqttVersion.V3_1_1));
        client.start(channel, MqttFrames.connect(MqttVersion.V3_1_1, "c", true, 0));
        channel.writeInbound(frame(0x20, 0, 0));
        var subscribed = client.subscribe(List.of("a", "b", "c"), 1);

        channel.writeInbound(frame(0x90, 0, 1, 0x01, 0x80, 0x00));

        assertThat(subscribed).isCompletedExceptionally();
    }

    @Test
    void refusedMessagesAreNotOwedToAnySubscriber() {
        Outcome outcome = new Outcome(100, 3, 10, 270, 0);

        assertThat(outcome.sent()).isEqualTo(300);
        assertThat(outcome.expected()).isEqualTo(270);
        assertThat(outcome.lost()).isZero();
        assertThat(new Outcome(100, 3, 10, 260, 2).lost()).isEqualTo(10);
        assertThat(outcome.into(new JsonLine()).toString())
                .contains("\"sent\":300", "\"lost\":0", "\"refused\":10", "\"duplicates\":0");
    }

    @Test
    void refusalIsReadBackAcrossPacketIdWrapAround() {
        PublishTemplate[] templates = {MqttFrames.publish(MqttVersion.V5, "t", 1, 16)};
        Publisher publisher = new Publisher(0, templates, 1, 65_600, 64, () -> true, 0, progress);
        EmbeddedChannel channel = started(publisher);

        // Acknowledge in order up to the wrap of packet ids (65,535 then 1 again), refusing sequence 65,536.
        for (int sequence = 0; sequence < 65_536; sequence++) {
            channel.writeInbound(frame(0x40, sequence % 65_535 + 1 >>> 8, (sequence % 65_535 + 1) & 0xFF));
            Mqtt5FramesTest.countOutbound(channel);
        }
        channel.writeInbound(frame(0x40, 0, 2, 0x80));

        assertThat(publisher.refusedSequences().stream().toArray()).containsExactly(65_536);
    }

    private Publisher publisher(int qos, int count) {
        PublishTemplate[] templates = {MqttFrames.publish(MqttVersion.V5, "t", qos, 16)};
        return new Publisher(0, templates, qos, count, 64, () -> true, 0, progress);
    }

    /** Connected over MQTT 5, publishing started, the PUBLISHes already sent read off the channel. */
    private static EmbeddedChannel started(Publisher publisher) {
        LoadClient client = new LoadClient("p", MqttVersion.V5, publisher);
        EmbeddedChannel channel = connected(client, 0);
        publisher.start(client, System.nanoTime());
        channel.runPendingTasks();
        Mqtt5FramesTest.countOutbound(channel);
        return channel;
    }

    private static PacketListener recordingReasons(List<Integer> reasons) {
        LoadClient client = new LoadClient("c", MqttVersion.V3_1_1, new Traffic() {
            @Override
            public void onAcknowledged(int packetId, int reasonCode) {
                reasons.add(reasonCode);
            }
        });
        return client;
    }
}
