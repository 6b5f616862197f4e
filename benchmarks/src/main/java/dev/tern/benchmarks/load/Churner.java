package dev.tern.benchmarks.load;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;

/**
 * Subscribes and unsubscribes one filter after the other, each waiting for the broker's answer
 * (SUBACK, then UNSUBACK), until stopped: the churn of a subscription table while traffic flows.
 * Every acknowledged SUBSCRIBE or UNSUBSCRIBE counts one operation.
 *
 * <p>Threading: runs on its connection's event loop after {@link #start}; {@link #stop} may be
 * called from any thread and takes effect at the next acknowledgement.
 */
final class Churner implements Traffic {

    private static final int SUBSCRIBE_ID = 1;
    private static final int UNSUBSCRIBE_ID = 2;

    private final MqttVersion version;
    private final IntFunction<String> filter;
    private final LongAdder operations;
    private Channel channel;
    private int round;
    private volatile boolean stopped;

    /** @param filter the filter of round n, chosen so that no published topic matches it */
    Churner(MqttVersion version, IntFunction<String> filter, LongAdder operations) {
        this.version = version;
        this.filter = filter;
        this.operations = operations;
    }

    void start(LoadClient client) {
        channel = client.channel();
        channel.eventLoop().execute(this::subscribe);
    }

    void stop() {
        stopped = true;
    }

    @Override
    public void onSuback(int packetId, int worstReturnCode) {
        operations.increment();
        channel.write(Unpooled.wrappedBuffer(MqttFrames.unsubscribe(version, UNSUBSCRIBE_ID, filter.apply(round))));
    }

    @Override
    public void onUnsuback(int packetId) {
        operations.increment();
        round++;
        subscribe();
    }

    private void subscribe() {
        if (!stopped) {
            channel.writeAndFlush(Unpooled.wrappedBuffer(MqttFrames.subscribe(version, SUBSCRIBE_ID,
                    filter.apply(round), 0)));
        }
    }
}
