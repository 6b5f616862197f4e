package dev.tern.adapters.websocket;

import java.io.ByteArrayOutputStream;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The test client's side: collects binary data and the close code. With {@code reading} false it
 * asks for no messages, so the JDK client stops reading the socket and the server's writes back up.
 *
 * <p>Threading: the JDK client calls it one event at a time; the test reads the futures and the
 * byte count.
 */
final class ClientListener implements WebSocket.Listener {

    final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    final CompletableFuture<Void> open = new CompletableFuture<>();
    private final ByteArrayOutputStream binary = new ByteArrayOutputStream();
    private final boolean reading;

    ClientListener(boolean reading) {
        this.reading = reading;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        open.complete(null);
        if (reading) {
            webSocket.request(Long.MAX_VALUE);
        }
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        synchronized (binary) {
            binary.writeBytes(bytes);
        }
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeCode.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closeCode.completeExceptionally(error);
    }

    byte[] binary() {
        synchronized (binary) {
            return binary.toByteArray();
        }
    }

    int binaryCount() {
        synchronized (binary) {
            return binary.size();
        }
    }
}
