package dev.tern.adapters.tcp;

import dev.tern.application.port.out.ClientChannel;
import dev.tern.application.port.out.TaskExecutor;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One accepted Netty channel as the engine's {@link ClientChannel}.
 *
 * <p>Writes are queued without flushing; the engine decides when a batch ends. Buffers are
 * wrapped, never copied, because payloads are shared read-only between many deliveries.
 *
 * <p>{@link #close()} waits until everything written so far has reached the socket, so a final
 * packet (a DISCONNECT with a reason, a CONNACK refusal) is not thrown away with Netty's outbound
 * buffer. A peer that stops reading could keep that wait open forever, so the channel is closed
 * hard once {@code closeFlushTimeout} has passed.
 *
 * <p>Threading: {@link #write}, {@link #flush} and {@link #close} run only on the channel's event
 * loop (the engine's contract), and so does {@link #certificateIdentity()}; {@link #isWritable()},
 * {@link #remoteAddress()} and {@link #executor()} from any thread.
 */
final class NettyClientChannel implements ClientChannel {

    private final Channel channel;
    private final TaskExecutor executor;
    private final String remoteAddress;
    private final Duration closeFlushTimeout;
    private boolean closing;
    private String certificateIdentity;

    NettyClientChannel(Channel channel, Duration closeFlushTimeout) {
        this.channel = channel;
        this.closeFlushTimeout = closeFlushTimeout;
        this.executor = new EventLoopTaskExecutor(channel.eventLoop());
        this.remoteAddress = describe(channel.remoteAddress());
    }

    @Override
    public void write(ByteBuffer bytes) {
        // After close() or once the peer is gone the bytes can no longer go anywhere; dropping
        // them here spares a failed write (and its log line) per packet. onClosed tells the engine.
        if (closing || !channel.isActive()) {
            return;
        }
        channel.write(Unpooled.wrappedBuffer(bytes), channel.voidPromise());
    }

    @Override
    public void flush() {
        channel.flush();
    }

    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        // Stop reading: the engine has decided to end this connection, more input only costs work.
        channel.config().setAutoRead(false);
        // The empty write completes only after every earlier write, so closing on its completion
        // closes after the last byte the engine wrote.
        ChannelFuture flushed = channel.writeAndFlush(Unpooled.EMPTY_BUFFER);
        flushed.addListener(ChannelFutureListener.CLOSE);
        if (!flushed.isDone()) {
            ScheduledFuture<?> deadline = channel.eventLoop().schedule(() -> {
                channel.close();
            }, closeFlushTimeout.toMillis(), TimeUnit.MILLISECONDS);
            flushed.addListener(done -> deadline.cancel(false));
        }
    }

    @Override
    public boolean isWritable() {
        return channel.isWritable();
    }

    @Override
    public String remoteAddress() {
        return remoteAddress;
    }

    /**
     * The CN of the client certificate the TLS handshake verified, or null. CONNECT can only
     * arrive once the handshake is complete, so by the time the engine asks, the answer is final.
     */
    @Override
    public String certificateIdentity() {
        if (certificateIdentity == null) {
            certificateIdentity = PeerCertificateIdentity.of(channel.pipeline().get(SslHandler.class));
        }
        return certificateIdentity;
    }

    @Override
    public TaskExecutor executor() {
        return executor;
    }

    @Override
    public String toString() {
        return "tcp:" + remoteAddress;
    }

    private static String describe(SocketAddress address) {
        if (address instanceof InetSocketAddress inet) {
            String host = inet.getHostString();
            if (inet.getAddress() instanceof Inet6Address) {
                host = "[" + host + "]";
            }
            return host + ":" + inet.getPort();
        }
        return String.valueOf(address);
    }
}
