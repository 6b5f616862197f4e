package dev.tern.e2e.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import dev.tern.e2e.support.BrokerExtension;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A real browser: Debian's Chromium, driven headless by playwright-core, loads a local page that
 * runs MQTT.js against Tern over {@code ws://}. A message from the page must reach a TCP client, and
 * a message from that TCP client must appear in the page's DOM, with MQTT 3.1.1 and with MQTT 5
 * (user properties both ways). A screenshot of the page lands in {@code target/browser-artifacts}.
 */
@DisplayName("6 WebSocket transport: Chromium with MQTT.js")
@Timeout(120)
class BrowserWebSocketTest {

    private static final long PROCESS_TIMEOUT_SECONDS = 60;

    @RegisterExtension
    final BrokerExtension broker = BrokerExtension.with();

    /** [MQTT-6.0.0-1] [MQTT-6.0.0-2] [MQTT-6.0.0-4] a browser's MQTT.js client works end to end. */
    @ParameterizedTest(name = "MQTT protocol level {0}")
    @ValueSource(ints = {4, 5})
    void exchangesMessagesWithABrowserPage(int protocolLevel) throws Exception {
        BrowserPrerequisites.require();
        BlockingQueue<Mqtt5Publish> fromPage = new LinkedBlockingQueue<>();
        Mqtt5AsyncClient tcp = MqttClient.builder().useMqttVersion5().identifier("tcp-peer-v" + protocolLevel)
                .serverHost("127.0.0.1").serverPort(broker.port()).buildAsync();
        tcp.connect().join();
        tcp.subscribeWith().topicFilter("browser/out").qos(MqttQos.AT_LEAST_ONCE).callback(fromPage::add).send().join();
        Path screenshot = Path.of("target/browser-artifacts/chromium-mqtt-v" + protocolLevel + ".png").toAbsolutePath();
        String expected = "hello from tcp (v" + protocolLevel + ")";

        try (StaticPageServer pages = StaticPageServer.start(BrowserPrerequisites.BROWSER_DIR)) {
            String pageUrl = pages.pageUrl("ws=ws://127.0.0.1:" + broker.webSocketPort() + "/mqtt&v=" + protocolLevel);
            Process node = new ProcessBuilder("node", "drive-chromium.mjs", pageUrl, screenshot.toString(), expected)
                    .directory(BrowserPrerequisites.BROWSER_DIR.toFile())
                    .redirectErrorStream(true)
                    .start();
            List<String> output = new CopyOnWriteArrayList<>();
            BlockingQueue<String> lines = follow(node, output);
            try {
                assertThat(awaitLine(lines, "READY")).as("page subscribed; node said: %s", output).isNotNull();

                tcp.publishWith().topic("browser/in").qos(MqttQos.AT_LEAST_ONCE)
                        .payload(expected.getBytes(StandardCharsets.UTF_8))
                        .userProperties().add("origin", "tcp").applyUserProperties()
                        .send().join();

                assertThat(node.waitFor(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("node finished").isTrue();
                assertThat(node.exitValue()).as("node exit; it said: %s", output).isZero();
                String received = output.stream().filter(line -> line.startsWith("RECEIVED ")).findFirst().orElseThrow();
                assertThat(received).contains("browser/in: " + expected);
                if (protocolLevel == 5) {
                    assertThat(received).contains("{\"origin\":\"tcp\"}");
                }
            } finally {
                node.destroyForcibly();
            }

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

    /** Copies the process's lines into {@code output} and the returned queue, on a thread of its own. */
    private static BlockingQueue<String> follow(Process process, List<String> output) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    output.add(line);
                    lines.add(line);
                }
            } catch (java.io.IOException e) {
                output.add("(reading node output failed: " + e + ")");
            }
        }, "node-output");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    private static String awaitLine(BlockingQueue<String> lines, String wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PROCESS_TIMEOUT_SECONDS);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line == null || line.equals(wanted)) {
                return line;
            }
            if (line.startsWith("FAILED")) {
                return null;
            }
        }
        return null;
    }
}
