package dev.tern.application.sys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.application.testing.ManualClock;
import dev.tern.application.testing.ManualExecutor;
import dev.tern.domain.message.ApplicationMessage;
import dev.tern.domain.message.Qos;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SysTopicsPublisherTest {

    private final ManualClock clock = new ManualClock(1_000_000);
    private final ManualExecutor executor = new ManualExecutor(clock);
    private final FakeStatistics stats = new FakeStatistics();
    private final List<ApplicationMessage> sent = new ArrayList<>();
    private final SysTopicsPublisher publisher = new SysTopicsPublisher(stats, sent::add, executor, clock, 10, "1.2.3");

    /** The last value published per topic, without the {@code $SYS/broker/} prefix, and clears. */
    private Map<String, String> take() {
        Map<String, String> values = new LinkedHashMap<>();
        for (ApplicationMessage message : sent) {
            assertThat(message.retain()).as("retained").isTrue();
            assertThat(message.qos()).isEqualTo(Qos.AT_MOST_ONCE);
            assertThat(message.topic().value()).startsWith("$SYS/broker/");
            values.put(message.topic().value().substring("$SYS/broker/".length()),
                    new String(message.payload().toByteArray(), StandardCharsets.UTF_8));
        }
        sent.clear();
        return values;
    }

    @Test
    void publishesEveryFigureAtStartRetained() {
        stats.connected = 3;
        stats.sessions = 5;
        stats.maximum = 4;
        stats.received = 100;
        stats.sentPackets = 90;
        stats.bytesReceived = 1000;
        stats.bytesSent = 2000;
        stats.dropped = 7;
        stats.retained = 2;
        stats.subscriptions = 6;
        stats.publishReceived = 40;
        stats.publishSent = 50;

        publisher.start();
        executor.runPending();

        assertThat(take()).containsEntry("version", "tern 1.2.3")
                .containsEntry("uptime", "0 seconds")
                .containsEntry("clients/connected", "3")
                .containsEntry("clients/disconnected", "2")
                .containsEntry("clients/total", "5")
                .containsEntry("clients/maximum", "4")
                .containsEntry("messages/received", "100")
                .containsEntry("messages/sent", "90")
                .containsEntry("publish/messages/received", "40")
                .containsEntry("publish/messages/sent", "50")
                .containsEntry("bytes/received", "1000")
                .containsEntry("bytes/sent", "2000")
                .containsEntry("publish/messages/dropped", "7")
                .containsEntry("retained messages/count", "2")
                .containsEntry("subscriptions/count", "6")
                .doesNotContainKey("load/messages/received/1min");
    }

    @Test
    void publishesOnlyWhatChangedEachInterval() {
        publisher.start();
        executor.runPending();
        take();

        stats.received = 5;
        executor.advance(9_999);
        assertThat(take()).isEmpty();
        executor.advance(1);

        Map<String, String> second = take();
        assertThat(second).containsEntry("uptime", "10 seconds").containsEntry("messages/received", "5")
                .doesNotContainKeys("version", "clients/connected", "messages/sent");

        executor.advance(10_000);
        assertThat(take()).containsEntry("uptime", "20 seconds").doesNotContainKey("messages/received");
    }

    @Test
    void loadAveragesAreDecayedRatesPerMinute() {
        publisher.start();
        executor.runPending();
        take();

        stats.received = 60; // 60 packets in 10 s: 360 per minute
        executor.advance(10_000);
        Map<String, String> values = take();

        // L = r + e^(-10/w) (0 - r) = r (1 - e^(-10/w))
        assertThat(values).containsEntry("load/messages/received/1min", format(360 * (1 - Math.exp(-10.0 / 60))))
                .containsEntry("load/messages/received/5min", format(360 * (1 - Math.exp(-10.0 / 300))))
                .containsEntry("load/messages/received/15min", format(360 * (1 - Math.exp(-10.0 / 900))))
                .containsEntry("load/messages/sent/1min", "0.00")
                .containsEntry("load/bytes/received/1min", "0.00")
                .containsEntry("load/connections/15min", "0.00");

        // No traffic for the next 10 s: the averages decay towards 0 and are published again.
        executor.advance(10_000);
        double oneMinute = 360 * (1 - Math.exp(-10.0 / 60)) * Math.exp(-10.0 / 60);
        assertThat(take()).containsEntry("load/messages/received/1min", format(oneMinute))
                .doesNotContainKey("load/messages/sent/1min");
    }

    @Test
    void stopEndsTheTicks() {
        publisher.start();
        executor.runPending();
        take();
        publisher.stop();

        executor.advance(60_000);
        assertThat(sent).isEmpty();
    }

    @Test
    void anIntervalBelowOneSecondIsRefused() {
        assertThatThrownBy(() -> new SysTopicsPublisher(stats, sent::add, executor, clock, 0, "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String format(double value) {
        return String.format(java.util.Locale.ROOT, "%.2f", value);
    }

    static final class FakeStatistics implements BrokerStatistics {
        long connected;
        long sessions;
        long maximum;
        long connections;
        long received;
        long sentPackets;
        long publishReceived;
        long publishSent;
        long bytesReceived;
        long bytesSent;
        long dropped;
        long retained;
        long subscriptions;

        @Override
        public long clientsConnected() {
            return connected;
        }

        @Override
        public long sessions() {
            return sessions;
        }

        @Override
        public long clientsMaximum() {
            return maximum;
        }

        @Override
        public long connections() {
            return connections;
        }

        @Override
        public long messagesReceived() {
            return received;
        }

        @Override
        public long messagesSent() {
            return sentPackets;
        }

        @Override
        public long publishReceived() {
            return publishReceived;
        }

        @Override
        public long publishSent() {
            return publishSent;
        }

        @Override
        public long bytesReceived() {
            return bytesReceived;
        }

        @Override
        public long bytesSent() {
            return bytesSent;
        }

        @Override
        public long publishDropped() {
            return dropped;
        }

        @Override
        public long retainedMessages() {
            return retained;
        }

        @Override
        public long subscriptions() {
            return subscriptions;
        }
    }
}
