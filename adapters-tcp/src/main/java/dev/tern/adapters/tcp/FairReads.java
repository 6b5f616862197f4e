package dev.tern.adapters.tcp;

import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.RecvByteBufAllocator;

/**
 * How much an event loop reads from one connection before it turns to its other connections and
 * its queued tasks: one read of at most {@value #MAX_BYTES_PER_TURN} bytes per connection per
 * wake-up. Netty's default is up to 16 reads of up to 64 KiB each, about 1 MiB; on a loop shared
 * by publishers that keep their sockets full and thousands of other clients, each wake-up then
 * handled about 40,000 QoS 0 PUBLISHes from four publishers before it looked at anybody else's
 * socket, and a SUBSCRIBE waited 40-190 ms to be read (docs/benchmarks.md, "Large subscription
 * tables"). With one 16 KiB read per connection, a turn of the loop is bounded by the busy
 * connections times 16 KiB of work. What is left in a socket is read at the next wake-up (Netty's
 * epoll and NIO transports are level-triggered), so throughput costs one more {@code epoll_wait} per
 * 16 KiB read; the read buffer still adapts to the traffic (2 KiB first, then up to 16 KiB).
 *
 * <p>Threading: stateless; the allocator keeps a handle per channel, used on that channel's loop.
 */
final class FairReads {

    static final int MAX_BYTES_PER_TURN = 16 * 1024;
    private static final int MIN_READ = 64;
    private static final int FIRST_READ = 2048;

    private FairReads() {
    }

    static RecvByteBufAllocator allocator() {
        return new AdaptiveRecvByteBufAllocator(MIN_READ, FIRST_READ, MAX_BYTES_PER_TURN).maxMessagesPerRead(1);
    }
}
