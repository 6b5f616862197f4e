package dev.tern.e2e.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A well-behaved client beside the attack (the HiveMQ client): it publishes at QoS 1 to a topic of
 * its own and waits for the message to come back through its subscription, again and again, and
 * records how long each round trip took and which never completed. A liveness check, not a
 * performance one: the bound the tests assert is generous, and {@link #assertServed} asserts none.
 *
 * <p>Threading: one thread of its own runs the round trips; {@link #lastBegun} and {@link
 * #lastCompleted} may be read from any thread at any time; {@link #close} stops it, after which
 * {@link #assertServedWithin} and {@link #assertServed} read the results on the test's thread.
 */
final class Bystander implements AutoCloseable {

    /** Past this a round trip counts as not served at all. */
    private static final Duration GIVE_UP = Duration.ofSeconds(10);
    private static final long PAUSE_MILLIS = 200;

    private final Mqtt3AsyncClient client;
    private final String topic;
    private final BlockingQueue<String> arrived = new LinkedBlockingQueue<>();
    private final List<Duration> roundTrips = new CopyOnWriteArrayList<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;
    /** The number of the round trip begun last, and of the one completed last; -1 before the first. */
    private volatile long begun = -1;
    private volatile long done = -1;

    private Bystander(Mqtt3AsyncClient client, String topic) {
        this.client = client;
        this.topic = topic;
        this.thread = new Thread(this::run, "bystander");
        thread.setDaemon(true);
    }

    /** Connects, subscribes and starts the round trips. */
    static Bystander start(int port) throws Exception {
        String id = "bystander-" + System.nanoTime();
        Mqtt3AsyncClient client = MqttClient.builder().useMqttVersion3().identifier(id)
                .serverHost("127.0.0.1").serverPort(port).buildAsync();
        client.connect().get(30, TimeUnit.SECONDS);
        Bystander bystander = new Bystander(client, "bystander/" + id);
        client.subscribeWith().topicFilter(bystander.topic).qos(MqttQos.AT_LEAST_ONCE)
                .callback(publish -> bystander.arrived.add(new String(publish.getPayloadAsBytes(), StandardCharsets.UTF_8)))
                .send().get(30, TimeUnit.SECONDS);
        bystander.thread.start();
        return bystander;
    }

    private void run() {
        for (long n = 0; running; n++) {
            String payload = Long.toString(n);
            begun = n;
            long start = System.nanoTime();
            try {
                client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE)
                        .payload(payload.getBytes(StandardCharsets.UTF_8)).send()
                        .get(GIVE_UP.toMillis(), TimeUnit.MILLISECONDS);
                String got;
                do {
                    got = arrived.poll(GIVE_UP.toMillis(), TimeUnit.MILLISECONDS);
                } while (got != null && !got.equals(payload));
                if (got == null) {
                    failures.add("message " + n + " did not come back within " + GIVE_UP);
                } else {
                    roundTrips.add(Duration.ofNanos(System.nanoTime() - start));
                    done = n;
                }
                Thread.sleep(PAUSE_MILLIS);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                failures.add("message " + n + ": " + e);
            }
        }
    }

    /** The number of the round trip begun last (they are numbered from 0, one at a time), or -1. */
    long lastBegun() {
        return begun;
    }

    /** The number of the round trip completed last, or -1. */
    long lastCompleted() {
        return done;
    }

    /**
     * Served throughout: at least {@code minimum} round trips, none failed, none slower than
     * {@code bound}. An attack that ended sooner than {@code minimum} round trips take is waited
     * out here (each round trip still bounded), so a fast machine does not fail the count.
     */
    void assertServedWithin(Duration bound, int minimum) throws InterruptedException {
        assertServed(minimum);
        Duration slowest = roundTrips.stream().max(Duration::compareTo).orElseThrow();
        assertThat(slowest).as("slowest of %d round trips", roundTrips.size()).isLessThanOrEqualTo(bound);
    }

    /**
     * At least {@code minimum} round trips and none failed, however long each took short of
     * giving up: for a test that judges liveness by progress instead (see {@link OverloadWatch}).
     */
    void assertServed(int minimum) throws InterruptedException {
        long deadline = System.nanoTime() + GIVE_UP.toNanos() * minimum;
        while (running && roundTrips.size() + failures.size() < minimum && System.nanoTime() < deadline) {
            Thread.sleep(PAUSE_MILLIS);
        }
        assertThat(failures).as("round trips that failed").isEmpty();
        assertThat(roundTrips).as("round trips completed").hasSizeGreaterThanOrEqualTo(minimum);
    }

    @Override
    public void close() throws Exception {
        running = false;
        thread.join(GIVE_UP.toMillis() * 2 + 1000);
        client.disconnect().get(10, TimeUnit.SECONDS);
    }
}
