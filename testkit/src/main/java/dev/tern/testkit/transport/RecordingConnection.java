package dev.tern.testkit.transport;

import dev.tern.application.port.in.InboundConnection;
import dev.tern.application.port.out.ClientChannel;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake engine connection for transport tests: it records what the transport delivers, and on
 * which thread. When {@code echo} is set it writes every input back and flushes, as the engine
 * does after a batch.
 *
 * <p>Threading: callbacks arrive on the connection's I/O thread; the getters may be read from the
 * test thread.
 */
public final class RecordingConnection implements InboundConnection {

    private final ClientChannel channel;
    private final boolean echo;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final AtomicInteger bytesCalls = new AtomicInteger();
    private final List<Boolean> writabilityChanges = new CopyOnWriteArrayList<>();
    private final AtomicInteger closedCalls = new AtomicInteger();
    private final List<String> callbackThreadsOffExecutor = new CopyOnWriteArrayList<>();

    public RecordingConnection(ClientChannel channel, boolean echo) {
        this.channel = channel;
        this.echo = echo;
    }

    @Override
    public void onBytes(ByteBuffer bytes) {
        checkOnExecutor();
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
        checkOnExecutor();
        writabilityChanges.add(writable);
    }

    @Override
    public void onClosed() {
        checkOnExecutor();
        closedCalls.incrementAndGet();
    }

    public ClientChannel channel() {
        return channel;
    }

    public byte[] received() {
        synchronized (received) {
            return received.toByteArray();
        }
    }

    public int bytesCalls() {
        return bytesCalls.get();
    }

    public List<Boolean> writabilityChanges() {
        return List.copyOf(writabilityChanges);
    }

    public int closedCalls() {
        return closedCalls.get();
    }

    /** Names of threads that called back although they are not the connection's executor. */
    public List<String> callbackThreadsOffExecutor() {
        return List.copyOf(callbackThreadsOffExecutor);
    }

    private void checkOnExecutor() {
        if (!channel.executor().inExecutorThread()) {
            callbackThreadsOffExecutor.add(Thread.currentThread().getName());
        }
    }
}
