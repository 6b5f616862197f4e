package dev.tern.adapters.websocket;

import dev.tern.application.port.in.InboundConnection;
import dev.tern.application.port.out.ClientChannel;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake engine connection that records what the transport delivers, and on which thread.
 *
 * <p>Threading: callbacks arrive on the connection's I/O thread; the getters may be read from the
 * test thread.
 */
final class RecordingConnection implements InboundConnection {

    private final ClientChannel channel;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final List<Boolean> writabilityChanges = new CopyOnWriteArrayList<>();
    private final AtomicInteger closedCalls = new AtomicInteger();
    private final List<String> callbackThreadsOffExecutor = new CopyOnWriteArrayList<>();

    RecordingConnection(ClientChannel channel) {
        this.channel = channel;
    }

    @Override
    public void onBytes(ByteBuffer bytes) {
        checkOnExecutor();
        byte[] copy = new byte[bytes.remaining()];
        bytes.get(copy);
        synchronized (received) {
            received.writeBytes(copy);
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

    ClientChannel channel() {
        return channel;
    }

    byte[] received() {
        synchronized (received) {
            return received.toByteArray();
        }
    }

    List<Boolean> writabilityChanges() {
        return List.copyOf(writabilityChanges);
    }

    int closedCalls() {
        return closedCalls.get();
    }

    /** Names of threads that called back although they are not the connection's executor. */
    List<String> callbackThreadsOffExecutor() {
        return List.copyOf(callbackThreadsOffExecutor);
    }

    private void checkOnExecutor() {
        if (!channel.executor().inExecutorThread()) {
            callbackThreadsOffExecutor.add(Thread.currentThread().getName());
        }
    }
}
