package dev.tern.e2e.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5DisconnectException;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5DisconnectReasonCode;
import dev.tern.bootstrap.Tern;
import dev.tern.bootstrap.TernBroker;
import dev.tern.e2e.support.HiveClients;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin API end to end: a real broker, HiveMQ clients, and the JSON endpoints called with an
 * API key made by {@code tern apikey}.
 */
class AdminApiTest {

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private TernBroker broker;
    private String admin;
    private String key;
    private int tcp;

    @BeforeEach
    void start() throws Exception {
        Path keys = dir.resolve("api-keys");
        key = ApiKeys.create(keys, "ops");
        broker = Tern.builder().set("admin.http.enabled", "true").set("admin.api-key-file", keys.toString()).start();
        admin = "http://127.0.0.1:" + broker.port("admin-http");
        tcp = broker.port("tcp");
    }

    @AfterEach
    void stop() {
        broker.close();
    }

    @Test
    void listsFiltersAndDescribesClients() throws Exception {
        BlockingQueue<Mqtt3Publish> received = HiveClients.queue();
        Mqtt3AsyncClient sensor = HiveClients.subscriber(tcp, "sensor-1", "s/+/cmd", MqttQos.AT_LEAST_ONCE, received);
        Mqtt3BlockingClient other = HiveClients.blocking(tcp, "other");
        other.connect();

        assertThat(call("GET", "/api/v1/clients", null).body()).contains("\"total\": 2");
        HttpResponse<String> filtered = call("GET", "/api/v1/clients?clientid=sens&connected=true", null);
        assertThat(filtered.statusCode()).isEqualTo(200);
        assertThat(filtered.body()).contains("\"total\": 1", "\"clientid\": \"sensor-1\"", "\"address\": \"127.0.0.1:")
                .doesNotContain("\"other\"");
        assertThat(call("GET", "/api/v1/clients?address=10.", null).body()).contains("\"total\": 0");

        HttpResponse<String> detail = call("GET", "/api/v1/clients/sensor-1", null);
        assertThat(detail.statusCode()).isEqualTo(200);
        assertThat(detail.body()).contains("\"connected\": true", "\"protocol\": 4", "\"filter\": \"s/+/cmd\"",
                "\"qos\": 1", "\"queued\": 0", "\"inflight\": 0");
        assertThat(call("GET", "/api/v1/clients/nobody", null).statusCode()).isEqualTo(404);

        other.disconnect();
        await().atMost(Duration.ofSeconds(5)).until(() ->
                call("GET", "/api/v1/clients?connected=true", null).body().contains("\"total\": 1"));
        sensor.disconnect().join();
    }

