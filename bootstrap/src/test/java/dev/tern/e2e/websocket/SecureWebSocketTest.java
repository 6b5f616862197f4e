package dev.tern.e2e.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import dev.tern.bootstrap.TernBroker;
import dev.tern.bootstrap.config.CommandLine;
import dev.tern.bootstrap.config.ConfigLoader;
import dev.tern.e2e.support.HiveClients;
import io.netty.pkitesting.CertificateBuilder;
import io.netty.pkitesting.X509Bundle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code wss://} with a server certificate from PEM files, issued by a test CA the client trusts. */
@DisplayName("6 WebSocket transport over TLS")
@Timeout(30)
class SecureWebSocketTest {

    @TempDir
    Path dir;

    @Test
    void carriesMessagesOverWssWithPemCertificates() throws Exception {
        X509Bundle ca = new CertificateBuilder().subject("CN=Tern test CA").setIsCertificateAuthority(true)
                .ecp256().buildSelfSigned();
        X509Bundle server = new CertificateBuilder().subject("CN=localhost").addSanDnsName("localhost")
                .addSanIpAddress("127.0.0.1").addExtendedKeyUsageServerAuth().ecp256().buildIssuedBy(ca);
        Path cert = Files.writeString(dir.resolve("cert.pem"), server.getCertificatePathPEM());
        Path key = Files.writeString(dir.resolve("key.pem"), server.getPrivateKeyPEM());

        try (TernBroker broker = TernBroker.start(ConfigLoader.load(new CommandLine(Optional.empty(), List.of(
                set("storage.backend", "memory"), set("listeners.tcp.port", "0"), set("listeners.websocket.port", "0"), set("admin.http.port", "0"),
                set("listeners.wss.enabled", "true"), set("listeners.wss.port", "0"),
                set("listeners.wss.cert-file", cert.toString()), set("listeners.wss.key-file", key.toString()))),
                Map.of()))) {
            BlockingQueue<Mqtt3Publish> received = HiveClients.queue();
            Mqtt3AsyncClient tcp = HiveClients.subscriber(broker.port("tcp"), "tcp-behind-wss", "wss/out",
                    MqttQos.AT_LEAST_ONCE, received);
            Mqtt3BlockingClient secure = WebSocketClients.v3(broker.port("wss"), "wss-client")
                    .sslConfig().trustManagerFactory(ca.toTrustManagerFactory()).applySslConfig()
                    .buildBlocking();
            try {
                secure.connect();
                secure.publishWith().topic("wss/out").qos(MqttQos.AT_LEAST_ONCE)
                        .payload("sealed".getBytes(StandardCharsets.UTF_8)).send();

                Mqtt3Publish message = received.poll(5, TimeUnit.SECONDS);
                assertThat(message).isNotNull();
                assertThat(HiveClients.text(message)).isEqualTo("sealed");
            } finally {
                secure.disconnect();
                tcp.disconnect().join();
            }
        }
    }

    @Test
    void refusesToStartWithUnreadablePemFilesNamingTheListener() throws Exception {
        Path cert = Files.writeString(dir.resolve("cert.pem"), "not a certificate");
        Path key = Files.writeString(dir.resolve("key.pem"), "not a key");

        assertThatThrownBy(() -> TernBroker.start(ConfigLoader.load(new CommandLine(Optional.empty(), List.of(
                set("storage.backend", "memory"), set("listeners.tcp.port", "0"), set("listeners.websocket.port", "0"), set("admin.http.port", "0"),
                set("listeners.wss.enabled", "true"), set("listeners.wss.port", "0"),
                set("listeners.wss.cert-file", cert.toString()), set("listeners.wss.key-file", key.toString()))),
                Map.of())))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("wss://127.0.0.1:0/mqtt");
    }

    private static CommandLine.Setting set(String key, String value) {
        return new CommandLine.Setting(key, value);
    }
}
