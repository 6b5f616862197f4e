package dev.tern.adapters.tcp;

import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.RecvByteBufAllocator;

/**
 * How much an event loop reads from one connection before it turns to its other connections and
 * its queued tasks: by default one read of at most {@value #DEFAULT_BYTES_PER_TURN} bytes per
 * connection per wake-up ({@code listeners.tcp.read-bytes-per-turn}). Netty's default is up to 16
 * reads of up to 64 KiB each, about 1 MiB; on a loop shared by publishers that keep their sockets
 * full and thousands of other clients, each wake-up then handled tens of thousands of QoS 0
 * PUBLISHes from four publishers before it looked at anybody else's socket, and a SUBSCRIBE waited
 * 37-154 ms (medians) to be read (docs/benchmarks-investigations.md, "Large subscription tables").
 * With 16 KiB, a turn of the loop is bounded by the busy connections times 16 KiB of work. What is
 * left in a socket is read at a later turn: Netty comes back to a connection whose read stopped at
 * the limit (its epoll transport schedules the rest itself, NIO selects the socket again; {@code
 * FairReadsTest} waits for every byte on both). The price is
 * paid where a turn's deliveries spread over many subscribers: fewer messages leave per write to
 * each of them (see the benchmarks).
 *
 * <p>Threading: stateless; the allocator keeps a handle per channel, used on that channel's loop.
 */
final class FairReads {

    static final int DEFAULT_BYTES_PER_TURN = 16 * 1024;
    static final int MIN_BYTES_PER_TURN = 1024;
    /** Netty's own default: 16 reads of up to 64 KiB. */
    static final int MAX_BYTES_PER_TURN = 16 * 64 * 1024;
    private static final int MAX_READ = 64 * 1024;
    private static final int MIN_READ = 64;

    private FairReads() {
    }

    static void check(int bytesPerTurn) {
        if (bytesPerTurn < MIN_BYTES_PER_TURN || bytesPerTurn > MAX_BYTES_PER_TURN) {
            throw new IllegalArgumentException("read-bytes-per-turn must be " + MIN_BYTES_PER_TURN + ".."
                    + MAX_BYTES_PER_TURN + ": " + bytesPerTurn);
        }
    }

    /**
     * Reads of up to 64 KiB, as many as the budget holds (one below 64 KiB), the buffer adapting to
     * the traffic. The first read of a connection may take the whole budget: starting at Netty's 2 KiB
     * guess, a client's first burst (a CONNECT and the packets it pipelined behind it) was cut into
     * turns between which the CONNACK could already leave, so the broker no longer saw what the client
     * had sent before its CONNACK. The buffer is taken from the pool for each read and returned
     * after it, so a large first guess costs an idle connection nothing.
     */
    static RecvByteBufAllocator allocator(int bytesPerTurn) {
        check(bytesPerTurn);
        int largestRead = Math.min(bytesPerTurn, MAX_READ);
        int reads = (bytesPerTurn + largestRead - 1) / largestRead;
        return new AdaptiveRecvByteBufAllocator(MIN_READ, largestRead, largestRead).maxMessagesPerRead(reads);
    }
}
