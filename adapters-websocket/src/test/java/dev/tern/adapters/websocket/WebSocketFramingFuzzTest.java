package dev.tern.adapters.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.SilentCloseable;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tern.testkit.transport.RecordingAcceptor;
import dev.tern.testkit.transport.RecordingConnection;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.slf4j.LoggerFactory;

/**
 * Fuzz target: the WebSocket framing path, from bytes on the socket through Undertow's frame
 * parser and {@link BinaryMessageReader} to the engine's {@code onBytes}. One real server serves
 * every input; each input is one connection of a raw client.
 *
 * <p>Input byte 0, low bit clear: the rest describes well-formed frames (binary messages split
 * into continuation frames, pings and pongs between them, TCP writes cut inside frames); the
 * engine must receive exactly the concatenated binary payloads, in order, and the client's close
 * frame alone must end the connection, once. Low bit set: the rest is written raw after the
 * handshake, then the end of input; the engine receives no more bytes than were sent, and the
 * listener closes the connection by itself (TCP closed, the engine told exactly once), however
 * invalid the input. Nothing may be logged at WARN or above by anyone (Undertow and XNIO
 * included) except the listener's one line for an invalid frame.
 */
class WebSocketFramingFuzzTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    /** The listener's line for input it closes a connection on; expected for raw input. */
    private static final String INVALID_FRAME_LINE = "Connection {} sent an invalid WebSocket frame";
    /** How the client's loopback connect names its host, depending on how the address was made. */
    private static final Set<String> LOOPBACK_NAMES = Set.of(TestServers.LOOPBACK, "localhost");
    private static RecordingAcceptor acceptor;
    private static UndertowWebSocketServer server;
    private static ListAppender<ILoggingEvent> failures;

    @BeforeAll
    static void startServer() {
        acceptor = new RecordingAcceptor();
        server = TestServers.start(TestServers.config(), acceptor);
        failures = new ListAppender<>();
        failures.start();
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).addAppender(failures);
    }

    @AfterAll
    static void stopServer() {
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).detachAppender(failures);
        server.stop();
    }

    @FuzzTest(maxDuration = "20s")
    void deliversExactlyTheBinaryPayloads(byte[] input) throws IOException {
        if (input.length < 1) {
            return;
        }
        // Jazzer's SSRF detector flags every socket connect; this target connects to its own server.
        try (SilentCloseable loopbackOnly = BugDetectors.allowNetworkConnections(
                     (host, port) -> LOOPBACK_NAMES.contains(host) && port == server.boundPort());
             RawWebSocketClient client = RawWebSocketClient.connect(server.boundPort())) {
            RecordingConnection connection = acceptor.next();
            if ((input[0] & 1) == 0) {
                byte[] expected = writeFrames(client, input);
                client.write(RawWebSocketClient.frame(RawWebSocketClient.CLOSE, true, new byte[] {0x03, (byte) 0xE8}, 7));
                awaitQuickly().until(() -> connection.closedCalls() > 0);
                assertThat(connection.received()).isEqualTo(expected);
            } else {
                client.write(input, 1, input.length - 1);
                client.shutdownOutput();
                awaitQuickly().until(() -> connection.closedCalls() > 0);
                awaitQuickly().until(client.serverClosed::isDone);
                assertThat(connection.received().length).isLessThanOrEqualTo(input.length - 1);
            }
            assertThat(connection.closedCalls()).as("closed reported once").isEqualTo(1);
            assertThat(connection.callbackThreadsOffExecutor()).isEmpty();
        }
        assertThat(failures.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .filter(e -> !e.getMessage().startsWith(INVALID_FRAME_LINE)))
                .as("warnings and errors logged").isEmpty();
    }

    /** Polls every millisecond: Awaitility's default 100 ms would cap the fuzzer at ten inputs a second. */
    private static ConditionFactory awaitQuickly() {
        return await().atMost(WAIT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1));
    }

    /**
     * Writes the frames {@code input} describes; returns the binary payload bytes they carry. Per
     * frame, one control byte: bits 0-1 the kind (0 data, 1 ping, 2 pong, 3 data with a 16-bit
     * length), bit 2 FIN, bit 3 whether the frame goes out in two TCP writes, bits 4-7 where it is
     * cut; then the length byte(s) and that many payload bytes (padded when the input runs out).
     */
    private static byte[] writeFrames(RawWebSocketClient client, byte[] input) throws IOException {
        ByteArrayOutputStream payloads = new ByteArrayOutputStream();
        boolean inMessage = false;
        int i = 1;
        while (i < input.length) {
            int control = input[i++] & 0xFF;
            int kind = control & 0x03;
            int length;
            if (kind == 3) {
                length = i + 1 < input.length ? ((input[i] & 0xFF) << 8 | input[i + 1] & 0xFF) : 0;
                i += 2;
            } else {
                length = i < input.length ? input[i] & 0xFF : 0;
                i++;
                if (kind != 0) {
                    length = Math.min(length, 125);
                }
            }
            byte[] payload = new byte[length];
            int available = Math.max(0, Math.min(length, input.length - i));
            System.arraycopy(input, Math.min(i, input.length), payload, 0, available);
            Arrays.fill(payload, available, length, (byte) 0x5A);
            i += available;
            boolean fin = (control & 0x04) != 0;
            byte[] frame;
            if (kind == 1 || kind == 2) {
                frame = RawWebSocketClient.frame(kind == 1 ? RawWebSocketClient.PING : RawWebSocketClient.PONG, true, payload, control * 31);
            } else {
                frame = RawWebSocketClient.frame(inMessage ? RawWebSocketClient.CONTINUATION : RawWebSocketClient.BINARY,
                        fin, payload, control * 131);
                payloads.writeBytes(payload);
                inMessage = !fin;
            }
            writeMaybeCut(client, frame, control);
        }
        if (inMessage) {
            client.write(RawWebSocketClient.frame(RawWebSocketClient.CONTINUATION, true, new byte[0], 1));
        }
        return payloads.toByteArray();
    }

    private static void writeMaybeCut(RawWebSocketClient client, byte[] frame, int control) throws IOException {
        if ((control & 0x08) == 0) {
            client.write(frame);
            return;
        }
        int cut = 1 + (control >>> 4) % (frame.length - 1);
        client.write(frame, 0, cut);
        client.write(frame, cut, frame.length - cut);
    }
}
