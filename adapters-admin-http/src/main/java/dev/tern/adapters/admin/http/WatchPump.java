package dev.tern.adapters.admin.http;

import java.io.IOException;
import java.util.function.LongSupplier;

/**
 * Sends one watcher's buffer as Server-Sent Events until the watch ends, the client goes (a write
 * fails), or the maximum duration is reached (then an {@code end} event says so). When nothing
 * arrives for the keep-alive interval it writes a comment, which also finds a client that left.
 *
 * <p>Threading: {@link #run} runs on the one thread that owns the stream.
 */
final class WatchPump {

    /** Where frames go; a failure means the client is gone. */
    interface Out {
        void write(String frames) throws IOException;
    }

    /** Why a stream ended. */
    enum End { WATCH_CLOSED, CLIENT_GONE, MAX_DURATION, INTERRUPTED }

    private final WatchBuffer buffer;
    private final Out out;
    private final long keepAliveMillis;
    private final long maxMillis;
    private final LongSupplier millis;

    WatchPump(WatchBuffer buffer, Out out, long keepAliveMillis, long maxMillis, LongSupplier millis) {
        this.buffer = buffer;
        this.out = out;
        this.keepAliveMillis = keepAliveMillis;
        this.maxMillis = maxMillis;
        this.millis = millis;
    }

    End run() {
        long deadline = millis.getAsLong() + maxMillis;
        try {
            out.write(SseFrames.KEEP_ALIVE);
            while (true) {
                long remaining = deadline - millis.getAsLong();
                if (remaining <= 0) {
                    out.write(SseFrames.end("max_duration"));
                    return End.MAX_DURATION;
                }
                WatchBuffer.Batch batch = buffer.take(Math.min(keepAliveMillis, remaining));
                if (batch.closed()) {
                    return End.WATCH_CLOSED;
                }
                if (batch.isEmpty()) {
                    out.write(SseFrames.KEEP_ALIVE);
                    continue;
                }
                StringBuilder frames = new StringBuilder();
                if (batch.dropped() > 0) {
                    frames.append(SseFrames.dropped(batch.dropped()));
                }
                batch.messages().forEach(entry -> frames.append(SseFrames.message(entry)));
                out.write(frames.toString());
            }
        } catch (IOException e) {
            return End.CLIENT_GONE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return End.INTERRUPTED;
        }
    }
}
