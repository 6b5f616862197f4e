package dev.tern.e2e.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5SubAckException;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAckReasonCode;
import dev.tern.e2e.tools.MosquittoTool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code $SYS} topics end to end, every second: Mosquitto's broker figures (retained, so a late
 * subscriber gets them at once) and EMQX's client events with JSON bodies, read by HiveMQ clients
 * and mosquitto_sub. Who may read them is the ACL's business: a monitoring user with
 * {@code topic read $SYS/#} gets them; a user without that rule is refused, and a {@code #}
 * subscriber never sees a {@code $} topic.
 */
class SysTopicsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static SecureBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        Path passwords = dir.resolve("passwords");
        for (String user : List.of("monitor", "alice")) {
            SecureBroker.passwd(passwords, user, "pw");
        }
        Path acl = Files.writeString(dir.resolve("acl"), String.join("\n",
                "user monitor",
                "topic read $SYS/#",
                "user alice",
                "topic readwrite #",
                ""));
        broker = SecureBroker.start("security.file.password-file=" + passwords, "security.acl.file=" + acl,
                "sys.interval=1", "sys.node-name=node-a");
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    private static Mqtt5BlockingClient connect(String clientId, String user) {
        Mqtt5BlockingClient client = SecureClients.v5(broker.tcpPort(), clientId, user, "pw").buildBlocking();
        client.connect();
        return client;
    }

    /** Subscribes and collects, by topic, the last payload and every message received. */
    private static List<Mqtt5Publish> subscribe(Mqtt5BlockingClient client, String filter) {
        List<Mqtt5Publish> received = new CopyOnWriteArrayList<>();
        client.toAsync().subscribeWith().topicFilter(filter).qos(MqttQos.AT_MOST_ONCE).callback(received::add)
                .send().join();
        return received;
    }

    private static Map<String, String> lastByTopic(List<Mqtt5Publish> received) {
        Map<String, String> values = new ConcurrentHashMap<>();
        for (Mqtt5Publish publish : received) {
            values.put(publish.getTopic().toString(), text(publish));
        }
        return values;
    }

    private static String text(Mqtt5Publish publish) {
        return new String(publish.getPayloadAsBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void aMonitorSeesTheCountersUptimeAndLoads() {
        Mqtt5BlockingClient monitor = connect("monitor-1", "monitor");
        try {
            List<Mqtt5Publish> received = subscribe(monitor, "$SYS/broker/#");
            await().atMost(WAIT).untilAsserted(() -> assertThat(lastByTopic(received))
                    .containsKeys("$SYS/broker/clients/connected", "$SYS/broker/clients/total",
                            "$SYS/broker/clients/maximum", "$SYS/broker/clients/disconnected",
                            "$SYS/broker/messages/received", "$SYS/broker/messages/sent",
                            "$SYS/broker/bytes/received", "$SYS/broker/bytes/sent",
                            "$SYS/broker/publish/messages/dropped", "$SYS/broker/retained messages/count",
                            "$SYS/broker/subscriptions/count", "$SYS/broker/load/messages/received/1min",
                            "$SYS/broker/load/bytes/sent/15min"));
            // The first figures, retained from the start, may predate this client: wait for a tick that counts it.
            await().atMost(WAIT).untilAsserted(() -> assertThat(
                    Long.parseLong(lastByTopic(received).get("$SYS/broker/clients/connected"))).isPositive());
            Map<String, String> values = lastByTopic(received);
            assertThat(values.get("$SYS/broker/version")).startsWith("tern ");
            assertThat(values.get("$SYS/broker/uptime")).matches("\\d+ seconds");
            assertThat(Long.parseLong(values.get("$SYS/broker/clients/connected"))).isPositive();
            assertThat(Long.parseLong(values.get("$SYS/broker/messages/received"))).isPositive();
            assertThat(Long.parseLong(values.get("$SYS/broker/bytes/received"))).isPositive();
            assertThat(Long.parseLong(values.get("$SYS/broker/subscriptions/count"))).isPositive();
            assertThat(values.get("$SYS/broker/load/messages/received/1min")).matches("\\d+\\.\\d\\d");
            // The uptime moves on, tick after tick.
            String first = values.get("$SYS/broker/uptime");
            await().atMost(WAIT).until(() -> !lastByTopic(received).get("$SYS/broker/uptime").equals(first));
        } finally {
            monitor.disconnect();
        }
    }

    @Test
    void aLateSubscriberGetsTheRetainedValuesAtOnce() {
        Mqtt5BlockingClient early = connect("monitor-early", "monitor");
        List<Mqtt5Publish> first = subscribe(early, "$SYS/broker/version");
        await().atMost(WAIT).until(() -> !first.isEmpty());
        early.disconnect();

        Mqtt5BlockingClient late = connect("monitor-late", "monitor");
        try {
            List<Mqtt5Publish> received = subscribe(late, "$SYS/broker/version");
            await().atMost(Duration.ofSeconds(5)).until(() -> !received.isEmpty());
            assertThat(received.get(0).isRetain()).isTrue();
            assertThat(text(received.get(0))).startsWith("tern ");
        } finally {
            late.disconnect();
        }
    }

    @Test
    void clientEventsCarryJsonBodies() throws Exception {
        Mqtt5BlockingClient monitor = connect("monitor-events", "monitor");
        try {
            List<Mqtt5Publish> received = subscribe(monitor, "$SYS/brokers/+/clients/+/+");
            Mqtt5BlockingClient device = SecureClients.v5(broker.tcpPort(), "dev/1+#", "alice", "pw").buildBlocking();
            device.connectWith().keepAlive(30).cleanStart(false).sessionExpiryInterval(60).send();
            device.disconnect();

            String base = "$SYS/brokers/node-a/clients/dev%2F1%2B%23/";
            await().atMost(WAIT).untilAsserted(() -> assertThat(lastByTopic(received))
                    .containsKeys(base + "connected", base + "disconnected"));
            JsonNode connected = JSON.readTree(lastByTopic(received).get(base + "connected"));
            assertThat(connected.get("clientid").asText()).isEqualTo("dev/1+#");
            assertThat(connected.get("username").asText()).isEqualTo("alice");
            assertThat(connected.get("ipaddress").asText()).isEqualTo("127.0.0.1");
            assertThat(connected.get("port").asInt()).isPositive();
            assertThat(connected.get("proto_ver").asInt()).isEqualTo(5);
            assertThat(connected.get("keepalive").asInt()).isEqualTo(30);
            assertThat(connected.get("clean_start").asBoolean()).isFalse();
            assertThat(connected.get("expiry_interval").asLong()).isEqualTo(60);
            assertThat(connected.get("connected_at").asLong()).isCloseTo(System.currentTimeMillis(),
                    org.assertj.core.data.Offset.offset(60_000L));
            JsonNode disconnected = JSON.readTree(lastByTopic(received).get(base + "disconnected"));
            assertThat(disconnected.get("clientid").asText()).isEqualTo("dev/1+#");
            assertThat(disconnected.get("reason").asText()).isEqualTo("client disconnected");
            assertThat(disconnected.get("disconnected_at").asLong())
                    .isGreaterThanOrEqualTo(connected.get("connected_at").asLong());
            // Subscription events are off by default.
            assertThat(received).noneMatch(p -> p.getTopic().toString().endsWith("/subscribed"));
        } finally {
            monitor.disconnect();
        }
    }

    @Test
    void aUserWithoutTheReadRuleGetsNothingAndWildcardsNeverReachSys() {
        Mqtt5BlockingClient alice = connect("alice-sys", "alice");
        Mqtt5BlockingClient monitor = connect("monitor-check", "monitor");
        try {
            Mqtt5SubAckException refused = catchThrowableOfType(Mqtt5SubAckException.class,
                    () -> alice.subscribeWith().topicFilter("$SYS/#").send());
            assertThat(refused.getMqttMessage().getReasonCodes()).containsExactly(Mqtt5SubAckReasonCode.NOT_AUTHORIZED);

            List<Mqtt5Publish> all = subscribe(alice, "#");
            List<Mqtt5Publish> sys = subscribe(monitor, "$SYS/broker/uptime");
            // Two ticks after alice subscribed to #: $SYS was published meanwhile, and she got none of it.
            await().atMost(WAIT).until(() -> sys.size() >= 3);
            alice.publishWith().topic("plain/marker").payload("m".getBytes(StandardCharsets.UTF_8)).send();
            await().atMost(WAIT).until(() -> all.stream().anyMatch(p -> p.getTopic().toString().equals("plain/marker")));
            assertThat(all).noneMatch(p -> p.getTopic().toString().startsWith("$"));
        } finally {
            alice.disconnect();
            monitor.disconnect();
        }
    }

    @Test
    void mosquittoSubReadsTheFiguresAndTheClientEvents() throws Exception {
        String port = String.valueOf(broker.tcpPort());
        try (MosquittoTool.Running figures = new MosquittoTool.Running("mosquitto_sub", "-h", "127.0.0.1", "-p",
                port, "-u", "monitor", "-P", "pw", "-i", "mosq-monitor", "-v", "-t", "$SYS/broker/uptime",
                "-t", "$SYS/broker/clients/connected");
             MosquittoTool.Running events = new MosquittoTool.Running("mosquitto_sub", "-h", "127.0.0.1", "-p",
                port, "-u", "monitor", "-P", "pw", "-i", "mosq-events", "-v", "-t",
                "$SYS/brokers/node-a/clients/+/connected")) {
            assertThat(figures.awaitLine("$SYS/broker/uptime ", 10_000)).matches("\\$SYS/broker/uptime \\d+ seconds");
            figures.awaitLine("$SYS/broker/clients/connected ", 10_000);
            // mosquitto_sub may not have subscribed yet: connect again until it reports a connect.
            AtomicReference<String> seen = new AtomicReference<>();
            await().atMost(WAIT).untilAsserted(() -> {
                Mqtt5BlockingClient probe = connect("mosq-probe", "alice");
                probe.disconnect();
                seen.set(events.awaitLine("\"clientid\":\"mosq-probe\"", 1_000));
            });
            String line = seen.get();
            assertThat(line).startsWith("$SYS/brokers/node-a/clients/mosq-probe/connected {");
            JsonNode body = JSON.readTree(line.substring(line.indexOf('{')));
            assertThat(body.get("username").asText()).isEqualTo("alice");
        }
    }
}
