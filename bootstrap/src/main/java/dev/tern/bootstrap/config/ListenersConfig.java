package dev.tern.bootstrap.config;

import java.util.Objects;

/** The network listeners; TCP only for now, WebSocket joins later. */
public record ListenersConfig(TcpListenerConfig tcp, TlsListenerConfig tls) {

    public ListenersConfig {
        Objects.requireNonNull(tcp, "tcp");
        Objects.requireNonNull(tls, "tls");
    }
}
