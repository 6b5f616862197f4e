package dev.tern.benchmarks.load;

import static dev.tern.benchmarks.load.LoadLines.assertComplete;
import static dev.tern.benchmarks.load.LoadLines.field;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.bootstrap.TernBroker;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A broker that refuses retained messages past {@code limits.retained.max-messages} answers the
 * MQTT 5 PUBLISH with PUBACK reason 0x97 (Quota exceeded): the load generator counts those as
 * refused and owes their deliveries to nobody, so the run is complete, not lossy.
 */
class RefusedRetainedMessagesTest {

    private TernBroker broker;

    @BeforeEach
    void startBroker() throws Exception {
        broker = LoopbackBroker.start("limits.retained.max-messages", "100", "limits.retained.when-full", "refuse");
    }

    @AfterEach
    void stopBroker() {
        broker.close();
    }

    @Test
    void retainedMessagesRefusedWithAReasonCodeAreNotCountedAsLost() throws Exception {
        String line = LoadMain.run(List.of("--scenario", "retained-many", "--port", String.valueOf(broker.port("tcp")),
                "--protocol", "5", "--retained", "300", "--groups", "3", "--clients", "6",
                "--stall", "5", "--timeout", "15"));

        long refused = field(line, "retained_refused");
        assertThat(refused).as(line).isBetween(200L, 299L);
        // Two clients per group; every retained message the broker kept is owed to both.
        assertThat(field(line, "sent")).as(line).isEqualTo(2 * (300 - refused));
        assertThat(field(line, "misdelivered")).as(line).isZero();
        assertComplete(line);
    }
}
