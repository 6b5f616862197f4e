package dev.tern.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One broker for the whole class: the second test finds what the first left behind. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TernExtensionPerClassTest {

    @RegisterExtension
    static final TernExtension TERN = TernExtension.perClass().set("listeners.websocket.enabled", "false");

    private static int firstPort;

    @Test
    @Order(1)
    void firstTestLeavesARetainedMessage() {
        firstPort = TERN.port();
        Mqtt5BlockingClient client = Mqtt.connected(TERN.port(), "first");
        Mqtt.publish(client, "state", "kept", true);
        client.disconnect();

        assertThat(TERN.broker().listenerNames()).containsExactly("tcp");
    }

    @Test
    @Order(2)
    void secondTestRunsAgainstTheSameBroker() throws Exception {
        Mqtt5BlockingClient client = Mqtt.connected(TERN.port(), "second");

        String retained = Mqtt.next(Mqtt.subscribe(client, "state"));

        assertThat(TERN.port()).isEqualTo(firstPort);
        assertThat(retained).isEqualTo("kept");
        client.disconnect();
    }
}
