package dev.tern.adapters.websocket;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of one MQTT-over-WebSocket listener ({@code ws://}, or {@code wss://} when {@code tls} is
 * present).
 *
 * @param host the address to bind, e.g. {@code 0.0.0.0}
 * @param port the port to bind; 0 picks a free ephemeral port
 * @param path the only HTTP path that upgrades, e.g. {@code /mqtt}; any other path is answered 404
 * @param ioThreads XNIO I/O threads serving connections; 0 means one per available processor,
 *     because those threads also run the protocol engine
 * @param writeBufferLowWaterMark bytes queued per connection below which it is writable again
 * @param writeBufferHighWaterMark bytes queued per connection above which it becomes unwritable, so
 *     a slow browser cannot make the broker buffer without bound
 * @param allowedOrigins browser origins (e.g. {@code https://app.example.com}) allowed to connect;
 *     empty allows any
 * @param trustForwardedFor whether the first {@code X-Forwarded-For} entry names the client in logs;
 *     only sound behind a proxy that sets the header, since clients can write anything there
 * @param tls certificate and key for {@code wss://}; empty for plain {@code ws://}
 */
record WebSocketListenerConfig(
        String host,
        int port,
        String path,
        int ioThreads,
        int writeBufferLowWaterMark,
        int writeBufferHighWaterMark,
        List<String> allowedOrigins,
        boolean trustForwardedFor,
        Optional<PemTls> tls) {

    public static final String DEFAULT_PATH = "/mqtt";
    public static final int DEFAULT_WRITE_BUFFER_LOW_WATER_MARK = 32 * 1024;
    public static final int DEFAULT_WRITE_BUFFER_HIGH_WATER_MARK = 64 * 1024;

    public WebSocketListenerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(tls, "tls");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be within 0..65535: " + port);
        }
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with /: " + path);
        }
        if (ioThreads < 0) {
            throw new IllegalArgumentException("ioThreads must be 0 (default) or positive: " + ioThreads);
        }
        if (writeBufferLowWaterMark <= 0 || writeBufferHighWaterMark < writeBufferLowWaterMark) {
            throw new IllegalArgumentException("write buffer water marks need 0 < low <= high, got low="
                    + writeBufferLowWaterMark + " high=" + writeBufferHighWaterMark);
        }
        allowedOrigins = List.copyOf(allowedOrigins);
    }

    /** A plain {@code ws://} listener on {@code host:port} at {@link #DEFAULT_PATH}, any origin, default buffers. */
    public static WebSocketListenerConfig withDefaults(String host, int port) {
        return withDefaultBuffers(host, port, DEFAULT_PATH, List.of(), false, Optional.empty());
    }

    /** A listener with one I/O thread per processor and the default write buffer water marks. */
    static WebSocketListenerConfig withDefaultBuffers(String host, int port, String path,
            List<String> allowedOrigins, boolean trustForwardedFor, Optional<PemTls> tls) {
        return new WebSocketListenerConfig(host, port, path, 0, DEFAULT_WRITE_BUFFER_LOW_WATER_MARK,
                DEFAULT_WRITE_BUFFER_HIGH_WATER_MARK, allowedOrigins, trustForwardedFor, tls);
    }

    /** The number of I/O threads to start, resolving 0 to the processor count. */
    public int effectiveIoThreads() {
        return ioThreads == 0 ? Runtime.getRuntime().availableProcessors() : ioThreads;
    }

    /** {@code "ws"} or {@code "wss"}. */
    public String scheme() {
        return tls.isPresent() ? "wss" : "ws";
    }
}
