package dev.tern.e2e.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import dev.tern.bootstrap.TernBroker;
import dev.tern.bootstrap.config.CommandLine;
import dev.tern.bootstrap.config.ConfigLoader;
import dev.tern.e2e.admin.ApiKeys;
import dev.tern.e2e.support.HiveClients;
import dev.tern.e2e.support.PrometheusText;
import dev.tern.testkit.transport.TlsProbe;
import io.netty.pkitesting.CertificateBuilder;
import io.netty.pkitesting.X509Bundle;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connection limits end to end: real clients against a broker with {@code limits.connections.*}
 * and a listener's {@code max-connections} / {@code max-connections-per-second}. A refused
 * connection is closed at accept, so a raw socket reads end of stream at once and an MQTT client's
 * connect fails without a CONNACK.
 */
class ConnectionLimitsTest {

    @TempDir
    Path dir;

    private final List<AutoCloseable> open = new ArrayList<>();
    private TernBroker broker;

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void theBrokerWideMaximumSpansListenersAndAReleasedPlaceIsReused() throws Exception {
        start("limits.connections.max=2", "listeners.tcp-internal.type=tcp", "listeners.tcp-internal.port=0");
        Mqtt3BlockingClient first = connected(broker.port("tcp"), "first");
        connected(broker.port("tcp-internal"), "second");

        assertRefusedAtAccept(broker.port("tcp"));
        assertRefusedAtAccept(broker.port("tcp-internal"));
        assertRefusedAtAccept(broker.port("websocket"));
        assertThatThrownBy(() -> HiveClients.blocking(broker.port("tcp-internal"), "third").connect())
                .as("no CONNACK for a refused client").isNotNull();

        first.disconnect();
        await().atMost(Duration.ofSeconds(5)).ignoreExceptions()
                .until(() -> connected(broker.port("tcp-internal"), "third").getState().isConnected());
    }

    @Test
    void aListenerMaximumRefusesOnlyOnItsOwnListenerAndCountsTheRefusal() throws Exception {
        Path keys = dir.resolve("api-keys");
        String key = ApiKeys.create(keys, "prometheus");
        start("listeners.tcp.max-connections=1", "admin.api-key-file=" + keys);
        connected(broker.port("tcp"), "on-tcp");

        assertRefusedAtAccept(broker.port("tcp"));
        assertThat(connected(broker.port("websocket"), "on-ws", true).getState().isConnected()).isTrue();

        PrometheusText metrics = scrape(key);
        assertThat(metrics.value("tern_connections_refused_total", "listener", "tcp", "limit", "listener"))
                .isEqualTo(1);
        assertThat(metrics.value("tern_connections_refused_total", "listener", "websocket", "limit", "listener"))
                .isZero();
        assertThat(metrics.value("tern_connections_open", "listener", "tcp")).isEqualTo(1);
        assertThat(metrics.value("tern_connections_open", "listener", "websocket")).isEqualTo(1);
    }

    @Test
    void theMaximumPerAddressCountsConnectionsFromOneAddressOnly() throws Exception {
        start("limits.connections.max-per-address=2");
        connected(broker.port("tcp"), "a1");
        connected(broker.port("websocket"), "a2", true);

        assertRefusedAtAccept(broker.port("tcp"));
        // The whole of 127.0.0.0/8 is loopback: another source address is another client.
        Socket fromElsewhere = new Socket();
        fromElsewhere.bind(new InetSocketAddress("127.0.0.2", 0));
        fromElsewhere.connect(new InetSocketAddress("127.0.0.1", broker.port("tcp")), 2_000);
        open.add(fromElsewhere);
        assertStaysOpen(fromElsewhere);
    }

    @Test
    void aConnectionRefusedOnTheTlsListenerGetsNoServerHello() throws Exception {
        Path[] identity = serverIdentity();
        start("listeners.tls.enabled=true", "listeners.tls.port=0", "listeners.tls.cert-file=" + identity[0],
                "listeners.tls.key-file=" + identity[1], "listeners.tls.max-connections=1");

        Socket admitted = socket(broker.port("tls"));
        assertThat(TlsProbe.firstByteAfterClientHello(admitted)).as("the handshake begins for an admitted one")
                .isEqualTo(TlsProbe.HANDSHAKE_RECORD);

        assertThat(TlsProbe.firstByteAfterClientHello(socket(broker.port("tls")))).isEqualTo(-1);
    }

    @Test
    void theWebSocketListenerMaximumRefusesAndReleases() throws Exception {
        start("listeners.websocket.max-connections=1");
        Mqtt3BlockingClient first = connected(broker.port("websocket"), "ws-1", true);

        assertRefusedAtAccept(broker.port("websocket"));
        first.disconnect();

        await().atMost(Duration.ofSeconds(5)).ignoreExceptions()
                .until(() -> connected(broker.port("websocket"), "ws-2", true).getState().isConnected());
    }

