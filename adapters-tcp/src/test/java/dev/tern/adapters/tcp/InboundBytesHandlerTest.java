package dev.tern.adapters.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.port.in.ConnectionAcceptor;
import dev.tern.application.port.in.ConnectionSlot;
import dev.tern.application.port.in.InboundConnection;
import dev.tern.application.port.out.CloseLimits;
import dev.tern.testkit.transport.RecordingAcceptor;
import dev.tern.testkit.transport.RecordingConnection;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The handler alone, on an in-memory channel, for buffer shapes a socket read rarely produces. */
class InboundBytesHandlerTest {

    private static final CloseLimits CLOSE_LIMITS =
            new CloseLimits(Duration.ofSeconds(1), CloseLimits.DEFAULT.drainTime(), CloseLimits.DEFAULT.drainBytes());

    private final RecordingAcceptor acceptor = new RecordingAcceptor();
    private final AtomicInteger releases = new AtomicInteger();
    private final ConnectionSlot slot = releases::incrementAndGet;

    @Test
    void givesItsConnectionSlotBackOnceWhenTheChannelCloses() {
        EmbeddedChannel channel = new EmbeddedChannel(new InboundBytesHandler(new ConnectionScope(TestServers.LISTENER, acceptor, CLOSE_LIMITS), slot));
        assertThat(releases).hasValue(0);

        channel.close();
        channel.close();

        assertThat(releases).hasValue(1);
    }

    @Test
    void deliversEveryRegionOfACompositeBufferInOrderAndReleasesIt() {
        EmbeddedChannel channel = new EmbeddedChannel(new InboundBytesHandler(new ConnectionScope(TestServers.LISTENER, acceptor, CLOSE_LIMITS), slot));
        RecordingConnection connection = acceptor.next();
        ByteBuf direct = Unpooled.directBuffer(2).writeBytes(new byte[] {4, 5});
        CompositeByteBuf composite = Unpooled.compositeBuffer()
                .addComponents(true,
                        Unpooled.wrappedBuffer(new byte[] {1, 2}),
                        Unpooled.wrappedBuffer(new byte[] {3}),
                        direct);

        channel.writeInbound(composite);

        assertThat(connection.received()).containsExactly(1, 2, 3, 4, 5);
        assertThat(connection.bytesCalls()).isEqualTo(3);
        assertThat(composite.refCnt()).isZero();
        assertThat(direct.refCnt()).isZero();
        channel.finishAndReleaseAll();
    }

    @Test
    void releasesAPlainBufferAfterDeliveringIt() {
        EmbeddedChannel channel = new EmbeddedChannel(new InboundBytesHandler(new ConnectionScope(TestServers.LISTENER, acceptor, CLOSE_LIMITS), slot));
        RecordingConnection connection = acceptor.next();
        ByteBuf buf = Unpooled.directBuffer(3).writeBytes(new byte[] {9, 8, 7});

        channel.writeInbound(buf);

        assertThat(connection.received()).containsExactly(9, 8, 7);
        assertThat(buf.refCnt()).isZero();
        channel.finishAndReleaseAll();
    }

    @Test
    void closesTheChannelWhenTheEngineFailsAndReportsTheCloseOnce() {
        AtomicInteger closed = new AtomicInteger();
        EmbeddedChannel channel = new EmbeddedChannel(handlerOver(clientChannel -> new InboundConnection() {
            @Override
            public void onBytes(ByteBuffer bytes) {
                throw new IllegalStateException("engine bug");
            }

            @Override
            public void onWritabilityChanged(boolean writable) {
            }

            @Override
            public void onClosed() {
                closed.incrementAndGet();
            }
        }));
        ByteBuf buf = Unpooled.wrappedBuffer(new byte[] {1});

        channel.writeInbound(buf);
        channel.runPendingTasks();

        assertThat(channel.isOpen()).isFalse();
        assertThat(buf.refCnt()).isZero();
        assertThat(closed).hasValue(1);
        channel.close();
        assertThat(closed).hasValue(1);
    }

