package dev.tern.adapters.tcp;

import dev.tern.application.port.out.ClientChannel;
import dev.tern.application.port.out.CloseLimits;
import dev.tern.application.port.out.TaskExecutor;
import dev.tern.domain.message.Payload;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

/**
 * One accepted Netty channel as the engine's {@link ClientChannel}.
 *
 * <p>Writes are queued without flushing; the engine decides when a batch ends. Small writes (packet
 * headers, small payloads) are copied into one pooled direct buffer per batch, which goes to the
 * channel as a single message: the native transport has to copy heap bytes into direct memory
 * anyway, and doing it here spares the per-write wrapper objects, outbound-buffer entries and
 * iovecs. A large payload is copied into direct memory once per event loop and that copy is sent
 * to every subscriber the loop serves ({@link PayloadCopies}); other large writes are wrapped, not
 * copied here.
 *
 * <p>{@link #close()} waits until everything written so far has reached the socket, so a final
 * packet (a DISCONNECT with a reason, a CONNACK refusal) is not thrown away with Netty's outbound
 * buffer. A peer that stops reading could keep that wait open forever, so the channel is closed
 * hard once the flush timeout of {@link CloseLimits} has passed. Then {@link GracefulClose} ends
 * the connection without a reset: output half-closed, input discarded for a bounded time.
 *
 * <p>Reading is paused and resumed with Netty's auto-read: with it off, the event loop stops
 * reading the socket, the kernel's receive buffer fills and the peer's TCP window closes.
 *
 * <p>Threading: {@link #write}, {@link #flush}, {@link #close}, {@link #pauseReading()} and {@link
 * #resumeReading()} run only on the channel's event loop (the engine's contract), and so does
 * {@link #certificateIdentity()}; {@link #isWritable()}, {@link #remoteAddress()} and {@link
 * #executor()} from any thread.
 */
final class NettyClientChannel implements ClientChannel {

    /** Writes up to this size are gathered; larger ones go to the channel on their own. */
    static final int GATHER_LIMIT = 2048;
    private static final int BATCH_CAPACITY = 8192;

    private final Channel channel;
    private final ConnectionScope scope;
    private final TaskExecutor executor;
    private final String remoteAddress;
    private boolean closing;
    private String certificateIdentity;
    /** Small writes of the current batch, not yet handed to the channel; null when none. */
    private ByteBuf gathered;

    /** @param scope the listener's: its name, reported by {@link #listenerName()}, its close limits, its loops' executors */
    NettyClientChannel(Channel channel, ConnectionScope scope) {
        this.channel = channel;
        this.scope = scope;
        this.executor = scope.executorFor(channel.eventLoop());
        this.remoteAddress = describe(channel.remoteAddress());
    }

    @Override
    public void write(ByteBuffer bytes) {
        // After close() or once the peer is gone the bytes can no longer go anywhere; dropping
        // them here spares a failed write (and its log line) per packet. onClosed tells the engine.
        if (closing || !channel.isActive()) {
            return;
        }
        if (bytes.remaining() > GATHER_LIMIT) {
            // What was gathered was written first, so it goes first.
            handOverGathered();
            channel.write(Unpooled.wrappedBuffer(bytes), channel.voidPromise());
            return;
        }
        gather(bytes);
    }

    /** Small shared bytes are copied at once without moving their position: no duplicate needed. */
    @Override
    public void writeShared(ByteBuffer bytes) {
        if (bytes.remaining() > GATHER_LIMIT) {
            write(bytes.duplicate());
        } else if (!closing && channel.isActive()) {
            gather(bytes);
        }
    }

    /**
     * A large payload goes out as this loop's one direct copy of it ({@link PayloadCopies}), so
     * the subscribers of a message served by this loop share one copy instead of Netty making one
     * per write; a small one is gathered into the batch like any small write.
     */
    @Override
    public void writePayload(Payload payload) {
        if (payload.size() <= GATHER_LIMIT) {
            write(payload.asReadOnlyBuffer());
        } else if (!closing && channel.isActive()) {
            handOverGathered();
            channel.write(PayloadCopies.ofThisLoop().forWrite(payload, channel.alloc()), channel.voidPromise());
        }
    }

    private void gather(ByteBuffer bytes) {
        int size = bytes.remaining();
        if (gathered != null && gathered.writableBytes() < size) {
            handOverGathered();
        }
        if (gathered == null) {
            gathered = channel.alloc().directBuffer(BATCH_CAPACITY);
        }
        // The caller's buffer may be shared with other connections' threads, so its position must
        // not move: copied from its array when it has one, otherwise through a duplicate.
        if (bytes.hasArray()) {
            gathered.writeBytes(bytes.array(), bytes.arrayOffset() + bytes.position(), size);
        } else {
            gathered.writeBytes(bytes.duplicate());
        }
    }

    @Override
    public void flush() {
        handOverGathered();
        channel.flush();
    }

    private void handOverGathered() {
        if (!channel.isActive()) {
            releaseGathered();
            return;
        }
        ByteBuf batch = gathered;
        if (batch != null) {
            gathered = null;
            channel.write(batch, channel.voidPromise());
        }
    }

    /**
     * The channel has closed (its handler's {@code channelInactive}, rather than a close-future
     * listener: a listener object and array fewer per connection). Nothing can be written any more.
     */
    void closed() {
        releaseGathered();
    }

    /** The channel closed under a batch (the peer went away): its bytes can go nowhere. */
    private void releaseGathered() {
        ByteBuf batch = gathered;
        if (batch != null) {
            gathered = null;
            batch.release();
        }
    }

    @Override
    public void close() {
        if (closing) {
            return;
        }
        handOverGathered();
        closing = true;
        // Stop reading until the last packet is out: the engine has decided to end this connection.
        channel.config().setAutoRead(false);
        // The empty write completes only after every earlier write, so the graceful close begins
        // after the last byte the engine wrote.
        ChannelFuture flushed = channel.writeAndFlush(Unpooled.EMPTY_BUFFER);
        flushed.addListener(done -> {
            if (done.isSuccess()) {
                GracefulClose.begin(channel, scope.closeLimits());
            } else {
                channel.close();
            }
        });
        if (!flushed.isDone()) {
            ScheduledFuture<?> deadline = channel.eventLoop().schedule(() -> {
                channel.close();
            }, scope.closeLimits().flushTimeout().toMillis(), TimeUnit.MILLISECONDS);
            flushed.addListener(done -> deadline.cancel(false));
        }
    }

    /** True once the engine has closed the connection: what the peer still sends is not for it. */
    boolean closing() {
        return closing;
    }

    /** Not after {@link #close()}: the graceful close decides when to read, and then reads to discard. */
    @Override
    public void pauseReading() {
        if (!closing) {
            channel.config().setAutoRead(false);
        }
    }

    /** Not after {@link #close()}, which stops reading until its last bytes are out. */
    @Override
    public void resumeReading() {
        if (!closing) {
            channel.config().setAutoRead(true);
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
    public String listenerName() {
        return scope.listenerName();
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