    @Test
    void theAcceptRateSlowsConnectingDownWithoutRefusingAnyone() throws Exception {
        int perSecond = 5;
        int clients = 15;
        start("listeners.tcp.max-connections-per-second=" + perSecond);
        long started = System.nanoTime();
        List<CompletableFuture<?>> connects = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Mqtt3AsyncClient client = HiveClients.async(broker.port("tcp"), "rated-" + i);
            connects.add(client.connect());
            open.add(client::disconnect);
        }

        Thread.sleep(1_000);
        long done = connects.stream().filter(CompletableFuture::isDone).count();
        double elapsedSeconds = (System.nanoTime() - started) / 1e9;
        // A full second's burst, then one per 1/rate seconds; one more may slip in as a pause starts.
        assertThat(done).as("connected after %.2f s", elapsedSeconds)
                .isLessThanOrEqualTo(perSecond + (long) Math.ceil(elapsedSeconds * perSecond) + 1);

        CompletableFuture.allOf(connects.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        assertThat(connects).allMatch(connect -> !connect.isCompletedExceptionally());
        // The burst and the one accepted as the first pause begins; then one per 1/rate seconds. Pauses
        // are never cut short, so a slow machine only makes this longer.
        double atLeast = (clients - perSecond - 1) / (double) perSecond;
        assertThat((System.nanoTime() - started) / 1e9).as("seconds until all %d connected", clients)
                .isGreaterThanOrEqualTo(atLeast - 0.05);
    }

    private PrometheusText scrape(String key) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + broker.port("admin-http") + "/metrics"))
                .header("Authorization", "Bearer " + key).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return PrometheusText.parse(response.body());
    }

    private void start(String... settings) throws Exception {
        List<CommandLine.Setting> parsed = new ArrayList<>();
        for (String setting : List.of("storage.backend=memory", "listeners.tcp.port=0", "listeners.websocket.port=0",
                "admin.http.port=0")) {
            parsed.add(new CommandLine.Setting(setting.substring(0, setting.indexOf('=')),
                    setting.substring(setting.indexOf('=') + 1)));
        }
        for (String setting : settings) {
            int equals = setting.indexOf('=');
            parsed.add(new CommandLine.Setting(setting.substring(0, equals), setting.substring(equals + 1)));
        }
        broker = TernBroker.start(ConfigLoader.load(new CommandLine(Optional.empty(), parsed), Map.of()));
    }

    private Mqtt3BlockingClient connected(int port, String clientId) {
        return connected(port, clientId, false);
    }

    private Mqtt3BlockingClient connected(int port, String clientId, boolean webSocket) {
        var builder = MqttClient.builder().useMqttVersion3().identifier(clientId).serverHost("127.0.0.1")
                .serverPort(port);
        Mqtt3BlockingClient client = webSocket
                ? builder.webSocketConfig().serverPath("mqtt").applyWebSocketConfig().buildBlocking()
                : builder.buildBlocking();
        client.connect();
        open.add(() -> {
            if (client.getState().isConnected()) {
                client.disconnect();
            }
        });
        return client;
    }

    private Socket socket(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
        socket.setSoTimeout(5_000);
        open.add(socket);
        return socket;
    }

    /** The broker closes the connection without a byte, even before the client says anything. */
    private void assertRefusedAtAccept(int port) throws IOException {
        Socket socket = socket(port);
        int first;
        try {
            first = socket.getInputStream().read();
        } catch (SocketException reset) {
            first = -1;
        }
        assertThat(first).as("refused at accept on port %d", port).isEqualTo(-1);
    }

    /** An admitted connection that has sent nothing is left open (until the CONNECT timeout). */
    private static void assertStaysOpen(Socket socket) throws IOException {
        socket.setSoTimeout(500);
        assertThatThrownBy(() -> socket.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
    }

    private Path[] serverIdentity() throws Exception {
        Instant now = Instant.now();
        X509Bundle ca = new CertificateBuilder().subject("CN=Tern Test CA").ecp256().setIsCertificateAuthority(true)
                .notBefore(now.minus(1, ChronoUnit.DAYS)).notAfter(now.plus(1, ChronoUnit.DAYS)).buildSelfSigned();
        X509Bundle server = new CertificateBuilder().subject("CN=localhost").ecp256().addSanIpAddress("127.0.0.1")
                .addExtendedKeyUsageServerAuth().notBefore(now.minus(1, ChronoUnit.DAYS))
                .notAfter(now.plus(1, ChronoUnit.DAYS)).buildIssuedBy(ca);
        return new Path[] {
            Files.writeString(dir.resolve("cert.pem"), server.getCertificatePathPEM(), StandardCharsets.US_ASCII),
            Files.writeString(dir.resolve("key.pem"), server.getPrivateKeyPEM(), StandardCharsets.US_ASCII)};
    }
}
