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
        EmbeddedChannel channel = new EmbeddedChannel(new InboundBytesHandler(TestServers.LISTENER, acceptor, CLOSE_LIMITS, slot));
        assertThat(releases).hasValue(0);

        channel.close();
        channel.close();

        assertThat(releases).hasValue(1);
    }

    @Test
    void deliversEveryRegionOfACompositeBufferInOrderAndReleasesIt() {
        EmbeddedChannel channel = new EmbeddedChannel(new InboundBytesHandler(TestServers.LISTENER, acceptor, CLOSE_LIMITS, slot));
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
        EmbeddedChannel channel = new EmbeddedChannel(new InboundBytesHandler(TestServers.LISTENER, acceptor, CLOSE_LIMITS, slot));
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

    private static InboundBytesHandler handlerOver(ConnectionAcceptor acceptor) {
        return new InboundBytesHandler(TestServers.LISTENER, acceptor, CLOSE_LIMITS, () -> { });
    }
}
