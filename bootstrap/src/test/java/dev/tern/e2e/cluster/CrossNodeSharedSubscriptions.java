package dev.tern.e2e.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** 4.8.2: a shared subscription's group spans nodes; each message goes to exactly one member cluster-wide. */
abstract class CrossNodeSharedSubscriptions extends ThreeNodeCluster {

    private static final int MESSAGES = 60;

    @Test
    void eachMessageGoesToExactlyOneMemberOfAGroupSpreadOverNodes() throws Exception {
        Mqtt5AsyncClient onA = Hive.connected(port(A), "s-span-a");
        Mqtt5AsyncClient onB = Hive.connected(port(B), "s-span-b");
        Mqtt5AsyncClient publisher = Hive.connected(port(C), "s-span-pub");
        try {
            Inbox a = new Inbox().subscribe(onA, "$share/span/s/span", MqttQos.AT_LEAST_ONCE);
            Inbox b = new Inbox().subscribe(onB, "$share/span/s/span", MqttQos.AT_LEAST_ONCE);
            awaitBothRouted(publisher, "s/span", a, b);

            List<String> sent = publish(publisher, "s/span");

            List<String> received = new ArrayList<>(a.textsUntilQuiet(Duration.ofSeconds(2)));
            List<String> toB = b.textsUntilQuiet(Duration.ofMillis(500));
            received.addAll(toB);
            assertThat(received).as("every message once, in the group as a whole").containsExactlyInAnyOrderElementsOf(sent);
            assertThat(toB).as("the member on the other node gets a share").isNotEmpty();
            assertThat(received.size() - toB.size()).as("so does the member on node A").isPositive();
        } finally {
            Hive.disconnect(publisher);
            Hive.disconnect(onA);
            Hive.disconnect(onB);
        }
    }

    @Test
    void aGroupWhoseMembersAreAllOnOtherNodesStillReceives() throws Exception {
        Mqtt5AsyncClient member1 = Hive.connected(port(B), "s-far-1");
        Mqtt5AsyncClient member2 = Hive.connected(port(B), "s-far-2");
        Mqtt5AsyncClient publisher = Hive.connected(port(A), "s-far-pub");
        try {
            Inbox first = new Inbox().subscribe(member1, "$share/far/s/far", MqttQos.AT_LEAST_ONCE);
            Inbox second = new Inbox().subscribe(member2, "$share/far/s/far", MqttQos.AT_LEAST_ONCE);
            awaitBothRouted(publisher, "s/far", first, second);

            List<String> sent = publish(publisher, "s/far");

            List<String> received = new ArrayList<>(first.textsUntilQuiet(Duration.ofSeconds(2)));
            received.addAll(second.textsUntilQuiet(Duration.ofMillis(500)));
            assertThat(received).containsExactlyInAnyOrderElementsOf(sent);
        } finally {
            Hive.disconnect(publisher);
            Hive.disconnect(member1);
            Hive.disconnect(member2);
        }
    }

    /** Probes until each member got one: both memberships are known on the publisher's node. */
    private static void awaitBothRouted(Mqtt5AsyncClient publisher, String topic, Inbox first, Inbox second)
            throws InterruptedException {
        boolean firstSeen = false;
        boolean secondSeen = false;
        for (int n = 0; n < 100 && !(firstSeen && secondSeen); n++) {
            Hive.publish(publisher, topic, "probe:" + n, MqttQos.AT_MOST_ONCE);
            Thread.sleep(100);
            firstSeen |= first.probed();
            secondSeen |= second.probed();
        }
        assertThat(firstSeen && secondSeen).as("both members routed from the publisher's node").isTrue();
        Thread.sleep(300);
        first.probed();
        second.probed();
    }

    private static List<String> publish(Mqtt5AsyncClient publisher, String topic) {
        List<String> sent = IntStream.range(0, MESSAGES).mapToObj(i -> topic + "-" + i).toList();
        sent.forEach(text -> publisher.publishWith().topic(topic).payload(text.getBytes(StandardCharsets.UTF_8))
                .qos(MqttQos.AT_LEAST_ONCE).send().orTimeout(Hive.TIMEOUT_SECONDS, TimeUnit.SECONDS).join());
        return sent;
    }
}
