package dev.tern.examples.unix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.application.port.plugin.ListenerProvider;
import dev.tern.application.port.plugin.NetworkListener;
import dev.tern.testkit.transport.RecordingAcceptor;
import dev.tern.testkit.transport.RecordingConnection;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnixSocketListenerTest {

    @TempDir
    Path dir;

    private final List<NetworkListener> started = new ArrayList<>();

    @AfterEach
    void stopAll() {
        started.forEach(NetworkListener::stop);
    }

    private NetworkListener start(Path socket, String mode, RecordingAcceptor acceptor) throws IOException {
        NetworkListener listener = new UnixSocketListenerProvider().create("unix",
                new UnixSocketListenerProvider.Settings(socket, mode, 1), acceptor);
        started.add(listener);
        listener.start();
        return listener;
    }

    private static SocketChannel connect(Path socket) throws IOException {
        SocketChannel client = SocketChannel.open(StandardProtocolFamily.UNIX);
        client.connect(UnixDomainSocketAddress.of(socket));
        return client;
    }

    private static byte[] readExactly(SocketChannel client, int count) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(count);
        while (buffer.hasRemaining()) {
            if (client.read(buffer) < 0) {
                throw new IOException("closed after " + buffer.position() + " bytes");
            }
        }
        return buffer.array();
    }

    @Test
    void bytesReachTheEngineAndItsWritesComeBack() throws Exception {
        Path socket = dir.resolve("tern.sock");
        RecordingAcceptor acceptor = new RecordingAcceptor(true);
        NetworkListener listener = start(socket, "660", acceptor);
        assertThat(listener.port()).isEqualTo(-1);
        assertThat(listener.address()).contains(socket.toString());

        try (SocketChannel client = connect(socket)) {
            byte[] sent = "hello over a unix socket".getBytes(StandardCharsets.US_ASCII);
            client.write(ByteBuffer.wrap(sent));
            RecordingConnection connection = acceptor.next();
            assertThat(readExactly(client, sent.length)).isEqualTo(sent);
            assertThat(connection.received()).isEqualTo(sent);
            assertThat(connection.callbackThreadsOffExecutor()).isEmpty();
            assertThat(connection.channel().remoteAddress()).startsWith(socket.toString());
            assertThat(connection.channel().listenerName()).isEqualTo("unix");
        }
    }

    @Test
    void theFileModeIsAppliedAfterBind() throws Exception {
        Path socket = dir.resolve("mode.sock");
        start(socket, "600", new RecordingAcceptor());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket))).isEqualTo("rw-------");
    }

    @Test
    void aClientClosingIsReportedOnce() throws Exception {
        Path socket = dir.resolve("close.sock");
        RecordingAcceptor acceptor = new RecordingAcceptor();
        start(socket, "660", acceptor);
        connect(socket).close();
        RecordingConnection connection = acceptor.next();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (connection.closedCalls() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        Thread.sleep(50);
        assertThat(connection.closedCalls()).isEqualTo(1);
    }

    @Test
    void theEngineClosingFlushesWhatItWroteFirst() throws Exception {
        Path socket = dir.resolve("engine-close.sock");
        RecordingAcceptor acceptor = new RecordingAcceptor();
        start(socket, "660", acceptor);
        try (SocketChannel client = connect(socket)) {
            RecordingConnection connection = acceptor.next();
            connection.channel().executor().execute(() -> {
                connection.channel().write(ByteBuffer.wrap(new byte[] {0x20, 0x02, 0x00, (byte) 0x86}));
                connection.channel().close();
            });
            assertThat(readExactly(client, 4)).containsExactly(0x20, 0x02, 0x00, 0x86);
            assertThat(client.read(ByteBuffer.allocate(1))).isEqualTo(-1);
        }
    }

    @Test
    void stopClosesConnectionsAndRemovesTheSocketFile() throws Exception {
        Path socket = dir.resolve("stop.sock");
        RecordingAcceptor acceptor = new RecordingAcceptor();
        NetworkListener listener = start(socket, "660", acceptor);
        try (SocketChannel client = connect(socket)) {
            RecordingConnection connection = acceptor.next();
            listener.stop();
            assertThat(client.read(ByteBuffer.allocate(1))).isEqualTo(-1);
            assertThat(connection.closedCalls()).isEqualTo(1);
        }
        assertThat(socket).doesNotExist();
    }

    @Test
    void aStaleSocketFileIsReplaced() throws Exception {
        Path socket = dir.resolve("stale.sock");
        // What a crash leaves: the JDK does not remove a Unix socket file when the channel closes.
        try (ServerSocketChannel crashed = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            crashed.bind(UnixDomainSocketAddress.of(socket));
        }
        assertThat(socket).exists();
        RecordingAcceptor acceptor = new RecordingAcceptor();
        start(socket, "660", acceptor);
        try (SocketChannel client = connect(socket)) {
            client.write(ByteBuffer.wrap(new byte[] {1}));
            assertThat(acceptor.next()).isNotNull();
        }
    }

    @Test
    void aLiveSocketIsRefused() throws Exception {
        Path socket = dir.resolve("live.sock");
        try (ServerSocketChannel other = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            other.bind(UnixDomainSocketAddress.of(socket));
            assertThatThrownBy(() -> start(socket, "660", new RecordingAcceptor()))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("Another process is listening on Unix socket " + socket);
            assertThat(socket).exists();
        }
    }

    @Test
    void aPathThatIsNotASocketIsNeverRemoved() throws Exception {
        Path file = Files.writeString(dir.resolve("data.txt"), "keep me");
        assertThatThrownBy(() -> start(file, "660", new RecordingAcceptor()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("is not a socket");
        assertThat(file).hasContent("keep me");
    }

    @Test
    void settingsRefuseABadFileMode() {
        assertThatThrownBy(() -> new UnixSocketListenerProvider.Settings(dir.resolve("x.sock"), "rw", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("file-mode");
        assertThatThrownBy(() -> new UnixSocketListenerProvider.Settings(dir.resolve("x.sock"), "888", 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(FileMode.parse("0640")).hasSize(3);
    }

    @Test
    @SuppressWarnings("rawtypes")
    void theProviderIsFoundByServiceLoaderAndOffByDefault() {
        List<ListenerProvider> unix = ServiceLoader.load(ListenerProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(provider -> provider.name().equals("unix"))
                .toList();
        assertThat(unix).hasSize(1);
        assertThat(unix.get(0).enabledByDefault()).isFalse();
    }
}
