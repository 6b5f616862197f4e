package dev.tern.adapters.storage.redis;

import dev.tern.application.logging.LogThrottle;
import dev.tern.application.port.cluster.ClusterSignal;
import dev.tern.application.port.cluster.ForwardReceiver;
import dev.tern.application.port.cluster.ForwardedMessage;
import dev.tern.application.port.cluster.MessageForwarding;
import dev.tern.domain.message.ApplicationMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.LongAdder;
import org.redisson.api.RBatch;
import org.redisson.api.RTopic;
import org.redisson.api.RTopicAsync;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwarding between nodes over Redis ({@link RoutingKeys}):
 * <ul>
 * <li>at most once ({@link #sendAtMostOnce}, {@link #signal}): a publish on the destination's
 *     channel {@code P cluster:node:{N}}, sharded pub/sub ({@code SPUBLISH}) in a Redis Cluster so
 *     that a message goes only to the shard holding the channel, plain pub/sub otherwise;</li>
 * <li>retained changes ({@link #broadcastRetained}): a publish on {@code P cluster:retained},
 *     which every node hears (its own skipped);</li>
 * <li>durably ({@link #sendDurably}): an entry in the destination's {@link Inbox} stream, added by
 *     a script that refuses it when the inbox holds {@code bound} unsettled entries (the send
 *     fails and {@link #refusedCount()} counts it), read by the destination's
 *     {@link InboxReader}, deleted once settled. When replicas are asked for
 *     ({@code storage.redis.wait-replicas}) a send completes only once they confirmed the entry
 *     ({@code WAIT} after the appends), as the store writes do, so that a failover cannot lose a
 *     message whose publisher was told it is safe.</li>
 * </ul>
 * Everything sent to one node goes through one {@link OrderedSender}, so it arrives in the order
 * it was sent; retained changes through another. The receiver hears {@code resync()} whenever
 * Redisson re-establishes the pub/sub connection of one of its channels (what was published
 * meanwhile is lost; durable messages are not).
 *
 * <p>Threading: thread-safe. {@link #sendAtMostOnce}, {@link #sendDurably},
 * {@link #broadcastRetained} and {@link #signal} never block; {@link #receive} blocks until
 * subscribed and starts the thread {@code threads} makes (name it {@code tern-cluster-receive},
 * daemon), on which durable messages are handed over one at a time in inbox order; at-most-once
 * messages, signals and retained changes come on Redisson's pub/sub threads, in order per channel.
 * {@link #drainDeparted} blocks until the departed node's messages are settled (at most
 * {@link #DRAIN_SETTLE_WAIT} per round).
 */
final class RedisForwarding implements MessageForwarding, AutoCloseable {

    /** The default bound on a node's unsettled durable messages ({@code bound} argument). */
    static final long DEFAULT_BOUND = 1_000_000;
    static final Duration DRAIN_SETTLE_WAIT = Duration.ofSeconds(30);
    /**
     * A message handed over and not settled for this long is handed over again: long enough that a
     * healthy node has settled it (a storage commit takes milliseconds), so that it rarely
     * duplicates; short enough that a lost one is not delayed much.
     */
    static final Duration DEFAULT_RECLAIM_AFTER = Duration.ofSeconds(30);
    private static final int SETTLE_FLUSH_SECONDS = 3;
    private static final Duration SETTLE_FLUSH_WAIT = Duration.ofSeconds(SETTLE_FLUSH_SECONDS);

    private static final Logger LOG = LoggerFactory.getLogger(RedisForwarding.class);

    private final RedissonClient redisson;
    private final RoutingKeys keys;
    private final String nodeId;
    private final Clock clock;
    private final long bound;
    private final boolean shardedChannels;
    private final ThreadFactory threads;
    private final Duration reclaimAfter;
    private final ReplicaWait replicaWait;
    private final Map<String, Destination> destinations = new ConcurrentHashMap<>();
    private final OrderedSender retainedSender;
    private final LongAdder refused = new LongAdder();
    private final LogThrottle lostSends;
    private final List<RTopic> subscribed = new ArrayList<>();
    private InboxReader reader;
    private Thread readerThread;

    /**
     * @param redisson        the client of the storage, shared
     * @param keys            the layout under the storage's key prefix
     * @param nodeId          this node
     * @param clock           for message expiry (carried as time left) and log throttling
     * @param bound           the most unsettled durable messages one node's inbox may hold
     * @param shardedChannels whether to use sharded pub/sub for the node channels (Redis Cluster)
     * @param threads         makes the inbox reading thread
     * @param replicaWait     the replicas that must confirm a durable send before it completes
     */
    RedisForwarding(RedissonClient redisson, RoutingKeys keys, String nodeId, Clock clock, long bound,
                    boolean shardedChannels, ThreadFactory threads, ReplicaWait replicaWait) {
        this(redisson, keys, nodeId, clock, bound, shardedChannels, threads, DEFAULT_RECLAIM_AFTER, replicaWait);
    }

    /** @param reclaimAfter how long a message handed over may stay unsettled before it is handed over again */
    RedisForwarding(RedissonClient redisson, RoutingKeys keys, String nodeId, Clock clock, long bound,
                    boolean shardedChannels, ThreadFactory threads, Duration reclaimAfter, ReplicaWait replicaWait) {
        if (bound < 1) {
            throw new IllegalArgumentException("the inbox bound must be positive: " + bound);
        }
        this.redisson = redisson;
        this.keys = keys;
        this.nodeId = nodeId;
        this.clock = clock;
        this.bound = bound;
        this.shardedChannels = shardedChannels;
        this.threads = threads;
        this.reclaimAfter = reclaimAfter;
        this.replicaWait = replicaWait;
        this.retainedSender = new OrderedSender(redisson);
        this.lostSends = new LogThrottle(clock, Duration.ofMinutes(1));
    }

    /** The thread factory for {@code threads}: one daemon thread named {@code tern-cluster-receive}. */
    static ThreadFactory receiveThreads() {
        return runnable -> {
            Thread thread = new Thread(runnable, "tern-cluster-receive");
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void sendAtMostOnce(String node, ForwardedMessage message) {
        publishTo(node, ForwardFormat.messageFrame(message, clock));
    }

    @Override
    public void signal(String node, ClusterSignal signal) {
        publishTo(node, ForwardFormat.signalFrame(signal));
    }

    private void publishTo(String node, byte[] frame) {
        Destination destination = destination(node);
        destination.sender().send(batch -> nodeChannel(batch, destination.channel()).publishAsync(frame))
                .whenComplete((receivers, failure) -> logLost(failure, destination.channel()));
    }

    @Override
    public CompletionStage<Void> sendDurably(String node, ForwardedMessage message) {
        byte[] entry = ForwardFormat.forwarded(message, clock);
        return destination(node).appends().submit(entry).thenApply(appended -> {
            if (!(appended instanceof Number number && number.longValue() == 1)) {
                refused.increment();
                throw new InboxFullException(node, bound);
            }
            return null;
        });
    }

    @Override
    public void broadcastRetained(ApplicationMessage message) {
        byte[] frame = ForwardFormat.retainedFrame(nodeId, message, clock);
        String channel = keys.retainedChannel();
        retainedSender.send(batch -> batch.getTopic(channel, Codecs.BYTES).publishAsync(frame))
                .whenComplete((receivers, failure) -> logLost(failure, channel));
    }

    /** Durable sends refused because the destination's inbox was full, since this object was made. */
    long refusedCount() {
        return refused.sum();
    }

    @Override
    public synchronized void receive(ForwardReceiver receiver) {
        if (reader != null) {
            throw new IllegalStateException("already receiving");
        }
        RTopic own = shardedChannels ? redisson.getShardedTopic(keys.nodeChannel(nodeId), Codecs.BYTES)
                : redisson.getTopic(keys.nodeChannel(nodeId), Codecs.BYTES);
        RTopic retained = redisson.getTopic(keys.retainedChannel(), Codecs.BYTES);
        FrameDispatch dispatch = new FrameDispatch(nodeId, receiver, clock);
        for (RTopic topic : List.of(own, retained)) {
            topic.addListener(new ResubscribeListener(receiver::resync));
            topic.addListener(byte[].class, (channel, frame) -> dispatch.accept(channel.toString(), frame));
            subscribed.add(topic);
        }
        reader = new InboxReader(new Inbox(redisson, keys.inbox(nodeId)), nodeId, receiver, clock, reclaimAfter);
        readerThread = threads.newThread(reader);
        readerThread.start();
    }

    @Override
    public void drainDeparted(String departed, ForwardReceiver receiver) {
        new InboxDrain(new Inbox(redisson, keys.inbox(departed)), receiver, clock, DRAIN_SETTLE_WAIT).run();
        destinations.remove(departed);
    }

    /**
     * Stops receiving: the channels are unsubscribed, the settles already asked for are given up
     * to {@value #SETTLE_FLUSH_SECONDS} s to reach Redis, the reading thread ends. Sending still works.
     */
    @Override
    public synchronized void close() {
        subscribed.forEach(RTopic::removeAllListeners);
        subscribed.clear();
        if (reader != null) {
            reader.stop();
            reader.awaitSettles(SETTLE_FLUSH_WAIT);
            try {
                readerThread.join(InboxReader.BLOCK.multipliedBy(3).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            reader = null;
            readerThread = null;
        }
    }

    /**
     * What this node sends to {@code node} through: made once per destination, not per message.
     * Durable entries are grouped ({@code appends}): one append script for those sent while the
     * previous group was in flight, through the same ordered sender as the channel, confirmed by
     * the replicas asked for.
     */
    private record Destination(OrderedSender sender, Coalescer<byte[], Object> appends, String channel) {
    }

    private Destination destination(String node) {
        return destinations.computeIfAbsent(node, n -> {
            OrderedSender sender = new OrderedSender(redisson, replicaWait);
            Inbox inbox = new Inbox(redisson, keys.inbox(n));
            Coalescer<byte[], Object> appends = new Coalescer<>(
                    entries -> sender.sendReplicated(batch -> inbox.append(batch, bound, entries))
                            .thenApply(RedisForwarding::replies),
                    OrderedSender.MAX_BATCH, OrderedSender.MAX_WAITING);
            return new Destination(sender, appends, keys.nodeChannel(n));
        });
    }

    @SuppressWarnings("unchecked")
    private static List<Object> replies(Object reply) {
        return (List<Object>) reply;
    }

    private RTopicAsync nodeChannel(RBatch batch, String channel) {
        return shardedChannels ? batch.getShardedTopic(channel, Codecs.BYTES) : batch.getTopic(channel, Codecs.BYTES);
    }

    private void logLost(Throwable failure, String channel) {
        if (failure == null) {
            return;
        }
        LogThrottle.Admitted admitted = lostSends.admit();
        if (admitted != null) {
            LOG.warn("A publish on {} failed and is lost ({} more since {}): {}", channel, admitted.count(),
                    admitted.since(), failure.toString());
        }
    }
}