    @Test
    void kickTellsAnMqtt5ClientAdministrativeActionAndCanDiscardTheSession() throws Exception {
        CompletableFuture<Throwable> cause = new CompletableFuture<>();
        Mqtt5AsyncClient client = MqttClient.builder().useMqttVersion5().identifier("kick-me").serverHost("127.0.0.1")
                .serverPort(tcp).addDisconnectedListener(context -> cause.complete(context.getCause())).buildAsync();
        client.connectWith().cleanStart(false).sessionExpiryInterval(600).send().orTimeout(5, TimeUnit.SECONDS).join();

        assertThat(call("DELETE", "/api/v1/clients/kick-me", null).statusCode()).isEqualTo(200);
        Throwable why = cause.get(5, TimeUnit.SECONDS);
        assertThat(why).isInstanceOf(Mqtt5DisconnectException.class);
        assertThat(((Mqtt5DisconnectException) why).getMqttMessage().getReasonCode())
                .isEqualTo(Mqtt5DisconnectReasonCode.ADMINISTRATIVE_ACTION);

        // The session outlives the kick (expiry 600 s) until it is discarded.
        await().atMost(Duration.ofSeconds(5)).until(() ->
                call("GET", "/api/v1/clients/kick-me", null).body().contains("\"connected\": false"));
        assertThat(call("DELETE", "/api/v1/clients/kick-me", null).statusCode()).as("not connected").isEqualTo(409);
        assertThat(call("DELETE", "/api/v1/clients/kick-me?session=true", null).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/v1/clients/kick-me", null).statusCode()).isEqualTo(404);
        assertThat(call("DELETE", "/api/v1/clients/kick-me", null).statusCode()).isEqualTo(404);
    }

    @Test
    void subscribeOnBehalfThenPublishThroughTheApi() throws Exception {
        BlockingQueue<Mqtt3Publish> received = HiveClients.queue();
        Mqtt3AsyncClient client = HiveClients.async(tcp, "on-behalf");
        client.publishes(MqttGlobalPublishFilter.ALL, received::add);
        client.connect().join();
        call("POST", "/api/v1/publish", "{\"topic\": \"cfg/lamp\", \"payload\": \"kept\", \"retain\": true}");

        HttpResponse<String> subscribed = call("POST", "/api/v1/clients/on-behalf/subscriptions",
                "{\"filter\": \"cfg/#\", \"qos\": 1}");
        assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(200);
        Mqtt3Publish retained = received.poll(5, TimeUnit.SECONDS);
        assertThat(retained).as("the retained message, as for the client's own SUBSCRIBE").isNotNull();
        assertThat(HiveClients.text(retained)).isEqualTo("kept");
        assertThat(retained.isRetain()).isTrue();

        HttpResponse<String> published = call("POST", "/api/v1/publish",
                "{\"topic\": \"cfg/fan\", \"payload\": \"on\", \"qos\": 1, \"user_properties\": {\"by\": \"ops\"}}");
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        assertThat(published.body()).contains("1 receiver");
        Mqtt3Publish message = received.poll(5, TimeUnit.SECONDS);
        assertThat(message).isNotNull();
        assertThat(message.getTopic().toString()).isEqualTo("cfg/fan");
        assertThat(HiveClients.text(message)).isEqualTo("on");
        assertThat(message.getQos()).isEqualTo(MqttQos.AT_LEAST_ONCE);

        assertThat(call("GET", "/api/v1/clients/on-behalf", null).body()).contains("\"filter\": \"cfg/#\"");
        assertThat(call("DELETE", "/api/v1/clients/on-behalf/subscriptions?filter=" + enc("cfg/#"), null)
                .statusCode()).isEqualTo(200);
        assertThat(call("DELETE", "/api/v1/clients/on-behalf/subscriptions?filter=" + enc("cfg/#"), null)
                .statusCode()).isEqualTo(404);
        call("POST", "/api/v1/publish", "{\"topic\": \"cfg/fan\", \"payload\": \"off\"}");
        assertThat(received.poll(300, TimeUnit.MILLISECONDS)).as("unsubscribed").isNull();
        client.disconnect().join();
    }

    @Test
    void retainedListGetAndDelete() throws Exception {
        Mqtt3BlockingClient publisher = HiveClients.blocking(tcp, "retainer");
        publisher.connect();
        publisher.publishWith().topic("home/a/temp").payload("21".getBytes()).retain(true).qos(MqttQos.AT_LEAST_ONCE)
                .send();
        publisher.publishWith().topic("home/b/temp").payload(new byte[] {(byte) 0xff}).retain(true)
                .qos(MqttQos.AT_LEAST_ONCE).send();
        publisher.disconnect();

        HttpResponse<String> list = call("GET", "/api/v1/retained?filter=" + enc("home/+/temp") + "&limit=1", null);
        assertThat(list.body()).contains("\"total\": 2", "\"topic\": \"home/a/temp\"").doesNotContain("home/b/temp");
        HttpResponse<String> one = call("GET", "/api/v1/retained/home/b/temp", null);
        assertThat(one.body()).contains("\"payload\": null", "\"payload_base64\": \"/w==\"", "\"publisher\": \"retainer\"");

        assertThat(call("DELETE", "/api/v1/retained/home/a/temp", null).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/v1/retained/home/a/temp", null).statusCode()).isEqualTo(404);
        assertThat(call("DELETE", "/api/v1/retained/home/a/temp", null).statusCode()).isEqualTo(404);
        BlockingQueue<Mqtt3Publish> received = HiveClients.queue();
        Mqtt3AsyncClient late = HiveClients.subscriber(tcp, "late", "home/#", MqttQos.AT_MOST_ONCE, received);
        Mqtt3Publish only = received.poll(5, TimeUnit.SECONDS);
        assertThat(only.getTopic().toString()).isEqualTo("home/b/temp");
        assertThat(received.poll(300, TimeUnit.MILLISECONDS)).as("the deleted one is gone").isNull();
        late.disconnect().join();
    }

    @Test
    void badInputUnknownThingsAndMissingKeys() throws Exception {
        assertField(call("POST", "/api/v1/publish", "{\"topic\": \"a/+\"}"), "topic");
        assertField(call("POST", "/api/v1/publish", "{\"topic\": \"t\", \"qos\": 7}"), "qos");
        assertField(call("POST", "/api/v1/publish", "not json"), "body");
        assertField(call("GET", "/api/v1/clients?limit=5000", null), "limit");
        assertField(call("GET", "/api/v1/retained?filter=" + enc("a/#/b"), null), "filter");
        HiveClients.blocking(tcp, "here").connect();
        assertField(call("POST", "/api/v1/clients/here/subscriptions", "{\"filter\": \"a/#/b\"}"), "filter");
        assertThat(call("POST", "/api/v1/clients/ghost/subscriptions", "{\"filter\": \"a\"}").statusCode())
                .isEqualTo(404);
        assertThat(call("GET", "/api/v1/nothing", null).statusCode()).isEqualTo(404);

        HttpResponse<String> noKey = send("GET", "/api/v1/clients", null, null);
        assertThat(noKey.statusCode()).isEqualTo(401);
        assertThat(send("GET", "/api/v1/clients", null, "wrong").statusCode()).isEqualTo(401);
        assertThat(send("GET", "/api/v1/openapi.json", null, null).statusCode()).as("public").isEqualTo(200);
    }

    @Test
    void brokerSummaryAndReloadWithoutSecurityFiles() throws Exception {
        HttpResponse<String> overview = call("GET", "/api/v1/broker", null);
        assertThat(overview.body()).contains("\"name\": \"tcp\"", "\"port\": " + tcp, "\"name\": \"admin-http\"",
                "\"uptime_seconds\"", "\"storage\"");
        HiveClients.blocking(tcp, "counted").connect();
        await().atMost(Duration.ofSeconds(5)).until(() ->
                call("GET", "/api/v1/metrics/summary", null).body().contains("\"clients_connected\": 1"));
        HttpResponse<String> reload = call("POST", "/api/v1/security/reload", null);
        assertThat(reload.statusCode()).isEqualTo(409);
        assertThat(reload.body()).contains("no security files");
    }

    @Test
    void reloadRereadsThePasswordAndAclFiles() throws Exception {
        broker.close();
        Path passwords = Files.writeString(dir.resolve("passwords"), "");
        Path acl = Files.writeString(dir.resolve("acl"), "user alice\ntopic readwrite a/#\n");
        broker = Tern.builder().set("admin.http.enabled", "true")
                .set("admin.api-key-file", dir.resolve("api-keys").toString())
                .set("security.file.password-file", passwords.toString()).set("security.acl.file", acl.toString())
                .start();
        admin = "http://127.0.0.1:" + broker.port("admin-http");
        HttpResponse<String> reload = call("POST", "/api/v1/security/reload", null);
        assertThat(reload.statusCode()).as(reload.body()).isEqualTo(200);
        assertThat(reload.body()).contains(passwords.toString(), acl.toString(), "\"loaded\": true");

        Files.writeString(acl, "user alice\ntopic nonsense a/#/b\n");
        HttpResponse<String> broken = call("POST", "/api/v1/security/reload", null);
        assertThat(broken.statusCode()).isEqualTo(422);
        assertThat(broken.body()).contains("\"loaded\": false");
    }

    private static void assertField(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\": \"" + field + "\"");
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> call(String method, String path, String body) throws Exception {
        return send(method, path, body, key);
    }

    private HttpResponse<String> send(String method, String path, String body, String apiKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(admin + path)).timeout(Duration.ofSeconds(5))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
