package dev.tern.e2e.hostile;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Many raw sockets held open at once without a thread each: the test feeds them bytes, and one
 * selector notices when the broker answers on one or closes it.
 *
 * <p>Threading: not thread-safe; one test thread drives it.
 */
final class SocketHerd implements AutoCloseable {

    private final Selector selector;
    private final List<SocketChannel> sockets;
    private final ByteBuffer sink = ByteBuffer.allocate(4096);
    private int closedByBroker;
    private long bytesReceived;

    private SocketHerd(Selector selector, List<SocketChannel> sockets) {
        this.selector = selector;
        this.sockets = sockets;
    }

    /** Opens {@code count} TCP connections to the broker and sends nothing. */
    static SocketHerd open(int port, int count) throws IOException {
        Selector selector = Selector.open();
        List<SocketChannel> sockets = new ArrayList<>(count);
        SocketHerd herd = new SocketHerd(selector, sockets);
        try {
            for (int i = 0; i < count; i++) {
                SocketChannel socket = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
                socket.configureBlocking(false);
                socket.register(selector, SelectionKey.OP_READ);
                sockets.add(socket);
            }
        } catch (IOException e) {
            herd.close();
            throw e;
        }
        return herd;
    }

    /** Sends {@code bytes} on every socket the broker has not closed (small writes: they never block). */
    void sendToEach(byte[] bytes) {
        for (SocketChannel socket : sockets) {
            if (socket.isOpen()) {
                try {
                    socket.write(ByteBuffer.wrap(bytes));
                } catch (IOException closedMeanwhile) {
                    // Seen as closed by the next watch.
                }
            }
        }
    }

    /** Watches the sockets for {@code time}: answers are counted, closes recorded. */
    void watch(Duration time) throws IOException {
        long deadline = System.nanoTime() + time.toNanos();
        long left;
        while ((left = (deadline - System.nanoTime()) / 1_000_000) > 0) {
            if (selector.select(left) == 0) {
                continue;
            }
            for (SelectionKey key : selector.selectedKeys()) {
                read((SocketChannel) key.channel(), key);
            }
            selector.selectedKeys().clear();
        }
    }

    /** Watches until the broker has closed every socket or {@code timeout} passed; true if it closed all. */
    boolean awaitAllClosed(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (closedByBroker < sockets.size() && System.nanoTime() < deadline) {
            watch(Duration.ofMillis(200));
        }
        return closedByBroker == sockets.size();
    }

    int closedByBroker() {
        return closedByBroker;
    }

    /** Bytes the broker sent on any of the sockets (a CONNACK, say). */
    long bytesReceived() {
        return bytesReceived;
    }

    private void read(SocketChannel socket, SelectionKey key) {
        int n;
        try {
            sink.clear();
            n = socket.read(sink);
        } catch (IOException reset) {
            n = -1;
        }
        if (n < 0) {
            closedByBroker++;
            key.cancel();
            try {
                socket.close();
            } catch (IOException ignored) {
                // Closed either way.
            }
        } else {
            bytesReceived += n;
        }
    }

    @Override
    public void close() throws IOException {
        for (SocketChannel socket : sockets) {
            socket.close();
        }
        selector.close();
    }
}
