package dev.tern.e2e.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import dev.tern.bootstrap.Tern;
import dev.tern.bootstrap.TernBroker;
import dev.tern.e2e.support.HiveClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Per-client inbound rate limits with real clients over TCP and WebSocket: pausing slows a client
 * to its rate without losing anything, refusing answers 0x97 (MQTT 5) or disconnects (3.1.1), and
 * rules per listener and per client id pattern override the default. Other clients go on as usual.
 */
@DisplayName("Hardening: per-client rate limits")
class RateLimitE2ETest {

    private static final int RATE = 20;
    /** One socket read may bring a few packets past the bucket before reading pauses. */
    private static final int ONE_READ = 8;

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private TernBroker broker(String... settings) throws Exception {
        Tern.Builder builder = Tern.builder();
        for (String setting : settings) {
            int equals = setting.indexOf('=');
            builder.set(setting.substring(0, equals), setting.substring(equals + 1));
        }
        TernBroker broker = builder.start();
        open.add(broker);
        return broker;
    }

    private Mqtt3AsyncClient client3(int port, String id, boolean webSocket) {
        var builder = MqttClient.builder().useMqttVersion3().identifier(id).serverHost("127.0.0.1").serverPort(port);
        Mqtt3AsyncClient client = webSocket
                ? builder.webSocketConfig().serverPath("mqtt").applyWebSocketConfig().buildAsync() : builder.buildAsync();
        client.connect().join();
        open.add(() -> client.disconnect());
        return client;
    }

    private Mqtt5AsyncClient client5(int port, String id) {
        Mqtt5AsyncClient client = MqttClient.builder().useMqttVersion5().identifier(id).serverHost("127.0.0.1")
                .serverPort(port).buildAsync();
        client.connect().join();
        open.add(() -> client.disconnect());
        return client;
    }

    private BlockingQueue<Mqtt3Publish> subscribe(int port, String filter) {
        BlockingQueue<Mqtt3Publish> received = HiveClients.queue();
        Mqtt3AsyncClient subscriber = HiveClients.subscriber(port, "sub-" + filter.replace('/', '-'), filter,
                MqttQos.AT_LEAST_ONCE, received);
        open.add(() -> subscriber.disconnect());
        return received;
    }

