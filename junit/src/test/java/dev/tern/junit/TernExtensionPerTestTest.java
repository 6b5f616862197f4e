package dev.tern.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import dev.tern.bootstrap.TernBroker;
import java.util.concurrent.BlockingQueue;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A fresh broker for each test: nothing the first test left behind reaches the second. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TernExtensionPerTestTest {

    @RegisterExtension
    final TernExtension tern = TernExtension.perTest();

    private static TernBroker firstBroker;

    @Test
    @Order(1)
    void firstTestLeavesARetainedMessage() {
        firstBroker = tern.broker();
        Mqtt5BlockingClient client = Mqtt.connected(tern.port(), "first");
        Mqtt.publish(client, "state", "kept", true);
        client.disconnect();
    }

    @Test
    @Order(2)
    void secondTestGetsABrokerWithoutIt() throws Exception {
        Mqtt5BlockingClient client = Mqtt.connected(tern.port(), "second");
        BlockingQueue<String> received = Mqtt.subscribe(client, "state");

        // A retained message would be delivered on subscribing, before this one.
        Mqtt.publish(client, "state", "marker", false);

        assertThat(Mqtt.next(received)).isEqualTo("marker");
        assertThat(tern.broker()).isNotSameAs(firstBroker);
        client.disconnect();
    }
}
