package dev.tern.benchmarks.load;

import io.netty.buffer.ByteBuf;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Waits, before a flow is measured, until a message published where the publishers are reaches
 * every subscriber. On one broker the subscriptions hold from SUBACK on; in a cluster a
 * subscription on node B reaches node A's route table a moment later (a Redis round trip and a
 * notification), and a message published on A before that is, rightly, delivered to nobody. So a
 * connection on the publishers' node sends probes, at the flow's QoS (QoS 2 flows probe at 1, so
 * that no probe waits for a PUBREL) and to publisher 0's topic,
 * every {@link #EVERY_MILLIS} until every {@link Receiver} saw one. A probe carries
 * {@link #PUBLISHER} as its publisher index, so receivers keep it out of their ledgers; probes
 * still on their way when the flow starts are ignored the same way.
 *
 * <p>Threading: {@link #await} runs on the run's thread; the probe connection's acknowledgements
 * arrive on its event loop and are ignored.
 */
final class RouteProbe {

    /** The publisher index of a probe: no publisher of a flow has it. */
    static final int PUBLISHER = -1;
    static final long EVERY_MILLIS = 100;
    private static final int PACKET_IDS = 65_535;
    private static final long LIMIT_SECONDS = 30;

    private RouteProbe() {
    }

    /**
     * Publishes probes to {@code topic} from a connection to the publishers' node until all
     * {@code receivers} saw one; fails after {@link #LIMIT_SECONDS} or at the run's deadline.
     *
     * @return milliseconds until the last receiver was reached
     */
    static long await(LoadRun run, String topic, int qos, List<Receiver> receivers) throws Exception {
        long start = System.nanoTime();
        long deadline = Math.min(run.deadlineNanos, start + TimeUnit.SECONDS.toNanos(LIMIT_SECONDS));
        PublishTemplate probe = MqttFrames.publish(run.protocol, topic, Math.min(qos, 1), PublishTemplate.MIN_PAYLOAD);
        LoadClient client = run.connectAll(1, "probe", true, i -> Traffic.IDLE).get(0);
        try {
            for (int n = 0; !receivers.stream().allMatch(Receiver::probed); n++) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no route from port " + run.options.port() + " to the subscribers on port "
                            + run.options.subscriberPort() + " after " + (System.nanoTime() - start) / 1_000_000 + " ms");
                }
                int sequence = n;
                Connector.onLoop(client, () -> {
                    ByteBuf buffer = client.channel().alloc().directBuffer(probe.bytes().length);
                    probe.writeTo(buffer, sequence % PACKET_IDS + 1, PUBLISHER, sequence, System.nanoTime());
                    return client.channel().writeAndFlush(buffer);
                });
                long next = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(EVERY_MILLIS);
                while (System.nanoTime() < next && !receivers.stream().allMatch(Receiver::probed)) {
                    Thread.sleep(1);
                }
            }
            return (System.nanoTime() - start) / 1_000_000;
        } finally {
            run.disconnectAll(List.of(client));
        }
    }
}
