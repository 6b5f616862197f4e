package dev.tern.application.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.protocol.codec.PacketEncoder;
import dev.tern.application.protocol.packet.Pingresp;
import dev.tern.application.protocol.packet.Properties;
import dev.tern.application.protocol.packet.ProtocolVersion;
import dev.tern.application.protocol.packet.Publish;
import dev.tern.application.service.BrokerCounters;
import dev.tern.application.testing.ManualClock;
import dev.tern.application.testing.ManualExecutor;
import dev.tern.application.testing.RecordingChannel;
import dev.tern.domain.message.Payload;
import dev.tern.domain.message.Qos;
import org.junit.jupiter.api.Test;

class OutboundWriterTest {

    private static final ProtocolVersion V311 = ProtocolVersion.MQTT_3_1_1;

    private final ManualExecutor executor = new ManualExecutor(new ManualClock(0));
    private final RecordingChannel channel = new RecordingChannel(executor).speaking(V311);
    private final BrokerCounters counters = new BrokerCounters();
    private final OutboundWriter writer = new OutboundWriter(channel, counters);

    private final Publish publish = new Publish(false, Qos.AT_LEAST_ONCE, false, "a/b", 7, Properties.EMPTY,
            Payload.wrap(new byte[] {1, 2, 3}));

    @Test
    void countsWhatItWroteWhenItFlushesOncePerTurn() {
        writer.write(publish, V311);
        writer.write(Pingresp.INSTANCE, V311);
        assertThat(counters.packetsSent()).isZero();

        executor.runPending();

        assertThat(channel.flushes()).isEqualTo(1);
        assertThat(counters.packetsSent()).isEqualTo(2);
        assertThat(counters.publishesSent()).isEqualTo(1);
        assertThat(counters.bytesSent()).isEqualTo(PacketEncoder.encode(publish, V311).remaining()
                + PacketEncoder.encode(Pingresp.INSTANCE, V311).remaining());
    }

    @Test
    void countsWhatItWroteBeforeItStoppedThoughNoFlushFollows() {
        writer.write(publish, V311);

        writer.stop();
        executor.runPending();

        assertThat(counters.packetsSent()).isEqualTo(1);
        assertThat(counters.publishesSent()).isEqualTo(1);
        assertThat(channel.flushes()).isZero();
    }
}
