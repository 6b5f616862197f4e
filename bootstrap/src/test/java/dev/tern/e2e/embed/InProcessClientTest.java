package dev.tern.e2e.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import dev.tern.application.embedded.InProcessClient;
import dev.tern.application.embedded.InProcessClientOptions;
import dev.tern.application.embedded.InProcessMessage;
import dev.tern.application.embedded.RefusedByBrokerException;
import dev.tern.application.port.out.Authorizer;
import dev.tern.application.port.out.BrokerEvent;
import dev.tern.application.port.out.ClientIdentity;
import dev.tern.bootstrap.Tern;
import dev.tern.bootstrap.TernBroker;
import dev.tern.domain.message.UserProperty;
import dev.tern.domain.topic.TopicFilter;
import dev.tern.domain.topic.TopicName;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The in-process client: the same path as a network client, with a callback's back-pressure. */
class InProcessClientTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @ParameterizedTest(name = "QoS {0}")
    @ValueSource(ints = {0, 1, 2})
    void inProcessPublishReachesANetworkSubscriber(int qos) throws Exception {
        try (TernBroker broker = Tern.builder().start();
                InProcessClient service = broker.client("service")) {
            Mqtt5BlockingClient subscriber = mqtt5(broker, "subscriber");
            subscriber.connect();
            BlockingQueue<Mqtt5Publish> received = new LinkedBlockingQueue<>();
            subscriber.toAsync().subscribeWith().topicFilter("sensors/#").qos(MqttQos.EXACTLY_ONCE)
                    .callback(received::add).send().join();

            service.publish("sensors/t1", bytes("21.5"), qos, false).toCompletableFuture().join();

            Mqtt5Publish message = received.poll(10, TimeUnit.SECONDS);
            assertThat(message).isNotNull();
            assertThat(message.getTopic().toString()).isEqualTo("sensors/t1");
            assertThat(message.getPayloadAsBytes()).isEqualTo(bytes("21.5"));
            assertThat(message.getQos().getCode()).isEqualTo(qos);
            subscriber.disconnect();
        }
    }

    @Test
    void networkPublishReachesAnInProcessSubscriptionWithItsUserProperties() throws Exception {
        try (TernBroker broker = Tern.builder().start();
                InProcessClient service = broker.client("service")) {
            BlockingQueue<InProcessMessage> received = new LinkedBlockingQueue<>();
            int granted = service.subscribe("orders/+", 1, received::add).toCompletableFuture().join();
            Mqtt5BlockingClient publisher = mqtt5(broker, "publisher");
            publisher.connect();

            publisher.publishWith().topic("orders/42").qos(MqttQos.AT_LEAST_ONCE).payload(bytes("new"))
                    .userProperties().add("trace", "abc").applyUserProperties().send();

            InProcessMessage message = received.poll(10, TimeUnit.SECONDS);
            assertThat(granted).isEqualTo(1);
            assertThat(message).isNotNull();
            assertThat(message.topic()).isEqualTo("orders/42");
            assertThat(message.payload()).isEqualTo(bytes("new"));
            assertThat(message.qos()).isEqualTo(1);
            assertThat(message.retain()).isFalse();
            assertThat(message.userProperties()).containsExactly(new UserProperty("trace", "abc"));
            publisher.disconnect();
        }
    }

    @Test
    void retainedMessageIsDeliveredToANewInProcessSubscription() throws Exception {
        try (TernBroker broker = Tern.builder().start();
                InProcessClient publisher = broker.client("publisher");
                InProcessClient service = broker.client("service")) {
            publisher.publish("config/mode", bytes("eco"), 1, true).toCompletableFuture().join();
            BlockingQueue<InProcessMessage> received = new LinkedBlockingQueue<>();

            service.subscribe("config/#", 0, received::add).toCompletableFuture().join();

            InProcessMessage message = received.poll(10, TimeUnit.SECONDS);
            assertThat(message).isNotNull();
            assertThat(message.payload()).isEqualTo(bytes("eco"));
            assertThat(message.retain()).isTrue();
        }
    }

    @ParameterizedTest(name = "QoS {0}")
    @ValueSource(ints = {1, 2})
    void publishRefusedByTheAuthorizerFailsWithNotAuthorized(int qos) throws Exception {
        List<ClientIdentity> asked = new CopyOnWriteArrayList<>();
        Authorizer readOnly = new Authorizer() {
            @Override
            public boolean canPublish(ClientIdentity client, TopicName topic) {
                asked.add(client);
                return false;
            }

            @Override
            public boolean canSubscribe(ClientIdentity client, TopicFilter filter) {
                return true;
            }
        };
        try (TernBroker broker = Tern.builder().authorizer(readOnly).start();
                InProcessClient service = broker.client(InProcessClientOptions.of("service")
                        .withCredentials("svc-user", null))) {

            assertThatThrownBy(() -> service.publish("a/b", bytes("x"), qos, false).toCompletableFuture().join())
                    .isInstanceOf(CompletionException.class)
                    .cause().isInstanceOf(RefusedByBrokerException.class)
                    .satisfies(e -> assertThat(((RefusedByBrokerException) e).reasonCode()).isEqualTo(0x87));
            assertThat(asked).extracting(ClientIdentity::username).containsExactly("svc-user");
        }
    }

    @Test
    void slowCallbackHoldsDeliveriesAtTheReceiveMaximum() throws Exception {
        List<BrokerEvent> events = new CopyOnWriteArrayList<>();
        try (TernBroker broker = Tern.builder().set("mqtt.max-queued-messages", "3")
                .set("mqtt.queue-overflow", "drop-oldest").eventListener(events::add).start();
                InProcessClient service = broker.client(InProcessClientOptions.of("slow").withReceiveMaximum(2))) {
            CountDownLatch gate = new CountDownLatch(1);
            List<String> received = new CopyOnWriteArrayList<>();
            service.subscribe("work/#", 1, message -> {
                received.add(new String(message.payload(), StandardCharsets.UTF_8));
                passThrough(gate);
            }).toCompletableFuture().join();
            Mqtt5BlockingClient publisher = mqtt5(broker, "publisher");
            publisher.connect();

            for (int i = 1; i <= 10; i++) {
                publisher.publishWith().topic("work/item").qos(MqttQos.AT_LEAST_ONCE).payload(bytes("" + i)).send();
            }
            // Two unacknowledged at the client, three queued: the other five had nowhere to go.
            await().atMost(WAIT).until(() -> dropped(events) == 5);
            assertThat(received).containsExactly("1");
            gate.countDown();

            await().atMost(WAIT).until(() -> received.contains("10"));
            assertThat(received).containsExactly("1", "2", "8", "9", "10");
            publisher.disconnect();
        }
    }

    @Test
    void callbackThatThrowsStillGetsItsMessageAcknowledged() throws Exception {
        try (TernBroker broker = Tern.builder().start();
                InProcessClient service = broker.client(InProcessClientOptions.of("fragile").withReceiveMaximum(1));
                InProcessClient publisher = broker.client("publisher")) {
            List<String> received = new CopyOnWriteArrayList<>();
            service.subscribe("jobs", 1, message -> {
                received.add(new String(message.payload(), StandardCharsets.UTF_8));
                throw new IllegalStateException("boom");
            }).toCompletableFuture().join();

            publisher.publish("jobs", bytes("first"), 1, false).toCompletableFuture().join();
            publisher.publish("jobs", bytes("second"), 1, false).toCompletableFuture().join();

            // With a Receive Maximum of 1, the second arrives only if the first was acknowledged.
            await().atMost(WAIT).until(() -> received.size() == 2);
            assertThat(received).containsExactly("first", "second");
        }
    }

    @Test
    void closingTheClientEndsItsSession() throws Exception {
        List<BrokerEvent> events = new CopyOnWriteArrayList<>();
        try (TernBroker broker = Tern.builder().eventListener(events::add).start()) {
            InProcessClient service = broker.client("leaving");
            service.subscribe("news", 1, message -> { }).toCompletableFuture().join();

            service.close();

            assertThat(service.closed().toCompletableFuture()).isCompleted();
            assertThatThrownBy(() -> service.publish("news", bytes("x"), 0, false).toCompletableFuture().join())
                    .hasCauseInstanceOf(IllegalStateException.class);
            Mqtt5BlockingClient sameId = mqtt5(broker, "leaving");
            assertThat(sameId.connectWith().cleanStart(false).sessionExpiryInterval(60).send().isSessionPresent())
                    .isFalse();
            sameId.disconnect();
            await().atMost(WAIT).until(() -> events.stream().anyMatch(event ->
                    event instanceof BrokerEvent.ClientDisconnected gone && gone.clientId().equals("leaving")));
        }
    }

    private static long dropped(List<BrokerEvent> events) {
        return events.stream().filter(event -> event instanceof BrokerEvent.MessageDropped).count();
    }

    private static void passThrough(CountDownLatch gate) {
        try {
            gate.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Mqtt5BlockingClient mqtt5(TernBroker broker, String clientId) {
        return MqttClient.builder().useMqttVersion5().identifier(clientId)
                .serverHost("127.0.0.1").serverPort(broker.port("tcp")).buildBlocking();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
