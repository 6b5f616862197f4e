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
 * @param qos                  of both the PUBLISHes and the subscriptions: 0, 1 or 2
 * @param perPublisher         messages each publisher sends
 * @param payload              bytes per message, at least the 16 of the payload header
 * @param window               QoS 1 and 2: unfinished flows per publisher
 * @param outstanding          QoS 0: messages a publisher may be ahead of the receivers
 * @param ratePerSecond        fixed offered rate per publisher, or 0 for as fast as paced
 * @param latencyFrom          first sequence number whose latency counts (warm-up excluded)
 */
record FlowShape(int publishers, int subscribers, IntFunction<String> filter, IntFunction<String> topic,
                 int qos, int perPublisher, int payload, int window, int outstanding, long ratePerSecond, int latencyFrom) {

    FlowShape {
        if (publishers < 1 || subscribers < 1 || perPublisher < 1 || window < 1 || outstanding < 1) {
            throw new IllegalArgumentException("publishers, subscribers, messages, window and outstanding must be positive");
        }
        if (qos < 0 || qos > 2) {
            throw new IllegalArgumentException("QoS is 0, 1 or 2, not " + qos);
        }
        if (payload < PublishTemplate.MIN_PAYLOAD) {
            throw new IllegalArgumentException("payload must hold at least " + PublishTemplate.MIN_PAYLOAD + " bytes");
        }
    }

    long published() {
        return (long) publishers * perPublisher;
    }

    long expectedDeliveries() {
        return published() * subscribers;
    }
}