    /** Publishes {@code count} messages of {@code size} bytes without waiting; the futures complete at PUBACK. */
    private static List<CompletableFuture<?>> flood(Mqtt3AsyncClient client, String topic, int count, int size) {
        List<CompletableFuture<?>> sent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sent.add(client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(new byte[size]).send());
        }
        return sent;
    }

    /** The PUBACK reason codes of {@code count} QoS 1 messages sent at once. */
    private static List<Mqtt5PubAckReasonCode> pubackCodes(Mqtt5AsyncClient client, int count) {
        List<CompletableFuture<Mqtt5PubAckReasonCode>> codes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            codes.add(client.publishWith().topic("limits/refuse").qos(MqttQos.AT_LEAST_ONCE).payload(new byte[8]).send()
                    .handle((result, failure) -> failure == null ? code(result) : code(failure)));
        }
        return codes.stream().map(CompletableFuture::join).toList();
    }

    private static Mqtt5PubAckReasonCode code(Mqtt5PublishResult result) {
        if (result.getError().isPresent()) {
            return code(result.getError().get());
        }
        return ((Mqtt5PublishResult.Mqtt5Qos1Result) result).getPubAck().getReasonCode();
    }

    private static Mqtt5PubAckReasonCode code(Throwable failure) {
        Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
        return ((Mqtt5PubAckException) cause).getMqttMessage().getReasonCode();
    }

    /**
     * At most a bucket's worth, the rate over the time that has passed, and one read's worth more:
     * measured after reading the count, so the bound can only be generous.
     */
    private static long bound(long startNanos) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        return RATE + (long) Math.ceil(RATE * seconds) + ONE_READ;
    }

    private void pausedPublisherIsSlowedToItsRateAndLosesNothing(boolean webSocket) throws Exception {
        TernBroker broker = broker("rate-limit.messages-per-second=" + RATE);
        int port = broker.port(webSocket ? "websocket" : "tcp");
        BlockingQueue<Mqtt3Publish> greedyReceived = subscribe(broker.port("tcp"), "limits/greedy");
        BlockingQueue<Mqtt3Publish> calmReceived = subscribe(broker.port("tcp"), "limits/calm");
        Mqtt3AsyncClient greedy = client3(port, "greedy", webSocket);
        Mqtt3AsyncClient calm = client3(port, "calm", webSocket);

        long start = System.nanoTime();
        List<CompletableFuture<?>> greedySent = flood(greedy, "limits/greedy", 3 * RATE, 16 * 1024);
        Thread.sleep(700);
        assertThat((long) greedyReceived.size()).isGreaterThan(0).isLessThanOrEqualTo(bound(start));

        // another client under its limit is not held back by the paused one
        List<CompletableFuture<?>> calmSent = flood(calm, "limits/calm", RATE / 2, 16);
        await().atMost(Duration.ofSeconds(5)).until(() -> calmReceived.size() == RATE / 2);
        CompletableFuture.allOf(calmSent.toArray(CompletableFuture[]::new)).join();
        assertThat((long) greedyReceived.size()).isLessThanOrEqualTo(bound(start)).isLessThan(3 * RATE);

        // pausing loses nothing: everything arrives, at the client's rate, so never sooner than
        // the messages beyond a bucket and one read take at that rate
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
                .until(() -> greedyReceived.size() == 3 * RATE);
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        CompletableFuture.allOf(greedySent.toArray(CompletableFuture[]::new)).join();
        assertThat(tookMillis).isGreaterThanOrEqualTo(1000L * (3 * RATE - RATE - ONE_READ) / RATE);
    }

    @Test
    void inPauseModeAClientOverItsMessageRateIsSlowedToItOverTcp() throws Exception {
        pausedPublisherIsSlowedToItsRateAndLosesNothing(false);
    }

    @Test
    void inPauseModeAClientOverItsMessageRateIsSlowedToItOverWebSocket() throws Exception {
        pausedPublisherIsSlowedToItsRateAndLosesNothing(true);
    }

    @Test
    void inRefuseModeAnMqtt5ClientOverItsRateGetsQuotaExceededAndOthersDoNot() throws Exception {
        TernBroker broker = broker("rate-limit.messages-per-second=5", "rate-limit.over-limit=refuse");
        Mqtt5AsyncClient greedy = client5(broker.port("tcp"), "greedy");
        Mqtt5AsyncClient calm = client5(broker.port("tcp"), "calm");

        List<Mqtt5PubAckReasonCode> greedyCodes = pubackCodes(greedy, 30);
        List<Mqtt5PubAckReasonCode> calmCodes = pubackCodes(calm, 5);

        assertThat(greedyCodes).contains(Mqtt5PubAckReasonCode.QUOTA_EXCEEDED);
        assertThat(greedyCodes.stream().filter(code -> !code.isError()).count()).isGreaterThanOrEqualTo(5);
        assertThat(calmCodes).doesNotContain(Mqtt5PubAckReasonCode.QUOTA_EXCEEDED);
        assertThat(greedy.getState().isConnected()).isTrue();
    }

    @Test
    void inRefuseModeAnMqtt311ClientOverItsRateWithQos1IsDisconnected() throws Exception {
        TernBroker broker = broker("rate-limit.messages-per-second=2", "rate-limit.over-limit=refuse");
        org.eclipse.paho.client.mqttv3.MqttClient paho = new org.eclipse.paho.client.mqttv3.MqttClient(
                "tcp://127.0.0.1:" + broker.port("tcp"), "paho-greedy", new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setAutomaticReconnect(false);
        paho.setTimeToWait(5_000);
        paho.connect(options);
        open.add(paho::close);

        paho.publish("limits/v3", new byte[1], 1, false);
        paho.publish("limits/v3", new byte[1], 1, false);
        MqttException lost = null;
        try {
            paho.publish("limits/v3", new byte[1], 1, false);
        } catch (MqttException e) {
            lost = e;
        }

        assertThat(lost).isNotNull();
        await().atMost(Duration.ofSeconds(5)).until(() -> !paho.isConnected());
    }

    @Test
    void rulesExemptAListenerAndAClientIdPatternFromTheDefaultLimit() throws Exception {
        TernBroker broker = broker("rate-limit.messages-per-second=3", "rate-limit.over-limit=refuse",
                "rate-limit.rules=listener:tcp-internal=0/0, client:vip-*=0/0, client:tight-*=1/0",
                "listeners.tcp-internal.type=tcp", "listeners.tcp-internal.host=127.0.0.1",
                "listeners.tcp-internal.port=0");

        List<Mqtt5PubAckReasonCode> plain = pubackCodes(client5(broker.port("tcp"), "plain"), 20);
        List<Mqtt5PubAckReasonCode> vip = pubackCodes(client5(broker.port("tcp"), "vip-1"), 20);
        List<Mqtt5PubAckReasonCode> internal = pubackCodes(client5(broker.port("tcp-internal"), "plain-2"), 20);
        List<Mqtt5PubAckReasonCode> tight = pubackCodes(client5(broker.port("tcp-internal"), "tight-1"), 3);

        assertThat(plain).contains(Mqtt5PubAckReasonCode.QUOTA_EXCEEDED);
        assertThat(vip).doesNotContain(Mqtt5PubAckReasonCode.QUOTA_EXCEEDED);
        assertThat(internal).doesNotContain(Mqtt5PubAckReasonCode.QUOTA_EXCEEDED);
        // the first matching rule wins: the listener's exemption, listed first, covers tight-1 too
        assertThat(tight).doesNotContain(Mqtt5PubAckReasonCode.QUOTA_EXCEEDED);
    }
}
