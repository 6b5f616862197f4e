package dev.tern.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.event.BrokerEvents;
import dev.tern.application.event.EventReasons;
import dev.tern.application.port.out.BrokerEvent.MessageDropped;
import dev.tern.application.testing.CapturedLog;
import dev.tern.application.testing.ManualClock;
import dev.tern.application.testing.RecordingEvents;
import dev.tern.domain.message.ApplicationMessage;
import dev.tern.domain.message.Qos;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A dropped message is counted, reported and, for a full queue, logged at most once a minute. */
class DeliveryDropsTest {

    private static final ApplicationMessage MESSAGE = ApplicationMessage.of("t/1", new byte[1], Qos.AT_LEAST_ONCE,
            false);

    private final ManualClock clock = new ManualClock(1_000_000);
    private final DeliveryCounters counters = new DeliveryCounters();
    private final RecordingEvents events = new RecordingEvents();
    private final DeliveryDrops drops = new DeliveryDrops(counters, events, clock);
    @RegisterExtension
    final CapturedLog log = CapturedLog.of(DeliveryDrops.class);



    @Test
    void logsTheFirstQueueFullDropThenOnlyCountsForAMinute() {
        drops.queueFull("a", MESSAGE, "drop-oldest");
        clock.advance(59_999);
        drops.queueFull("b", MESSAGE, "drop-oldest");
        drops.queueFull("c", MESSAGE, "refuse-newest");

        assertThat(log.warnings()).containsExactly("a: queue full, dropped a message on t/1 (drop-oldest policy)");
        assertThat(counters.queueFullDrops()).isEqualTo(3);
    }

    @Test
    void logsTheCountWithTheFirstDropAfterTheMinute() {
        drops.queueFull("a", MESSAGE, "drop-oldest");
        drops.queueFull("b", MESSAGE, "drop-oldest");
        drops.queueFull("b", MESSAGE, "drop-oldest");
        clock.advance(60_000);

        drops.queueFull("c", MESSAGE, "refuse-newest");

        assertThat(log.warnings()).containsExactly("a: queue full, dropped a message on t/1 (drop-oldest policy)",
                "c: queue full, dropped a message on t/1 (refuse-newest policy); 2 more dropped for full queues since "
                        + Instant.ofEpochMilli(1_000_000));
    }

    @Test
    void startsAFreshMinuteAfterReportingACount() {
        drops.queueFull("a", MESSAGE, "drop-oldest");
        clock.advance(60_000);
        drops.queueFull("b", MESSAGE, "drop-oldest");
        clock.advance(30_000);
        drops.queueFull("c", MESSAGE, "drop-oldest");

        assertThat(log.warnings()).hasSize(2);
    }

    @Test
    void reportsEachKindOfDropWithItsReasonAndCountsIt() {
        drops.queueFull("a", MESSAGE, "drop-oldest");
        drops.offlineQos0("a", MESSAGE);
        drops.expired("a", MESSAGE);
        drops.notAuthorized("a", MESSAGE);
        drops.tooLarge("a", MESSAGE);

        assertThat(events.of(MessageDropped.class)).extracting(MessageDropped::reason).containsExactly(
                EventReasons.QUEUE_FULL, EventReasons.OFFLINE_QOS0, EventReasons.EXPIRED, EventReasons.NOT_AUTHORIZED,
                EventReasons.TOO_LARGE);
        assertThat(List.of(counters.queueFullDrops(), counters.qos0OfflineDrops(), counters.expiredDrops(),
                counters.notAuthorizedDrops(), counters.tooLargeDrops())).containsOnly(1L);
    }

    @Test
    void stillCountsDropsWhenNobodyListens() {
        DeliveryDrops unheard = new DeliveryDrops(counters, BrokerEvents.NONE, clock);

        unheard.expired("a", MESSAGE);

        assertThat(counters.expiredDrops()).isEqualTo(1);
    }
}
