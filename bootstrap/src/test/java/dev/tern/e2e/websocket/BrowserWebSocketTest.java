package dev.tern.e2e.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import dev.tern.bootstrap.TernBroker;
import dev.tern.bootstrap.config.CommandLine;
import dev.tern.bootstrap.config.ConfigLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A real browser: Debian's Chromium, driven headless by playwright-core, loads a local page that
 * runs MQTT.js against Tern over {@code ws://} and over {@code wss://}. A message from the page
 * must reach a TCP client, and a message from that TCP client must appear in the page's DOM, with
 * MQTT 3.1.1 and with MQTT 5 (user properties both ways). For {@code wss://} Chromium trusts a CA
 * the test creates, through the NSS database of a home directory of its own; certificate errors are
 * not ignored. A screenshot of the page lands in {@code target/browser-artifacts}.
 */
@DisplayName("6 WebSocket transport: Chromium with MQTT.js")
@Timeout(120)
class BrowserWebSocketTest {

    @TempDir
    Path dir;

    /** [MQTT-6.0.0-1] [MQTT-6.0.0-2] [MQTT-6.0.0-4] a browser's MQTT.js client works end to end. */
    @ParameterizedTest(name = "MQTT protocol level {0}")
    @ValueSource(ints = {4, 5})
    void exchangesMessagesWithABrowserPage(int protocolLevel) throws Exception {
        BrowserPrerequisites.require();
        try (TernBroker broker = startBroker(List.of())) {
            exchange(broker.port("tcp"), "ws://127.0.0.1:" + broker.port("websocket") + "/mqtt", protocolLevel,
                    "chromium-mqtt-v" + protocolLevel, Map.of());
        }
    }

    /** [MQTT-6.0.0-1] [MQTT-6.0.0-2] [MQTT-6.0.0-4] the same over TLS, with a CA the browser trusts. */
    @ParameterizedTest(name = "MQTT protocol level {0}")
    @ValueSource(ints = {4, 5})
    void exchangesMessagesWithABrowserPageOverWssTrustingTheTestCa(int protocolLevel) throws Exception {
        BrowserPrerequisites.require();
        LoopbackCertificates certificates = LoopbackCertificates.writeTo(dir);
        Path home = BrowserTrust.homeTrusting(Files.createDirectory(dir.resolve("home")), certificates.caFile());
        try (TernBroker broker = startBroker(List.of(
                new CommandLine.Setting("listeners.wss.enabled", "true"),
                new CommandLine.Setting("listeners.wss.host", "127.0.0.1"),
                new CommandLine.Setting("listeners.wss.port", "0"),
                new CommandLine.Setting("listeners.wss.cert-file", certificates.certFile().toString()),
                new CommandLine.Setting("listeners.wss.key-file", certificates.keyFile().toString())))) {
            exchange(broker.port("tcp"), "wss://127.0.0.1:" + broker.port("wss") + "/mqtt", protocolLevel,
                    "chromium-mqtt-wss-v" + protocolLevel, Map.of("HOME", home.toString()));
        }
    }

    /**
     * The page publishes to {@code browser/out} (which a TCP client must receive) and lists what
     * arrives on {@code browser/in} (where the TCP client publishes once the page is subscribed).
     */
    private static void exchange(int tcpPort, String socketUrl, int protocolLevel, String artifact,
            Map<String, String> browserEnvironment) throws Exception {
        BlockingQueue<Mqtt5Publish> fromPage = new LinkedBlockingQueue<>();
        Mqtt5AsyncClient tcp = MqttClient.builder().useMqttVersion5().identifier("tcp-peer-v" + protocolLevel)
                .serverHost("127.0.0.1").serverPort(tcpPort).buildAsync();
        tcp.connect().join();
        tcp.subscribeWith().topicFilter("browser/out").qos(MqttQos.AT_LEAST_ONCE).callback(fromPage::add).send().join();
        Path screenshot = Path.of("target/browser-artifacts/" + artifact + ".png").toAbsolutePath();
        Files.deleteIfExists(screenshot);
        String expected = "hello from tcp (v" + protocolLevel + ")";

        try (StaticPageServer pages = StaticPageServer.start(BrowserPrerequisites.BROWSER_DIR);
                ChromiumRun chromium = ChromiumRun.start(pages.pageUrl("ws=" + socketUrl + "&v=" + protocolLevel),
                        screenshot, expected, browserEnvironment)) {
            assertThat(chromium.awaitReady()).as("page subscribed; node said: %s", chromium.output()).isTrue();

            tcp.publishWith().topic("browser/in").qos(MqttQos.AT_LEAST_ONCE)
                    .payload(expected.getBytes(StandardCharsets.UTF_8))
                    .userProperties().add("origin", "tcp").applyUserProperties()
                    .send().join();

            assertThat(chromium.awaitExit()).as("node exit; it said: %s", chromium.output()).contains(0);
            assertThat(chromium.received()).hasValueSatisfying(received -> {
                assertThat(received).contains("browser/in: " + expected);
                if (protocolLevel == 5) {
                    assertThat(received).contains("{\"origin\":\"tcp\"}");
                }
            });

            Mqtt5Publish message = fromPage.poll(10, TimeUnit.SECONDS);
            assertThat(message).as("message from the page").isNotNull();
            assertThat(new String(message.getPayloadAsBytes(), StandardCharsets.UTF_8))
                    .isEqualTo("hello from the page (v" + protocolLevel + ")");
            if (protocolLevel == 5) {
                assertThat(message.getUserProperties().asList())
                        .anySatisfy(property -> {
                            assertThat(property.getName().toString()).isEqualTo("origin");
                            assertThat(property.getValue().toString()).isEqualTo("page");
                        });
            }
            assertThat(screenshot).exists();
        } finally {
            tcp.disconnect().join();
        }
    }

    private static TernBroker startBroker(List<CommandLine.Setting> extra) throws Exception {
        List<CommandLine.Setting> settings = new ArrayList<>(List.of(
                new CommandLine.Setting("storage.backend", "memory"),
                new CommandLine.Setting("listeners.tcp.host", "127.0.0.1"),
                new CommandLine.Setting("listeners.tcp.port", "0"),
                new CommandLine.Setting("listeners.websocket.host", "127.0.0.1"),
                new CommandLine.Setting("listeners.websocket.port", "0"),
                new CommandLine.Setting("admin.http.port", "0")));
        settings.addAll(extra);
        return TernBroker.start(ConfigLoader.load(new CommandLine(Optional.empty(), settings), Map.of()));
    }
}
