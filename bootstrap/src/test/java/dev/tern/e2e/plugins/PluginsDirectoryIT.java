package dev.tern.e2e.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import dev.tern.e2e.durability.BrokerProcess;
import dev.tern.e2e.raw.Connect5Packet;
import dev.tern.e2e.raw.PacketWriter;
import dev.tern.e2e.raw.PropertiesWriter;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The stock {@code tern.jar} with the two example plug-ins dropped into its plugins directory:
 * the JWT authenticator guards both the built-in TCP listener and the plug-in Unix socket
 * listener. Built neither plug-in itself: run after {@code scripts/test.sh} built them (or the
 * commands in {@link #exampleJar}'s message).
 */
@DisplayName("Plug-ins: example jars in plugins.dir of the stock broker jar")
class PluginsDirectoryIT {

    private static final String SECRET = "0123456789abcdef0123456789abcdef-plugins-it";

    private static Path socket;
    private static int tcpPort;
    private static BrokerProcess broker;

    @BeforeAll
    static void startBrokerWithPlugins() throws Exception {
        Path dir = Files.createTempDirectory("tern-plugins-it");
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Files.copy(exampleJar("unix-socket-listener", "tern-unix-socket-listener"), plugins.resolve("unix.jar"));
        Files.copy(exampleJar("jwt-authenticator", "tern-jwt-authenticator"), plugins.resolve("jwt.jar"));
        Path secret = Files.writeString(dir.resolve("jwt-secret"), SECRET + "\n");
        socket = dir.resolve("tern.sock");
        tcpPort = BrokerProcess.freePort();
        broker = BrokerProcess.start(tcpPort,
                "plugins.dir=" + plugins,
                "listeners.unix.enabled=true",
                "listeners.unix.path=" + socket,
                "listeners.unix.file-mode=600",
                "security.authenticator=jwt",
                "security.jwt.secret-file=" + secret,
                "security.jwt.audience=tern",
                "storage.backend=memory");
    }

    /** {@code examples/<module>/target/<artifact>.jar} from the repository root, or a loud failure. */
    private static Path exampleJar(String module, String artifact) {
        Path root = Path.of("").toAbsolutePath().getParent();
        Path jar = root.resolve("examples").resolve(module).resolve("target").resolve(artifact + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError("example plug-in jar missing: " + jar + "\nBuild it first (after mvn install at the root):\n"
                    + "  mvn -B -ntp -f examples/" + module + "/pom.xml verify\n"
                    + "or run scripts/test.sh, which builds both examples before this test.");
        }
        return jar;
    }

    private static List<String> output() {
        return broker.output();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) {
            broker.close();
            assertThat(socket).as("the Unix socket file is removed at stop").doesNotExist();
        }
    }

    /** An HS256 JWT made with the JDK's HMAC; the broker side checks it with Nimbus. */
    private static String token(String subject, String audience, long expiresInSeconds) throws Exception {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String header = base64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        long exp = System.currentTimeMillis() / 1000 + expiresInSeconds;
        String payload = base64.encodeToString(("{\"sub\":\"" + subject + "\",\"aud\":\"" + audience + "\",\"exp\":" + exp + "}")
                .getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = base64.encodeToString(mac.doFinal((header + "." + payload).getBytes(StandardCharsets.US_ASCII)));
        return header + "." + payload + "." + signature;
    }

    private static String tampered(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("sensor-7", "admin");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
    }

    private static Mqtt5BlockingClient tcpClient(String clientId) {
        return MqttClient.builder().useMqttVersion5().identifier(clientId)
                .serverHost("127.0.0.1").serverPort(tcpPort).buildBlocking();
    }

    @Test
    void aValidJwtConnectsOverTcpAndCanPublish() throws Exception {
        Mqtt5BlockingClient client = tcpClient("it-valid");
        Mqtt5ConnAck connAck = client.connectWith().simpleAuth().username("ignored")
                .password(token("sensor-7", "tern", 600).getBytes(StandardCharsets.UTF_8)).applySimpleAuth().send();
        assertThat(connAck.getReasonCode()).isEqualTo(Mqtt5ConnAckReasonCode.SUCCESS);
        client.publishWith().topic("plugins/it").qos(MqttQos.AT_LEAST_ONCE).payload("hi".getBytes(StandardCharsets.UTF_8)).send();
        client.disconnect();
    }

    @Test
    void aTamperedJwtIsRefusedOverTcp() throws Exception {
        Mqtt5BlockingClient client = tcpClient("it-tampered");
        Mqtt5ConnAckException refused = catchThrowableOfType(Mqtt5ConnAckException.class, () -> client.connectWith()
                .simpleAuth().username("ignored")
                .password(tampered(token("sensor-7", "tern", 600)).getBytes(StandardCharsets.UTF_8)).applySimpleAuth().send());
        assertThat(refused).as("tampered token refused").isNotNull();
        assertThat(refused.getMqttMessage().getReasonCode())
                .isIn(Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD, Mqtt5ConnAckReasonCode.NOT_AUTHORIZED);
    }

    @Test
    void aJwtForAnotherAudienceIsRefusedOverTcp() throws Exception {
        Mqtt5BlockingClient client = tcpClient("it-audience");
        Mqtt5ConnAckException refused = catchThrowableOfType(Mqtt5ConnAckException.class, () -> client.connectWith()
                .simpleAuth().username("ignored")
                .password(token("sensor-7", "elsewhere", 600).getBytes(StandardCharsets.UTF_8)).applySimpleAuth().send());
        assertThat(refused).isNotNull();
        assertThat(refused.getMqttMessage().getReasonCode()).isEqualTo(Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD);
    }

    /** MQTT 3.1.1 CONNECT with user name and password, written by hand. */
    private static byte[] connect(String clientId, String username, String password) {
        return PacketWriter.packet(1, 0).utf8("MQTT").u8(4).u8(0xC2).u16(60).utf8(clientId).utf8(username)
                .lengthPrefixed(password.getBytes(StandardCharsets.UTF_8)).toBytes();
    }

    private static byte[] exchange(byte[] packet) throws IOException {
        try (SocketChannel client = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            client.connect(UnixDomainSocketAddress.of(socket));
            client.write(ByteBuffer.wrap(packet));
            ByteBuffer connAck = ByteBuffer.allocate(4);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (connAck.hasRemaining() && System.nanoTime() < deadline) {
                if (client.read(connAck) < 0) {
                    break;
                }
            }
            byte[] bytes = new byte[connAck.position()];
            connAck.flip().get(bytes);
            return bytes;
        }
    }

    @Test
    void aRawConnectOverTheUnixSocketIsAcceptedWithAValidJwt() throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket))).isEqualTo("rw-------");
        byte[] connAck = exchange(connect("it-unix", "ignored", token("sensor-7", "tern", 600)));
        assertThat(connAck).as("CONNACK accepted; broker output: %s", output()).containsExactly(0x20, 0x02, 0x00, 0x00);
    }

    @Test
    void aRawConnectOverTheUnixSocketIsRefusedWithATamperedJwt() throws Exception {
        byte[] connAck = exchange(connect("it-unix-bad", "ignored", tampered(token("sensor-7", "tern", 600))));
        // 3.1.1 return code 4: bad user name or password.
        assertThat(connAck).as("CONNACK refused; broker output: %s", output()).containsExactly(0x20, 0x02, 0x00, 0x04);
    }

    /** MQTT 5 CONNECT with the enhanced authentication method JWT (0x15) and the token as its data (0x16). */
    private static byte[] connectWithJwtMethod(String clientId, String username, String token) {
        return Connect5Packet.v5(clientId).username(username)
                .properties(PropertiesWriter.properties().utf8(0x15, "JWT").binary(0x16, token.getBytes(StandardCharsets.UTF_8)))
                .toBytes();
    }

    @Test
    void theMqtt5JwtMethodWorksOverTheUnixSocket() throws Exception {
        byte[] accepted = exchange(connectWithJwtMethod("it-unix-v5", "sensor-7", token("sensor-7", "tern", 600)));
        assertThat(accepted).as("CONNACK; broker output: %s", output()).hasSize(4);
        assertThat(accepted[0] & 0xFF).isEqualTo(0x20);
        assertThat(accepted[3] & 0xFF).as("reason code").isEqualTo(0x00);

        byte[] refused = exchange(connectWithJwtMethod("it-unix-v5-bad", "sensor-7", tampered(token("sensor-7", "tern", 600))));
        assertThat(refused[0] & 0xFF).isEqualTo(0x20);
        assertThat(refused[3] & 0xFF).as("reason code").isEqualTo(0x86);
    }

    @Test
    void theBrokerReportsBothPlugins() {
        assertThat(output()).anyMatch(line -> line.contains("plug-in") && line.contains("authenticator jwt"));
        assertThat(output()).anyMatch(line -> line.contains("Tern ready") && line.contains(socket.toString()));
    }
}
