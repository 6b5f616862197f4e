package dev.tern.application.embedded;

import dev.tern.application.port.in.ConnectionAcceptor;
import dev.tern.application.port.out.TaskExecutor;
import dev.tern.domain.message.Qos;
import dev.tern.domain.message.UserProperty;
import dev.tern.domain.topic.TopicFilter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An MQTT 5 client inside the broker's process: it connects through the engine's {@link
 * ConnectionAcceptor} like a network client, so the authenticator, the authorizer, routing,
 * retained messages and flow control treat it as one. Its session is clean and ends when the
 * client closes.
 *
 * <p>Refusals: a request the broker answers with a failure reason code (a PUBACK, PUBREC or SUBACK
 * of 0x80 or above, such as 0x87 Not authorized) fails its stage with {@link
 * RefusedByBrokerException}. A QoS 0 publish completes when handed to the engine, so a refused one
 * is not reported: the broker drops it silently, as for a network client.
 *
 * <p>Threading: every method may be called from any thread. The protocol runs on the client's
 * connection thread; callbacks run on its callback thread, one message at a time, so a callback
 * needs no locking of its own and a slow one holds back only this client: its QoS 1/2 messages
 * are acknowledged after the callback returns, and the broker sends at most the Receive Maximum
 * unacknowledged. Stages complete on the connection thread: do not block in their continuations.
 */
public final class InProcessClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InProcessClient.class);
    private static final long CLOSE_TIMEOUT_SECONDS = 10;

    private final String clientId;
    private final TaskExecutor connectionThread;
    private final ClientProtocol protocol;

    private InProcessClient(String clientId, TaskExecutor connectionThread, ClientProtocol protocol) {
        this.clientId = clientId;
        this.connectionThread = connectionThread;
        this.protocol = protocol;
    }

    /**
     * Connects; the stage completes at a successful CONNACK or fails with {@link
     * RefusedByBrokerException}.
     *
     * @param connectionThread owns the connection, as a transport's event loop would
     * @param callbackThread   runs the subscription callbacks, in order
     * @param onClosed         runs once, on the connection thread, when the connection has ended
     *                         (the place to stop both threads)
     */
    public static CompletionStage<InProcessClient> connect(ConnectionAcceptor acceptor, InProcessClientOptions options,
            TaskExecutor connectionThread, Executor callbackThread, Runnable onClosed) {
        ClientProtocol protocol = new ClientProtocol(connectionThread, callbackThread, options, onClosed);
        InProcessClient client = new InProcessClient(options.clientId(), connectionThread, protocol);
        connectionThread.execute(() -> protocol.connect(acceptor));
        return protocol.connected().thenApply(connected -> client);
    }

    public String clientId() {
        return clientId;
    }

    /** Completes at the broker's acknowledgement: QoS 0 when handed over, 1 at PUBACK, 2 at PUBCOMP. */
    public CompletionStage<Void> publish(String topic, byte[] payload, int qos, boolean retain) {
        return publish(new InProcessMessage(topic, payload, qos, retain));
    }

    public CompletionStage<Void> publish(String topic, byte[] payload, int qos, boolean retain,
            List<UserProperty> userProperties) {
        return publish(new InProcessMessage(topic, payload, qos, retain, userProperties));
    }

    public CompletionStage<Void> publish(InProcessMessage message) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        onConnectionThread(() -> protocol.publish(message, done), done);
        return done;
    }

    /**
     * Subscribes; each matching message is given to {@code callback} on the callback thread. The
     * stage completes with the granted QoS at SUBACK; subscribing to the same filter again
     * replaces the callback.
     */
    public CompletionStage<Integer> subscribe(String filter, int qos, Consumer<InProcessMessage> callback) {
        if (TopicFilter.parseOrNull(filter) == null) {
            throw new IllegalArgumentException("not a valid topic filter: " + filter);
        }
        Qos.of(qos);
        if (callback == null) {
            throw new IllegalArgumentException("callback must not be null");
        }
        CompletableFuture<Integer> done = new CompletableFuture<>();
        onConnectionThread(() -> protocol.subscribe(filter, qos, callback, done), done);
        return done;
    }

    public CompletionStage<Void> unsubscribe(String filter) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        onConnectionThread(() -> protocol.unsubscribe(filter, done), done);
        return done;
    }

    /** Completes when the connection has ended, whoever ended it. */
    public CompletionStage<Void> closed() {
        return protocol.closed();
    }

    /**
     * Disconnects normally, which ends the session, and waits up to ten seconds for the connection
     * to end (not when called on the connection thread, which must carry the disconnect out).
     */
    @Override
    public void close() {
        CompletableFuture<Void> closed = protocol.closed();
        if (closed.isDone()) {
            return;
        }
        try {
            connectionThread.execute(protocol::disconnect);
        } catch (RejectedExecutionException e) {
            return;
        }
        if (connectionThread.inExecutorThread()) {
            return;
        }
        try {
            closed.get(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("{}: in-process client did not close cleanly: {}", clientId, e.toString());
        }
    }

    private void onConnectionThread(Runnable task, CompletableFuture<?> done) {
        try {
            connectionThread.execute(task);
        } catch (RejectedExecutionException e) {
            done.completeExceptionally(new IllegalStateException("in-process client " + clientId + " is closed", e));
        }
    }
}
