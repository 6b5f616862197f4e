package dev.tern.adapters.admin.http;

import dev.tern.application.port.in.admin.TopicWatches;
import dev.tern.application.port.in.admin.WatchStart;
import io.undertow.server.AbstractServerConnection;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.conduits.ConduitStreamSourceChannel;

/**
 * {@code GET /api/v1/watch?filter=...}: the messages routed to a topic filter, as Server-Sent
 * Events ({@link SseFrames}), from a {@link TopicWatches} subscription that ends when the client
 * closes the connection or after {@link #MAX_DURATION_MILLIS}. At most {@value #MAX_WATCHERS}
 * streams at once (more get 429); each has a {@link WatchBuffer} of {@value #BUFFER} messages and
 * a keep-alive comment every {@link #KEEP_ALIVE_MILLIS} ms. The API key is checked before, by
 * {@link AdminHandler}.
 *
 * <p>Threading: {@link #start} runs on an admin worker thread and returns at once; each stream
 * then runs on a daemon thread of its own (at most {@value #MAX_WATCHERS}), so the two worker
 * threads stay free for the API.
 *
 * <p>A client that closes the stream is noticed at once: the stream writes with a blocking output
 * stream and never reads, so nothing else would see the connection's end before a write failed
 * (the second keep-alive after the close, up to 30 s later). So the connection's source channel
 * gets a read listener on the I/O thread that ends the watch when it reads the end of input or an
 * error (anything the client sends is discarded). The connection is then not kept alive for
 * another request, as the stream's reading of it is not Undertow's.
 */
final class WatchEndpoint {

    static final String PATH = "/api/v1/watch";
    static final int MAX_WATCHERS = 16;
    static final int BUFFER = 256;
    static final long KEEP_ALIVE_MILLIS = 15_000;
    static final long MAX_DURATION_MILLIS = 10 * 60_000;

    private static final Logger LOG = LoggerFactory.getLogger(WatchEndpoint.class);

    private final TopicWatches watches;
    private final Semaphore permits = new Semaphore(MAX_WATCHERS);
    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService streams = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "tern-admin-watch-" + threads.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    WatchEndpoint(TopicWatches watches) {
        this.watches = watches;
    }

    /** Ends every open stream (their threads close their watches) when the listener stops. */
    void close() {
        streams.shutdownNow();
    }

    /** Answers at once for bad input or too many watchers; else starts the stream and answers 200. */
    int start(HttpServerExchange exchange) {
        Deque<String> values = exchange.getQueryParameters().get("filter");
        String filter = values == null || values.isEmpty() ? "" : values.getFirst();
        if (filter.isEmpty()) {
            return AdminHandler.json(exchange, ApiResponse.badInput("filter", "filter is required"));
        }
        if (!permits.tryAcquire()) {
            return AdminHandler.json(exchange, ApiResponse.error(429,
                    "at most " + MAX_WATCHERS + " watchers at once; close one first"));
        }
        WatchBuffer buffer = new WatchBuffer(BUFFER);
        WatchStart started;
        try {
            started = watches.open(filter, buffer::offer);
        } catch (RuntimeException e) {
            permits.release();
            throw e;
        }
        if (started instanceof WatchStart.Rejected rejected) {
            permits.release();
            return AdminHandler.json(exchange, ApiResponse.badInput(rejected.field(), rejected.message()));
        }
        if (started instanceof WatchStart.Refused refused) {
            permits.release();
            return AdminHandler.json(exchange, ApiResponse.error(409, refused.message()));
        }
        WatchStart.Watch watch = ((WatchStart.Started) started).watch();
        exchange.getConnection().addCloseListener(connection -> buffer.close());
        AtomicBoolean hungUp = new AtomicBoolean();
        endOnHangUp(exchange, () -> {
            hungUp.set(true);
            buffer.close();
        });
        exchange.setStatusCode(200);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
        exchange.getResponseHeaders().put(new HttpString("X-Accel-Buffering"), "no");
        exchange.dispatch(streams, () -> stream(exchange, filter, buffer, watch, hungUp));
        return 200;
    }

    /**
     * Reads the connection for its end on the I/O thread, running {@code hangUp} when the client
     * closed it (end of input) or it failed. Only on Undertow's HTTP/1.x connections (the admin
     * listener enables nothing else); any other kind would be found by a failing write as before.
     */
    private static void endOnHangUp(HttpServerExchange exchange, Runnable hangUp) {
        if (!(exchange.getConnection() instanceof AbstractServerConnection connection)) {
            return;
        }
        exchange.setPersistent(false);
        ConduitStreamSourceChannel in = connection.getChannel().getSourceChannel();
        ByteBuffer discard = ByteBuffer.allocate(512);
        in.getReadSetter().set(channel -> {
            try {
                int read;
                do {
                    discard.clear();
                    read = channel.read(discard);
                } while (read > 0);
                if (read == 0) {
                    return;
                }
            } catch (IOException e) {
                // the connection failed: the client is gone just the same
            }
            channel.suspendReads();
            hangUp.run();
        });
        in.resumeReads();
    }

    private void stream(HttpServerExchange exchange, String filter, WatchBuffer buffer, WatchStart.Watch watch,
            AtomicBoolean hungUp) {
        WatchPump.End end = WatchPump.End.CLIENT_GONE;
        try {
            exchange.startBlocking();
            OutputStream out = exchange.getOutputStream();
            end = new WatchPump(buffer, frames -> {
                out.write(frames.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }, KEEP_ALIVE_MILLIS, MAX_DURATION_MILLIS, () -> TimeUnit.NANOSECONDS.toMillis(System.nanoTime())).run();
            if (end == WatchPump.End.WATCH_CLOSED && hungUp.get()) {
                end = WatchPump.End.CLIENT_GONE;
            }
        } catch (RuntimeException e) {
            LOG.warn("admin watch of {} failed: {}", filter, e.toString());
        } finally {
            buffer.close();
            watch.close();
            permits.release();
            exchange.endExchange();
            LOG.info("admin watch of {} ended: {}", filter, end);
        }
    }
}
