package dev.tern.adapters.admin.http;

import dev.tern.application.port.in.admin.TopicWatches;
import dev.tern.application.port.in.admin.WatchStart;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
        exchange.setStatusCode(200);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
        exchange.getResponseHeaders().put(new HttpString("X-Accel-Buffering"), "no");
        exchange.dispatch(streams, () -> stream(exchange, filter, buffer, watch));
        return 200;
    }

    private void stream(HttpServerExchange exchange, String filter, WatchBuffer buffer, WatchStart.Watch watch) {
        WatchPump.End end = WatchPump.End.CLIENT_GONE;
        try {
            exchange.startBlocking();
            OutputStream out = exchange.getOutputStream();
            end = new WatchPump(buffer, frames -> {
                out.write(frames.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }, KEEP_ALIVE_MILLIS, MAX_DURATION_MILLIS, () -> TimeUnit.NANOSECONDS.toMillis(System.nanoTime())).run();
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
