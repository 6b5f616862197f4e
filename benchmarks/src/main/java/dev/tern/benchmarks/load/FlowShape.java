package dev.tern.benchmarks.load;

import java.util.function.IntFunction;

/**
 * The shape of a publish/subscribe flow: who publishes where, who subscribes to what, and how
 * publishing is paced.
 *
 * @param publishers           publishing connections
 * @param subscribers          subscribing connections, each receiving every message
 * @param filter               the filter of subscriber i
 * @param topic                the topic of publisher i
 * @param qos                  of both the PUBLISHes and the subscriptions
 * @param perPublisher         messages each publisher sends
 * @param window               QoS 1: unacknowledged messages per publisher
 * @param outstanding          QoS 0: messages a publisher may be ahead of the receivers
 * @param ratePerSecond        fixed offered rate per publisher, or 0 for as fast as paced
 * @param latencyFrom          first sequence number whose latency counts (warm-up excluded)
 */
record FlowShape(int publishers, int subscribers, IntFunction<String> filter, IntFunction<String> topic,
                 int qos, int perPublisher, int window, int outstanding, long ratePerSecond, int latencyFrom) {

    FlowShape {
        if (publishers < 1 || subscribers < 1 || perPublisher < 1 || window < 1 || outstanding < 1) {
            throw new IllegalArgumentException("publishers, subscribers, messages, window and outstanding must be positive");
        }
        if (qos < 0 || qos > 1) {
            throw new IllegalArgumentException("the load generator speaks QoS 0 and 1 only: " + qos);
        }
    }

    long published() {
        return (long) publishers * perPublisher;
    }

    long expectedDeliveries() {
        return published() * subscribers;
    }
}
