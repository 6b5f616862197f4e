package dev.tern.bootstrap;

import dev.tern.application.embedded.InProcessClient;
import dev.tern.application.embedded.InProcessClientOptions;
import dev.tern.application.embedded.RefusedByBrokerException;
import dev.tern.application.port.in.ConnectionAcceptor;
import dev.tern.application.port.in.admin.TopicWatches;
import dev.tern.application.port.in.admin.WatchStart;
import dev.tern.application.port.in.admin.WatchedMessage;
import dev.tern.domain.topic.TopicFilter;
import java.time.Clock;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * {@link TopicWatches} as in-process clients: each watch connects anonymously under a client id
 * {@value #CLIENT_ID_PREFIX}{@code <n>} and subscribes at QoS 2 (so a message keeps the QoS it
 * was published with), through the same authenticator, authorizer and routing as a network
 * client. A broker that refuses anonymous clients, or an ACL that does not grant the filter to
 * them, refuses the watch. Shared subscriptions are not watched: the watch would take messages
 * from the group.
 *
 * <p>Threading: thread-safe; {@link #open} blocks until SUBACK (bounded). Each watch has the
 * in-process client's two threads; the sink runs on its callback thread.
 */
final class InProcessWatches implements TopicWatches {

    static final String CLIENT_ID_PREFIX = "tern-admin-watch-";
    private static final long SUBSCRIBE_TIMEOUT_SECONDS = 10;

    private final ConnectionAcceptor acceptor;
    private final Clock clock;
    private final AtomicLong next = new AtomicLong();

    InProcessWatches(ConnectionAcceptor acceptor, Clock clock) {
        this.acceptor = acceptor;
        this.clock = clock;
    }

    @Override
    public WatchStart open(String filter, Consumer<WatchedMessage> sink) {
        TopicFilter parsed = filter == null ? null : TopicFilter.parseOrNull(filter);
        if (parsed == null) {
            return new WatchStart.Rejected("filter", "not a valid topic filter: " + filter);
        }
        if (parsed.isShared()) {
            return new WatchStart.Rejected("filter", "shared subscriptions cannot be watched: " + filter);
        }
        InProcessClient client;
        try {
            client = InProcessClients.open(acceptor, InProcessClientOptions.of(CLIENT_ID_PREFIX + next.incrementAndGet()));
        } catch (RefusedByBrokerException e) {
            return new WatchStart.Refused("the broker refused the watch's connection: " + e.getMessage());
        }
        try {
            client.subscribe(filter, 2, message -> sink.accept(new WatchedMessage(message.topic(), message.qos(),
                    message.retain(), message.payload(), clock.instant())))
                    .toCompletableFuture().get(SUBSCRIBE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | CompletionException e) {
            client.close();
            return new WatchStart.Refused("the broker refused the subscription: " + e.getCause().getMessage());
        } catch (TimeoutException e) {
            client.close();
            return new WatchStart.Refused("no SUBACK within " + SUBSCRIBE_TIMEOUT_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            client.close();
            return new WatchStart.Refused("interrupted");
        }
        return new WatchStart.Started(client::close);
    }
}
