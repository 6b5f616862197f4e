package dev.tern.adapters.tcp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.ChannelConfig;
import io.netty.channel.RecvByteBufAllocator;
import io.netty.util.UncheckedBooleanSupplier;
import io.netty.util.concurrent.FastThreadLocal;

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
 * <p>One exception: a connection in the middle of a packet that still lacks {@value #MIN_AWAITED}
 * bytes or more (a 64 KiB or 1 MiB PUBLISH) is read on, each read sized to exactly what the packet
 * lacks (at most {@value #MAX_AWAITED_READ} bytes), until the packet is complete or {@value
 * #MAX_EXTENSION} bytes past the budget; the packets behind it wait for the next turn. The engine
 * can do nothing with a packet's first bytes until its last have arrived, and cutting it into 16 KiB
 * turns cost a 64 KiB message four reads and two wake-ups of the loop. The engine says what it still awaits ({@code
 * InboundConnection.bytesAwaited}); the connection's handler passes that on to this allocator's
 * handle through {@link #awaiting}, on the loop's thread, between the read that delivered the bytes
 * and the handle's decision whether to read again.
 *
 * <p>Threading: the allocator is shared; it keeps a handle per channel, used on that channel's loop.
 * What the connection being read awaits is kept per loop thread: a loop reads one channel at a
 * time, and each handle forgets it when its channel's read begins.
 */
final class FairReads {

    static final int DEFAULT_BYTES_PER_TURN = 16 * 1024;
    static final int MIN_BYTES_PER_TURN = 1024;
    /** Netty's own default: 16 reads of up to 64 KiB. */
    static final int MAX_BYTES_PER_TURN = 16 * 64 * 1024;
    private static final int MAX_READ = 64 * 1024;
    private static final int MIN_READ = 64;
    /** The most a turn reads past the budget to complete a packet. */
    static final int MAX_EXTENSION = 1024 * 1024;
    /** The largest single read towards a packet's missing bytes. */
    static final int MAX_AWAITED_READ = 256 * 1024;
    /**
     * The least a packet must lack for the turn to read on: the rest of a small packet, cut by the
     * budget's last read, waits for the next turn like the packets behind it.
     */
    static final int MIN_AWAITED = 4 * 1024;

    /** What the connection this loop is reading awaits of its packet in progress. */
    private static final FastThreadLocal<int[]> AWAITED = new FastThreadLocal<>() {
        @Override
        protected int[] initialValue() {
            return new int[1];
        }
    };

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
        RecvByteBufAllocator adaptive = new AdaptiveRecvByteBufAllocator(MIN_READ, largestRead, largestRead)
                .maxMessagesPerRead(reads);
        return () -> new PacketCompletingHandle((RecvByteBufAllocator.ExtendedHandle) adaptive.newHandle());
    }

    /**
     * The connection being read on this thread awaits {@code bytes} more of the packet it is in the
     * middle of (0: none). Called by its handler after each read it handed to the engine.
     */
    static void awaiting(int bytes) {
        AWAITED.get()[0] = bytes;
    }

    /**
     * Netty's adaptive handle, which keeps to the budget, plus reads past it while the engine awaits
     * the rest of a packet.
     */
    private static final class PacketCompletingHandle extends RecvByteBufAllocator.DelegatingHandle
            implements RecvByteBufAllocator.ExtendedHandle {

        private ChannelConfig config;
        /** Whether the read under way is past the budget, towards a packet's missing bytes. */
        private boolean extending;
        private int extended;

        PacketCompletingHandle(RecvByteBufAllocator.ExtendedHandle budget) {
            super(budget);
        }

        /** Netty's adaptive handle, which keeps to the budget (not kept in a field of its own: one per channel). */
        private RecvByteBufAllocator.ExtendedHandle budget() {
            return (RecvByteBufAllocator.ExtendedHandle) delegate();
        }

        @Override
        public void reset(ChannelConfig config) {
            super.reset(config);
            this.config = config;
            extending = false;
            extended = 0;
            awaiting(0);
        }

        @Override
        public ByteBuf allocate(ByteBufAllocator alloc) {
            return alloc.ioBuffer(guess());
        }

        /**
         * Within the budget, Netty's adaptive guess. Past it, exactly what the packet lacks (at most
         * {@value #MAX_AWAITED_READ}): a read of the budget's size would run on into the packets
         * behind it, and reading on to complete each of those in turn would undo the budget for a
         * client that streams small packets (a 16 KiB read nearly always ends inside one).
         */
        @Override
        public int guess() {
            return extending ? Math.min(AWAITED.get()[0], MAX_AWAITED_READ) : budget().guess();
        }

        @Override
        public boolean continueReading(UncheckedBooleanSupplier maybeMoreData) {
            return budget().continueReading(maybeMoreData) || completePacket(maybeMoreData.get());
        }

        @Override
        public boolean continueReading() {
            return budget().continueReading() || completePacket(lastBytesRead() == attemptedBytesRead());
        }

        private boolean completePacket(boolean maybeMoreData) {
            if (extending) {
                extended += lastBytesRead();
            }
            extending = maybeMoreData && AWAITED.get()[0] >= MIN_AWAITED && extended < MAX_EXTENSION
                    && config.isAutoRead() && lastBytesRead() > 0;
            return extending;
        }
    }
}
