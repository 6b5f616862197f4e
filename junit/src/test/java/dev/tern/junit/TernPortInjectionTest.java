package dev.tern.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import dev.tern.application.embedded.InProcessClient;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code @TernPort} parameters get the running broker's listener ports. */
class TernPortInjectionTest {

    @RegisterExtension
    static final TernExtension TERN = TernExtension.perClass();

    @Test
    void injectsTheTcpPortANetworkClientCanConnectTo(@TernPort int port) throws Exception {
        Mqtt5BlockingClient client = Mqtt.connected(port, "injected");
        var received = Mqtt.subscribe(client, "greetings");

        try (InProcessClient service = TERN.client("service")) {
            service.publish("greetings", "hello".getBytes(StandardCharsets.UTF_8), 1, false)
                    .toCompletableFuture().join();
        }

        assertThat(port).isEqualTo(TERN.port("tcp"));
        assertThat(Mqtt.next(received)).isEqualTo("hello");
        client.disconnect();
    }

    @Test
    void injectsTheNamedListenersPort(@TernPort("websocket") int websocket, @TernPort int tcp) {
        assertThat(websocket).isEqualTo(TERN.port("websocket")).isNotEqualTo(tcp);
    }
}
