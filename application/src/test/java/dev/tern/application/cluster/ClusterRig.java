package dev.tern.application.cluster;

import dev.tern.application.cluster.memory.InMemoryCluster;
import dev.tern.application.config.LimitsSettings;
import dev.tern.application.config.MqttSettings;
import dev.tern.application.port.cluster.ClusterBackend;
import dev.tern.application.port.cluster.ClusterJoin;
import dev.tern.application.port.cluster.ClusterSignal;
import dev.tern.application.port.cluster.ForwardReceiver;
import dev.tern.application.port.cluster.ForwardedMessage;
import dev.tern.application.service.ConnectGate;
import dev.tern.application.service.SessionEndHook;
import dev.tern.application.service.SessionFactory;
import dev.tern.application.service.StoredSessionLoader;
import dev.tern.application.storage.GroupCommit;
import dev.tern.application.storage.Pause;
import dev.tern.application.storage.StorageWriter;
import dev.tern.application.storage.StoreRecorder;
import dev.tern.application.storage.memory.InMemoryInflightStore;
import dev.tern.application.storage.memory.InMemoryMessageQueueStore;
import dev.tern.application.storage.memory.InMemoryRetainedMessageStore;
import dev.tern.application.storage.memory.InMemorySessionStore;
import dev.tern.application.storage.memory.InMemoryStorageTransactions;
import dev.tern.application.storage.memory.InMemorySubscriptionStore;
import dev.tern.application.routing.SubscriptionIndex;
import dev.tern.application.testing.EngineHarness;
import dev.tern.application.testing.ManualClock;
import dev.tern.application.testing.ManualExecutor;
import dev.tern.domain.message.ApplicationMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Several cluster nodes in one JVM: each a whole engine ({@link EngineHarness}) with its cluster
 * session side, over one {@link InMemoryCluster} and one set of in-memory stores (what a shared
 * Redis is to real nodes), on one clock. Every executor is a {@link ManualExecutor}; {@link #settle}
 * runs them all until none has work, {@link #advance} moves time in small steps. A node can be
 * frozen (a pause or a crash): its executors then run nothing.
 *
 * <p>Threading: single-threaded; for use by one test thread.
 */
final class ClusterRig {

    static final Duration LEASE = Duration.ofSeconds(9);
    static final Duration HANDOVER_TIMEOUT = Duration.ofSeconds(2);

    final ManualClock clock = new ManualClock(1_000_000);
    final InMemoryCluster cluster = new InMemoryCluster(clock);
    final InMemorySessionStore sessionStore = new InMemorySessionStore();
    final InMemorySubscriptionStore subscriptionStore = new InMemorySubscriptionStore();
    final InMemoryRetainedMessageStore retainedStore = new InMemoryRetainedMessageStore();
    final InMemoryMessageQueueStore queueStore = new InMemoryMessageQueueStore();
    final InMemoryInflightStore inflightStore = new InMemoryInflightStore();
    private final List<Runs> nodes = new ArrayList<>();

    /** What the rig runs of a node: its executors, unless it is frozen. */
    interface Runs {
        List<ManualExecutor> executors();

        boolean frozen();
    }

    /** A node that has joined and run its first adoption round. */
    Node start(String id) {
        Node node = new Node(id);
        nodes.add(node);
        node.membership.start();
        settle();
        return node;
    }

    /** A node with the routing side too (forwarding, routes, retained sync), wired as a broker is. */
    FullNode startFull(String id) {
        FullNode node = new FullNode(id, this);
        nodes.add(node);
        node.start();
        settle();
        return node;
    }

    /** Runs every task of every running node, including those they queue for each other, until none is left. */
    void settle() {
        boolean ran;
        do {
            ran = false;
            for (Runs node : nodes) {
                if (!node.frozen()) {
                    for (ManualExecutor executor : node.executors()) {
                        if (executor.hasPending()) {
                            executor.runPending();
                            ran = true;
                        }
                    }
                }
            }
        } while (ran);
    }

    /** Moves the clock in steps of 100 ms, firing the timers of running nodes as they fall due. */
    void advance(long millis) {
        for (long left = millis; left > 0; left -= 100) {
            clock.advance(Math.min(100, left));
            for (Runs node : nodes) {
                if (!node.frozen()) {
                    node.executors().forEach(e -> e.advance(0));
                }
            }
            settle();
        }
    }

    /** One node: engine, cluster backend view, and its cluster session side. */
    final class Node implements Runs {
        final String id;
        final ClusterBackend backend;
        final ManualExecutor clusterThread = new ManualExecutor(clock);
        final ManualExecutor membershipThread = new ManualExecutor(clock);
        /** Commits run when the rig runs this node, after its other work: writes lag behind as they do. */
        final ManualExecutor storageThread = new ManualExecutor(clock);
        final EngineHarness broker;
        final RecordingReceiver receiver;
        final ClusterMembership membership;
        private ClusterSessions sessions;
        boolean frozen;
        /** While set, the node's commits wait: a slow store. */
        boolean writesHeld;

        Node(String id) {
            this.id = id;
            this.backend = cluster.join(new ClusterJoin(id, LEASE));
            StorageWriter writer = new StorageWriter(new InMemoryStorageTransactions(), storageThread,
                    GroupCommit.withoutLinger(100, 1000), Pause.NONE);
            StoreRecorder recorder = new StoreRecorder(writer, sessionStore, subscriptionStore, retainedStore,
                    queueStore, inflightStore, true);
            this.broker = new EngineHarness(clock, recorder, harness -> {
                StoredSessionLoader loader = new StoredSessionLoader(sessionStore, subscriptionStore, queueStore,
                        inflightStore, harness.sessions, harness.index, recorder,
                        new SessionFactory(MqttSettings.defaults(), LimitsSettings.defaults(), clock));
                // No routing side here: the relay holds no routes.
                HandoverRelay relay = new HandoverRelay(backend.forwarding(), SubscriptionIndex.Listener.NONE,
                        clusterThread, HANDOVER_TIMEOUT);
                sessions = new ClusterSessions(backend, harness.sessions, harness.subscribe, harness.wills, recorder,
                        writer, loader, clusterThread, HANDOVER_TIMEOUT, clock, relay);
                return new EngineHarness.NodeWiring() {
                    @Override
                    public ConnectGate gate() {
                        return sessions.gate();
                    }

                    @Override
                    public SessionEndHook endHook() {
                        return sessions.endHook();
                    }
                };
            });
            this.receiver = new RecordingReceiver(sessions.signals());
            backend.forwarding().receive(receiver);
            this.membership = sessions.membership(broker.sessionAttach, receiver, broker.loop, membershipThread, LEASE);
        }

        @Override
        public boolean frozen() {
            return frozen;
        }

        @Override
        public List<ManualExecutor> executors() {
            return writesHeld ? List.of(clusterThread, membershipThread, broker.loop)
                    : List.of(clusterThread, membershipThread, broker.loop, storageThread);
        }

        /** The node stops running (a pause, or with {@link #crash} a death): nothing of it runs any more. */
        void freeze() {
            frozen = true;
        }

        void thaw() {
            frozen = false;
        }

        /** Dies: stops running and receiving; its lease runs out. */
        void crash() {
            freeze();
            backend.close();
        }
    }

    /** The node's forward receiver as far as sessions need one: signals go to the node, messages are recorded and settled. */
    static final class RecordingReceiver implements ForwardReceiver, DrainTarget {
        private final ClusterSignals signals;
        final List<ForwardedMessage> messages = new ArrayList<>();
        /** The sessions each drain (a departed node's messages) was for. */
        final List<Map<String, Long>> drains = new ArrayList<>();

        RecordingReceiver(ClusterSignals signals) {
            this.signals = signals;
        }

        /** Run at each message received (a test looks at the cluster at that moment). */
        Runnable onMessage = () -> { };

        @Override
        public void message(ForwardedMessage message, Runnable settled) {
            onMessage.run();
            messages.add(message);
            settled.run();
        }

        @Override
        public void retained(ApplicationMessage message) {
        }

        @Override
        public ForwardReceiver drainingFor(Map<String, Long> held, DrainTarget.Counts counts) {
            drains.add(held);
            return this;
        }

        @Override
        public long mark() {
            return 0;
        }

        @Override
        public long sightOf(String id) {
            return -1;
        }

        /** How many of the next signals are lost on the way (they are at most once). */
        int signalsToLose;

        @Override
        public void signal(ClusterSignal signal) {
            if (signalsToLose > 0) {
                signalsToLose--;
                return;
            }
            signals.onSignal(signal);
        }

        @Override
        public void resync() {
        }
    }
}