    @Test
    void closesTheChannelWhenTheEngineRefusesIt() {
        EmbeddedChannel channel = new EmbeddedChannel(handlerOver(clientChannel -> {
            throw new IllegalStateException("engine not ready");
        }));
        channel.runPendingTasks();

        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void holdsTheFlushesOfOneReadUntilTheReadIsComplete() {
        FlushCounter flushes = new FlushCounter();
        EmbeddedChannel channel = new EmbeddedChannel(flushes, handlerOver(flushingEngine()));

        // One read loop delivering three buffers: the engine flushes after each, one flush goes out.
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {1}), Unpooled.wrappedBuffer(new byte[] {2}),
                Unpooled.wrappedBuffer(new byte[] {3}));

        assertThat(flushes.count).isEqualTo(1);
        assertThat(channel.outboundMessages()).hasSize(3);
        channel.finishAndReleaseAll();
    }

    @Test
    void passesFlushesOutsideAReadStraightThrough() {
        FlushCounter flushes = new FlushCounter();
        EmbeddedChannel channel = new EmbeddedChannel(flushes, handlerOver(flushingEngine()));
        int before = flushes.count;

        // A delivery from another session's loop: nobody is reading, so it must not wait.
        channel.writeOneOutbound(Unpooled.wrappedBuffer(new byte[] {7}));
        channel.flush();

        assertThat(flushes.count).isEqualTo(before + 1);
        assertThat(channel.outboundMessages()).hasSize(1);
        channel.finishAndReleaseAll();
    }

    @Test
    void flushesEveryMaxDeferredFlushesDuringALongRead() {
        FlushCounter flushes = new FlushCounter();
        EmbeddedChannel channel = new EmbeddedChannel(flushes, handlerOver(flushingEngine()));

        for (int i = 0; i < InboundBytesHandler.MAX_DEFERRED_FLUSHES + 1; i++) {
            channel.writeOneInbound(Unpooled.wrappedBuffer(new byte[] {(byte) i}));
        }
        assertThat(flushes.count).isEqualTo(1);
        assertThat(channel.outboundMessages()).hasSize(InboundBytesHandler.MAX_DEFERRED_FLUSHES);

        channel.pipeline().fireChannelReadComplete();
        assertThat(flushes.count).isEqualTo(2);
        assertThat(channel.outboundMessages()).hasSize(InboundBytesHandler.MAX_DEFERRED_FLUSHES + 1);
        channel.finishAndReleaseAll();
    }

    @Test
    void sendsHeldFlushesBeforeTheChannelCloses() {
        FlushCounter flushes = new FlushCounter();
        EmbeddedChannel channel = new EmbeddedChannel(flushes, handlerOver(flushingEngine()));
        channel.writeOneInbound(Unpooled.wrappedBuffer(new byte[] {1}));
        assertThat(flushes.count).isZero();

        channel.close();

        assertThat(flushes.count).isEqualTo(1);
        channel.finishAndReleaseAll();
    }

    /** An engine that answers every byte with one byte and flushes, as a batch of work does. */
    private static ConnectionAcceptor flushingEngine() {
        return clientChannel -> new InboundConnection() {
            @Override
            public void onBytes(ByteBuffer bytes) {
                clientChannel.write(ByteBuffer.wrap(new byte[] {bytes.get()}));
                clientChannel.flush();
            }

            @Override
            public void onWritabilityChanged(boolean writable) {
            }

            @Override
            public void onClosed() {
            }
        };
    }

    /** First in the pipeline: counts the flushes that get past the engine handler. */
    private static final class FlushCounter extends ChannelOutboundHandlerAdapter {
        int count;

        @Override
        public void flush(ChannelHandlerContext ctx) throws Exception {
            count++;
            ctx.flush();
        }
    }

    private static InboundBytesHandler handlerOver(ConnectionAcceptor acceptor) {
        return new InboundBytesHandler(new ConnectionScope(TestServers.LISTENER, acceptor, CLOSE_LIMITS), () -> { });
    }
}
