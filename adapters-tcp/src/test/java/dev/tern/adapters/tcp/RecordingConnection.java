package dev.tern.adapters.tcp;

import dev.tern.application.port.in.InboundConnection;
import dev.tern.application.port.out.ClientChannel;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake engine connection that records what the transport delivers. When {@code echo} is set it
 * writes every input back and flushes, as the engine does after a batch.
 *
 * <p>Threading: callbacks arrive on the channel's loop; the getters may be read from the test
 * thread.
 */
final class RecordingConnection implements InboundConnection {

    private final ClientChannel channel;
    private final boolean echo;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final AtomicInteger bytesCalls = new AtomicInteger();
    private final List<Boolean> writabilityChanges = new CopyOnWriteArrayList<>();
    private final AtomicInteger closedCalls = new AtomicInteger();
    private final List<String> callbackThreadsOffLoop = new CopyOnWriteArrayList<>();

    RecordingConnection(ClientChannel channel, boolean echo) {
        this.channel = channel;
        this.echo = echo;
    }

    @Override
    public void onBytes(ByteBuffer bytes) {
        checkOnLoop();
        bytesCalls.incrementAndGet();
        byte[] copy = new byte[bytes.remaining()];
        bytes.get(copy);
        synchronized (received) {
            received.writeBytes(copy);
        }
        if (echo) {
            channel.write(ByteBuffer.wrap(copy));
            channel.flush();
        }
    }

    @Override
    public void onWritabilityChanged(boolean writable) {
        checkOnLoop();
        writabilityChanges.add(writable);
    }

    @Override
    public void onClosed() {
        checkOnLoop();
        closedCalls.incrementAndGet();
    }

    ClientChannel channel() {
        return channel;
    }

    byte[] received() {
        synchronized (received) {
            return received.toByteArray();
        }
    }

    int bytesCalls() {
        return bytesCalls.get();
    }

    List<Boolean> writabilityChanges() {
        return List.copyOf(writabilityChanges);
    }

    int closedCalls() {
        return closedCalls.get();
    }

    /** Names of threads that called back although they are not the connection's executor. */
    List<String> callbackThreadsOffLoop() {
        return List.copyOf(callbackThreadsOffLoop);
    }

    private void checkOnLoop() {
        if (!channel.executor().inExecutorThread()) {
            callbackThreadsOffLoop.add(Thread.currentThread().getName());
        }
    }
}
