package dev.tern.e2e.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import dev.tern.bootstrap.Tern;
import dev.tern.bootstrap.TernBroker;
import dev.tern.e2e.support.HiveClients;
import dev.tern.e2e.websocket.BrowserPrerequisites;
import dev.tern.e2e.websocket.ChromiumRun;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard in a real browser: Debian's Chromium, driven headless by playwright-core
 * ({@code drive-dashboard.mjs}), logs in with an API key made by {@code tern apikey}, sees the
 * message rate rise while this test publishes, finds a connected client in the list and its
 * subscription in its detail, deletes a retained message, watches a filter until a published
 * message appears, and kicks the client, which must then
 * leave the list and be disconnected. Screenshots land in {@code target/browser-artifacts}.
 */
@Timeout(150)
class DashboardBrowserTest {

    private static final String CLIENT = "dash-sensor";
    private static final String RETAINED = "dash/retained/status";

    @TempDir
    Path dir;

    @Test
    void operatorLogsInWatchesTrafficAndKicksAClient() throws Exception {
        BrowserPrerequisites.require();
        Path keys = dir.resolve("api-keys");
        String key = ApiKeys.create(keys, "ops");
        Path artifacts = Path.of("target/browser-artifacts").toAbsolutePath();
        for (String name : List.of("login", "overview", "clients", "client", "retained", "kicked")) {
            Files.deleteIfExists(artifacts.resolve("dashboard-" + name + ".png"));
        }
        try (TernBroker broker = Tern.builder().set("admin.http.enabled", "true")
                .set("admin.api-key-file", keys.toString()).start()) {
            int tcp = broker.port("tcp");
            String admin = "http://127.0.0.1:" + broker.port("admin-http");
            BlockingQueue<Mqtt3Publish> received = HiveClients.queue();
            Mqtt3AsyncClient sensor = HiveClients.subscriber(tcp, CLIENT, "dash/#", MqttQos.AT_MOST_ONCE, received);
            Mqtt3BlockingClient publisher = HiveClients.blocking(tcp, "dash-publisher");
            publisher.connect();
            publisher.publishWith().topic(RETAINED).retain(true).qos(MqttQos.AT_LEAST_ONCE)
                    .payload("{\"state\": \"ok\"}".getBytes(StandardCharsets.UTF_8)).send();

            AtomicBoolean publishing = new AtomicBoolean(true);
            Thread traffic = new Thread(() -> {
                int n = 0;
                while (publishing.get()) {
                    publisher.publishWith().topic("dash/temp").qos(MqttQos.AT_MOST_ONCE)
                            .payload(("21." + (n++ % 10)).getBytes(StandardCharsets.UTF_8)).send();
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "dashboard-traffic");
            traffic.start();
            List<String> output;
            try (ChromiumRun node = ChromiumRun.script("drive-dashboard.mjs",
                    List.of(admin + "/dashboard/", key, artifacts.toString(), CLIENT, RETAINED), Map.of())) {
                Optional<Integer> exit = node.awaitExit();
                output = node.output();
                assertThat(exit).as("node exit; it said: %s", output).contains(0);
            } finally {
                publishing.set(false);
                traffic.join(5000);
            }

            assertThat(output).contains("LOGGED_IN", "LISTED", "DETAIL", "RETAINED_DELETED", "WATCHED", "KICKED");
            assertThat(output).anySatisfy(line -> assertThat(line).startsWith("RATE "));
            assertThat(received).isNotEmpty();
            await().atMost(Duration.ofSeconds(10)).until(() -> !sensor.getState().isConnected());
            HttpResponse<String> gone = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(admin + "/api/v1/retained/" + RETAINED)).header("Authorization", "Bearer " + key)
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(gone.statusCode()).isEqualTo(404);
            for (String name : List.of("login", "overview", "clients", "client", "retained", "kicked")) {
                assertThat(artifacts.resolve("dashboard-" + name + ".png")).exists();
            }
            publisher.disconnect();
        }
    }
}
