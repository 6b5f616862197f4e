package dev.tern.bootstrap.config;

import java.util.Objects;

/** The network listeners: plain TCP, WebSocket and secure WebSocket. */
public record ListenersConfig(TcpListenerConfig tcp, WebSocketListenerConfig websocket, WssListenerConfig wss) {

    public ListenersConfig {
        Objects.requireNonNull(tcp, "tcp");
        Objects.requireNonNull(websocket, "websocket");
        Objects.requireNonNull(wss, "wss");
    }
}
