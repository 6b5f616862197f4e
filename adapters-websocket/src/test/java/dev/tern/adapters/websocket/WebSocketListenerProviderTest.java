package dev.tern.adapters.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.application.port.plugin.NetworkListener;
import dev.tern.testkit.transport.RecordingAcceptor;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.WebSocket;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WebSocketListenerProviderTest {

    @Test
    void buildsAListenerThatUpgradesOnItsPathOnAFreePortAndStops() throws Exception {
        RecordingAcceptor acceptor = new RecordingAcceptor();
        NetworkListener listener = new WebSocketListenerProvider().create("ws-internal",
                new WebSocketListenerProvider.Settings(TestServers.LOOPBACK, 0, "/broker", List.of(), false), acceptor);

        listener.start();
        int port = listener.port();
        try {
            WebSocket socket = TestServers.open(URI.create("ws://127.0.0.1:" + port + "/broker"),
                    new ClientListener(true), "mqtt").get(5, TimeUnit.SECONDS);
            assertThat(acceptor.next().channel().listenerName()).isEqualTo("ws-internal");
            assertThat(listener.address()).isEqualTo("127.0.0.1:" + port);
            socket.abort();
        } finally {
            listener.stop();
        }

        assertThat(listener.name()).isEqualTo("ws-internal");
        assertThatThrownBy(() -> new Socket().connect(new InetSocketAddress(TestServers.LOOPBACK, port), 2_000))
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void settingsRefuseAPathThatCannotBeARequestPath() {
        for (String path : List.of("mqtt", "/a b", "/mqtt?x=1")) {
            assertThatIllegalArgumentException().as(path)
                    .isThrownBy(() -> new WebSocketListenerProvider.Settings("h", 8083, path, List.of(), false))
                    .withMessageContaining("path");
        }
    }

    @Test
    void settingsStripBlanksAroundThePath() {
        assertThat(new WebSocketListenerProvider.Settings("h", 8083, " /mqtt ", List.of(), false).path())
                .isEqualTo("/mqtt");
    }

    @Test
    void settingsRefuseABlankHostAndAPortOutOfRange() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new WebSocketListenerProvider.Settings(" ", 8083, "/mqtt", List.of(), false))
                .withMessageContaining("host");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new WebSocketListenerProvider.Settings("h", 70_000, "/mqtt", List.of(), false))
                .withMessageContaining("port");
    }
}
