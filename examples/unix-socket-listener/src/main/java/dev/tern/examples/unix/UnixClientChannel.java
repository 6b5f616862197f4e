package dev.tern.examples.unix;

import dev.tern.application.port.out.ClientChannel;
import dev.tern.application.port.out.TaskExecutor;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One accepted Unix socket connection as the engine's {@link ClientChannel}: writes are queued
 * (wrapped, never changed) until the engine flushes; close waits for what was written to leave,
 * at most {@code closeFlushTimeout}. A simpler cousin of the TCP adapter's channel, without its
 * write gathering.
 *
 * <p>Threading: write, flush and close on the channel's event loop (the engine's contract); the
 * rest from any thread.
 */
final class UnixClientChannel implements ClientChannel {

    private final Channel channel;
    private final String listenerName;
    private final TaskExecutor executor;
    private final String remoteAddress;
    private final Duration closeFlushTimeout;
    private boolean closing;

    /** @param listenerName the listener instance's configured name: the connection meters' {@code listener} */
    UnixClientChannel(Channel channel, String listenerName, String remoteAddress, Duration closeFlushTimeout) {
        this.channel = channel;
        this.listenerName = listenerName;
        this.executor = new LoopExecutor(channel.eventLoop());
        this.remoteAddress = remoteAddress;
        this.closeFlushTimeout = closeFlushTimeout;
    }

    @Override
    public void write(ByteBuffer bytes) {
        if (closing || !channel.isActive()) {
            return;
        }
        // The buffer may be shared with other connections: wrap a duplicate, never move its position.
        channel.write(Unpooled.wrappedBuffer(bytes.duplicate()), channel.voidPromise());
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
        channel.config().setAutoRead(false);
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

    @Override
    public String listenerName() {
        return listenerName;
    }

    @Override
    public TaskExecutor executor() {
        return executor;
    }

    @Override
    public String toString() {
        return "unix:" + remoteAddress;
    }
}
