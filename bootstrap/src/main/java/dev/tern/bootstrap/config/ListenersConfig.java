package dev.tern.bootstrap.config;

import java.util.Objects;

/** The network listeners: plain TCP, TLS, WebSocket and secure WebSocket. */
public record ListenersConfig(TcpListenerConfig tcp, TlsListenerConfig tls, WebSocketListenerConfig websocket,
        WssListenerConfig wss) {

    public ListenersConfig {
        Objects.requireNonNull(tcp, "tcp");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(websocket, "websocket");
        Objects.requireNonNull(wss, "wss");
    }
}
