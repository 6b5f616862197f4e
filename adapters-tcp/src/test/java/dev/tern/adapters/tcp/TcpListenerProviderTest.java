package dev.tern.adapters.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.application.port.plugin.NetworkListener;
import dev.tern.testkit.transport.RecordingAcceptor;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.Test;

class TcpListenerProviderTest {

    private final RecordingAcceptor acceptor = new RecordingAcceptor(true);

    @Test
    void buildsAListenerThatBindsAFreePortCarriesBytesAndStops() throws Exception {
        NetworkListener listener = new TcpListenerProvider().create("tcp-internal",
                new TcpListenerProvider.Settings(TestServers.LOOPBACK, 0, 1), acceptor);

        listener.start();
        int port = listener.port();
        try (Socket socket = connect(port)) {
            socket.getOutputStream().write(42);
            assertThat(socket.getInputStream().read()).isEqualTo(42);
            assertThat(acceptor.next().channel().listenerName()).isEqualTo("tcp-internal");
        } finally {
            listener.stop();
        }

        assertThat(listener.name()).isEqualTo("tcp-internal");
        assertThat(port).isPositive();
        assertThatThrownBy(() -> connect(port).close()).isInstanceOf(ConnectException.class);
    }

    @Test
    void showsHostPortAndTransportOnTheReadyLine() throws Exception {
        NetworkListener listener = new TcpListenerProvider().create("tcp",
                new TcpListenerProvider.Settings(TestServers.LOOPBACK, 0, 1), acceptor);
        listener.start();
        try {
            assertThat(listener.address()).matches("127\\.0\\.0\\.1:" + listener.port() + " \\((epoll|nio)\\)");
        } finally {
            listener.stop();
        }
    }

    @Test
    void settingsRefuseABlankHostAPortOutOfRangeAndTooManyIoThreads() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TcpListenerProvider.Settings(" ", 1883, 0))
                .withMessageContaining("host");
        assertThatIllegalArgumentException().isThrownBy(() -> new TcpListenerProvider.Settings("h", 65_536, 0))
                .withMessageContaining("port");
        assertThatIllegalArgumentException().isThrownBy(() -> new TcpListenerProvider.Settings("h", 1883, 1025))
                .withMessageContaining("io-threads");
    }

    private static Socket connect(int port) throws Exception {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(TestServers.LOOPBACK, port), 2_000);
        socket.setSoTimeout(5_000);
        return socket;
    }
}
