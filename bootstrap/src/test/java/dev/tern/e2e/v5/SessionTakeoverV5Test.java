package dev.tern.e2e.v5;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5DisconnectException;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5DisconnectReasonCode;
import dev.tern.e2e.raw.RawMqttClient;
import dev.tern.e2e.raw.Received5;
import dev.tern.e2e.support.BrokerExtension;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("3.1.4 Session takeover (MQTT 5)")
class SessionTakeoverV5Test {

    @RegisterExtension
    static final BrokerExtension BROKER = BrokerExtension.with();

    /** [MQTT-3.1.4-3]: the old connection is told 0x8E Session taken over, then closed. */
    @Test
    void tellsTheOldConnectionSessionTakenOver() throws Exception {
        try (RawMqttClient old = RawSteps.connected(BROKER.port(), "to-raw");
                RawMqttClient replacement = RawSteps.connected(BROKER.port(), "to-raw")) {
            assertThat(Received5.awaitDisconnect(old).reasonCode()).isEqualTo(0x8E);
        }
    }

    @Test
    void hiveMqClientSeesSessionTakenOver() throws Exception {
        CompletableFuture<Throwable> cause = new CompletableFuture<>();
        Mqtt5AsyncClient old = Hive5.builder(BROKER.port(), "to-hive")
                .addDisconnectedListener(context -> cause.complete(context.getCause())).buildAsync();
        old.connect().orTimeout(5, TimeUnit.SECONDS).join();
        Mqtt5AsyncClient replacement = Hive5.connected(BROKER.port(), "to-hive");
        try {
            Throwable why = cause.get(5, TimeUnit.SECONDS);
            assertThat(why).isInstanceOf(Mqtt5DisconnectException.class);
            assertThat(((Mqtt5DisconnectException) why).getMqttMessage().getReasonCode())
                    .isEqualTo(Mqtt5DisconnectReasonCode.SESSION_TAKEN_OVER);
        } finally {
            Hive5.disconnect(replacement);
        }
    }

    @Test
    void pahoClientSeesSessionTakenOver() throws Exception {
        CompletableFuture<Integer> reason = new CompletableFuture<>();
        MqttClient old = new MqttClient(BROKER.uri(), "to-paho", new MemoryPersistence());
        MqttClient replacement = new MqttClient(BROKER.uri(), "to-paho", new MemoryPersistence());
        old.setCallback(new PahoCallbacks(reason, null));
        try {
            old.connect();
            replacement.connect();
            assertThat(reason.get(5, TimeUnit.SECONDS)).isEqualTo(0x8E);
        } finally {
            replacement.disconnect();
            replacement.close();
            old.close(true);
        }
    }
}
