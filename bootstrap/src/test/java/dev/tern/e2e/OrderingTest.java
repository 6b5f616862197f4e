package dev.tern.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import dev.tern.e2e.support.BrokerExtension;
import dev.tern.e2e.support.HiveClients;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("4.6 Message ordering")
class OrderingTest {

    private static final int MESSAGES = 1_000;

    @RegisterExtension
    static final BrokerExtension BROKER = BrokerExtension.with();

    /**
     * [MQTT-4.6.0-5], [MQTT-4.6.0-6]: topics are ordered by default, so 1,000 QoS 1 messages from
     * one publisher, sent without waiting for acknowledgements, reach the subscriber in order.
     */
    @Test
    void deliversQos1MessagesFromOnePublisherInOrder() throws Exception {
        BlockingQueue<Mqtt3Publish> received = HiveClients.queue();
        Mqtt3AsyncClient subscriber = HiveClients.subscriber(BROKER.port(), "order-sub", "order/#", MqttQos.AT_LEAST_ONCE, received);
        Mqtt3AsyncClient publisher = HiveClients.async(BROKER.port(), "order-pub");
        try {
            publisher.connect().join();
            List<CompletableFuture<?>> acks = new ArrayList<>();
            for (int i = 0; i < MESSAGES; i++) {
                acks.add(publisher.publishWith().topic("order/seq").qos(MqttQos.AT_LEAST_ONCE)
                        .payload(String.valueOf(i).getBytes(StandardCharsets.UTF_8)).send());
            }
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

            List<Integer> sequence = new ArrayList<>();
            while (sequence.size() < MESSAGES) {
                Mqtt3Publish message = received.poll(10, TimeUnit.SECONDS);
                assertThat(message).as("message %d of %d", sequence.size(), MESSAGES).isNotNull();
                sequence.add(Integer.parseInt(HiveClients.text(message)));
            }
            assertThat(sequence).isSorted().doesNotHaveDuplicates().hasSize(MESSAGES);
        } finally {
            publisher.disconnect().join();
            subscriber.disconnect().join();
        }
    }
}
