package dev.tern.adapters.websocket;

import dev.tern.application.port.out.ClientChannel;
import dev.tern.testkit.transport.OnExecutor;
import dev.tern.testkit.transport.RecordingAcceptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Servers on ephemeral loopback ports and JDK WebSocket clients for them. */
final class TestServers {

    static final String LOOPBACK = "127.0.0.1";
    /** The listener instance name the test servers' connections report. */
    static final String LISTENER = "test-ws";

    private TestServers() {
    }

    static WebSocketListenerConfig config() {
        return new WebSocketListenerConfig(LOOPBACK, 0, "/mqtt", 2, 16 * 1024, 32 * 1024,
                List.of(), false, Optional.empty());
    }

    static UndertowWebSocketServer start(WebSocketListenerConfig config, RecordingAcceptor acceptor) {
        UndertowWebSocketServer server = new UndertowWebSocketServer(LISTENER, config, acceptor);
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return server;
    }

    static URI uri(UndertowWebSocketServer server, String path) {
        return URI.create("ws://" + LOOPBACK + ":" + server.boundPort() + path);
    }

    /** Opens a WebSocket offering {@code subprotocols}; the future fails when the handshake does. */
    static CompletableFuture<WebSocket> open(URI uri, WebSocket.Listener listener, String... subprotocols) {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(5));
        if (subprotocols.length > 0) {
            String[] more = java.util.Arrays.copyOfRange(subprotocols, 1, subprotocols.length);
            builder.subprotocols(subprotocols[0], more);
        }
        return builder.buildAsync(uri, listener);
    }

    static WebSocket connect(UndertowWebSocketServer server, ClientListener listener) throws Exception {
        return open(uri(server, "/mqtt"), listener, "mqtt").get(5, TimeUnit.SECONDS);
    }

    /** Runs {@code action} on the channel's executor, as the engine would, and waits for it. */
    static void onExecutor(ClientChannel channel, Runnable action) {
        OnExecutor.run(channel, action);
    }
}
