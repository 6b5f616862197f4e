package dev.tern.adapters.tcp;

import java.util.Objects;

/**
 * Settings of one plain TCP listener.
 *
 * @param host the address to bind, e.g. {@code 0.0.0.0}
 * @param port the port to bind; 0 picks a free ephemeral port
 * @param ioThreads event-loop threads serving connections; 0 means one per two available
 *     processors, at least one (see {@link #effectiveIoThreads()})
 * @param writeBufferLowWaterMark bytes queued per connection below which it is writable again
 * @param writeBufferHighWaterMark bytes queued per connection above which it becomes unwritable
 * @param preferEpoll use the native epoll transport when the platform offers it, NIO otherwise
 * @param readBytesPerTurn bytes an event loop reads from one connection before it turns to its
 *     other connections and tasks ({@link FairReads})
 */
record TcpListenerConfig(
        String host,
        int port,
        int ioThreads,
        int writeBufferLowWaterMark,
        int writeBufferHighWaterMark,
        boolean preferEpoll,
        int readBytesPerTurn) {

    public static final int DEFAULT_WRITE_BUFFER_LOW_WATER_MARK = 32 * 1024;
    public static final int DEFAULT_WRITE_BUFFER_HIGH_WATER_MARK = 64 * 1024;

    public TcpListenerConfig {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be within 0..65535: " + port);
        }
        if (ioThreads < 0) {
            throw new IllegalArgumentException("ioThreads must be 0 (default) or positive: " + ioThreads);
        }
        if (writeBufferLowWaterMark <= 0 || writeBufferHighWaterMark < writeBufferLowWaterMark) {
            throw new IllegalArgumentException("write buffer water marks need 0 < low <= high, got low="
                    + writeBufferLowWaterMark + " high=" + writeBufferHighWaterMark);
        }
        FairReads.check(readBytesPerTurn);
    }

    /** With the default {@link FairReads#DEFAULT_BYTES_PER_TURN}. */
    TcpListenerConfig(String host, int port, int ioThreads, int writeBufferLowWaterMark, int writeBufferHighWaterMark,
                      boolean preferEpoll) {
        this(host, port, ioThreads, writeBufferLowWaterMark, writeBufferHighWaterMark, preferEpoll,
                FairReads.DEFAULT_BYTES_PER_TURN);
    }

    /** A listener on {@code host:port} with default threads and water marks, preferring epoll. */
    public static TcpListenerConfig withDefaults(String host, int port) {
        return new TcpListenerConfig(host, port, 0,
                DEFAULT_WRITE_BUFFER_LOW_WATER_MARK, DEFAULT_WRITE_BUFFER_HIGH_WATER_MARK, true);
    }

    /**
     * The number of event-loop threads to start, resolving 0 to half the processors, at least one.
     * Not one per processor: the loops share the machine with the storage writer, the garbage
     * collector and the JIT, and a message from a connection on one loop to a subscriber on
     * another costs a wake-up of the second. On 2 processors one loop beat two on throughput, CPU
     * per message, latency tail, memory per connection and offline-session fill
     * (docs/benchmarks-investigations.md, "One event loop per two processors").
     */
    public int effectiveIoThreads() {
        return effectiveIoThreads(Runtime.getRuntime().availableProcessors());
    }

    int effectiveIoThreads(int processors) {
        return ioThreads == 0 ? Math.max(1, processors / 2) : ioThreads;
    }
}
