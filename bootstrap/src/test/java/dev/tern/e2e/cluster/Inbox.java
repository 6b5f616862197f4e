package dev.tern.e2e.cluster;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * What one subscriber received, with the route probes set apart. A subscription on one node
 * reaches the other nodes' route tables a moment later (a Redis round trip and a notification), so
 * a test first publishes {@code probe:} messages from the publisher's node until one arrives
 * ({@link #awaitRoute}); the messages it asserts on never start with {@code probe:}.
 *
 * <p>Threading: the client's callback thread adds, the test's thread reads.
 */
final class Inbox implements Consumer<Mqtt5Publish> {

    private static final String PROBE = "probe:";
    private final BlockingQueue<Mqtt5Publish> messages = new LinkedBlockingQueue<>();
    private final BlockingQueue<Mqtt5Publish> probes = new LinkedBlockingQueue<>();

    @Override
    public void accept(Mqtt5Publish publish) {
        (Hive.text(publish).startsWith(PROBE) ? probes : messages).add(publish);
    }

    /** Subscribes {@code client} to {@code filter} into this inbox. */
    Inbox subscribe(Mqtt5AsyncClient client, String filter, MqttQos qos) {
        client.subscribeWith().topicFilter(filter).qos(qos).callback(this).send()
                .orTimeout(Hive.TIMEOUT_SECONDS, TimeUnit.SECONDS).join();
        return this;
    }

    /**
     * Publishes QoS 0 probes to {@code topic} through {@code publisher} until this inbox receives one:
     * from then on the publisher's node routes {@code topic} to this subscriber's node.
     */
    void awaitRoute(Mqtt5AsyncClient publisher, String topic) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Hive.TIMEOUT_SECONDS);
        for (int n = 0; System.nanoTime() < deadline; n++) {
            publisher.publishWith().topic(topic).payload((PROBE + n).getBytes(StandardCharsets.UTF_8))
                    .qos(MqttQos.AT_MOST_ONCE).send();
            if (probes.poll(200, TimeUnit.MILLISECONDS) != null) {
                return;
            }
        }
        throw new AssertionError("no route to the subscriber of " + topic + " after " + Hive.TIMEOUT_SECONDS + " s");
    }

    /** Whether a probe arrived since the last call (for groups, where one probe reaches one member). */
    boolean probed() {
        return probes.poll() != null;
    }

    /** The next message that is not a probe, or null after the timeout. */
    Mqtt5Publish next() throws InterruptedException {
        return messages.poll(Hive.TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /** The next message that is not a probe within {@code timeout}, or null. */
    Mqtt5Publish nextWithin(Duration timeout) throws InterruptedException {
        return messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The payloads of the messages arriving until none came for {@code quiet}. */
    List<String> textsUntilQuiet(Duration quiet) throws InterruptedException {
        List<String> texts = new ArrayList<>();
        Mqtt5Publish publish;
        while ((publish = messages.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
            texts.add(Hive.text(publish));
        }
        return texts;
    }

    /** Waits until {@code count} messages arrived (or the timeout passed) and returns their payloads. */
    List<String> texts(int count) throws InterruptedException {
        List<String> texts = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Hive.TIMEOUT_SECONDS * 3);
        while (texts.size() < count && System.nanoTime() < deadline) {
            Mqtt5Publish publish = messages.poll(100, TimeUnit.MILLISECONDS);
            if (publish != null) {
                texts.add(Hive.text(publish));
            }
        }
        return texts;
    }
}
