package dev.tern.e2e.v5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.e2e.raw.Client5Packets;
import dev.tern.e2e.raw.Connect5Packet;
import dev.tern.e2e.raw.PropertiesWriter;
import dev.tern.e2e.raw.RawMqttClient;
import dev.tern.e2e.raw.Received5;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("4.8.2 Shared Subscriptions (MQTT 5)")
class SharedSubscriptionV5Test {

    private static final int MESSAGES = 9;

    /** Three members of one group, each subscribed; returns what each received for MESSAGES publishes. */
    private static List<List<String>> distribute(String... settings) throws Exception {
        try (V5Broker broker = V5Broker.start(List.of(), settings);
                RawMqttClient a = RawSteps.connected(broker.port(), "sh-a");
                RawMqttClient b = RawSteps.connected(broker.port(), "sh-b");
                RawMqttClient c = RawSteps.connected(broker.port(), "sh-c");
                RawMqttClient publisher = RawSteps.connected(broker.port(), "sh-pub")) {
            for (RawMqttClient member : List.of(a, b, c)) {
                RawSteps.subscribe(member, 1, "$share/g/sh/t", 1);
            }
            for (int i = 0; i < MESSAGES; i++) {
                RawSteps.publishQos1(publisher, i + 1, "sh/t", "m" + i);
            }
            List<List<String>> received = new ArrayList<>();
            for (RawMqttClient member : List.of(a, b, c)) {
                received.add(RawSteps.receiveUntilQuiet(member, Duration.ofMillis(400)).stream()
                        .map(Received5.Publish5::text).toList());
            }
            return received;
        }
    }

    private static void assertEachMessageOnce(List<List<String>> received) {
        List<String> all = received.stream().flatMap(List::stream).toList();
        assertThat(all).hasSize(MESSAGES);
        assertThat(new HashSet<>(all)).hasSize(MESSAGES);
    }

    /** 4.8.2: each message goes to one member; round robin spreads them evenly. */
    @Test
    void roundRobinGivesEachMessageToExactlyOneMemberInTurn() throws Exception {
        List<List<String>> received = distribute("mqtt.shared-subscription-strategy=round-robin");
        assertEachMessageOnce(received);
        assertThat(received).allSatisfy(member -> assertThat(member).hasSize(MESSAGES / 3));
    }

    @Test
    void randomGivesEachMessageToExactlyOneMember() throws Exception {
        assertEachMessageOnce(distribute("mqtt.shared-subscription-strategy=random"));
    }

    @Test
    void stickyGivesEveryMessageToOneMemberWhileItStays() throws Exception {
        List<List<String>> received = distribute("mqtt.shared-subscription-strategy=sticky");
        assertEachMessageOnce(received);
        assertThat(received).filteredOn(member -> !member.isEmpty()).hasSize(1);
    }

    /** 4.8.2: messages held for a member whose session ends go to the rest of the group. */
    @Test
    void handsMessagesQueuedForAnEndedMemberToTheOthers() throws Exception {
        try (V5Broker broker = V5Broker.start(List.of())) {
            RawMqttClient leaving = Received5.connected(broker.port(),
                    Connect5Packet.v5("sh-leaving").sessionExpiry(1));
            RawSteps.subscribe(leaving, 1, "$share/h/ho/t", 1);
            RawSteps.disconnect(leaving);
            try (RawMqttClient publisher = RawSteps.connected(broker.port(), "sh-ho-pub")) {
                for (int i = 0; i < 3; i++) {
                    RawSteps.publishQos1(publisher, i + 1, "ho/t", "held" + i);
                }
            }
            try (RawMqttClient staying = RawSteps.connected(broker.port(), "sh-staying")) {
                RawSteps.subscribe(staying, 1, "$share/h/ho/t", 1);
                Set<String> received = new HashSet<>();
                long deadline = System.nanoTime() + Duration.ofSeconds(4).toNanos();
                while (received.size() < 3 && System.nanoTime() < deadline) {
                    if (!staying.receivesNothingWithin(Duration.ofMillis(200))) {
                        received.add(RawSteps.receive(staying).text());
                    }
                }
                assertThat(received).containsExactlyInAnyOrder("held0", "held1", "held2");
            }
        }
    }

    /** 4.8.2: retained messages are not sent when a shared subscription is made. */
    @Test
    void sendsNoRetainedMessagesOnASharedSubscription() throws Exception {
        try (V5Broker broker = V5Broker.start(List.of());
                RawMqttClient publisher = RawSteps.connected(broker.port(), "sh-ret-pub");
                RawMqttClient member = RawSteps.connected(broker.port(), "sh-ret")) {
            RawSteps.publishQos1(publisher, 1, "shr/t", "kept".getBytes(), true, PropertiesWriter.properties());
            RawSteps.subscribe(member, 1, "$share/g/shr/t", 1);
            assertThat(member.receivesNothingWithin(Duration.ofMillis(500))).isTrue();
        }
    }

    /** 4.8.2: an unacknowledged message of a member whose session ends with its connection goes to another member. */
    @Test
    void redeliversAnUnacknowledgedMessageOfAMemberThatLeavesToAnother() throws Exception {
        try (V5Broker broker = V5Broker.start(List.of(), "mqtt.shared-subscription-strategy=sticky");
                RawMqttClient staying = RawSteps.connected(broker.port(), "sh-un-staying");
                RawMqttClient publisher = RawSteps.connected(broker.port(), "sh-un-pub")) {
            RawMqttClient leaving = RawSteps.connected(broker.port(), "sh-un-leaving");
            RawSteps.subscribe(leaving, 1, "$share/u/un/t", 1);
            RawSteps.publishQos1(publisher, 1, "un/t", "unacked");
            assertThat(Received5.publish(leaving.readPacket()).text()).isEqualTo("unacked");
            RawSteps.subscribe(staying, 1, "$share/u/un/t", 1);
            leaving.close();

            assertThat(Received5.publish(staying.readPacket(Duration.ofSeconds(3))).text()).isEqualTo("unacked");
        }
    }

    /** 4.8.2: sticky moves to another member once the chosen one leaves. */
    @Test
    void stickyMovesToAnotherMemberWhenTheChosenOneLeaves() throws Exception {
        try (V5Broker broker = V5Broker.start(List.of(), "mqtt.shared-subscription-strategy=sticky");
                RawMqttClient a = RawSteps.connected(broker.port(), "st-a");
                RawMqttClient b = RawSteps.connected(broker.port(), "st-b");
                RawMqttClient publisher = RawSteps.connected(broker.port(), "st-pub")) {
            RawSteps.subscribe(a, 1, "$share/s/st/t", 1);
            RawSteps.subscribe(b, 1, "$share/s/st/t", 1);
            RawSteps.publishQos1(publisher, 1, "st/t", "first");
            boolean aChosen = !a.receivesNothingWithin(Duration.ofMillis(500));
            RawMqttClient chosen = aChosen ? a : b;
            RawMqttClient other = aChosen ? b : a;
            assertThat(RawSteps.receive(chosen).text()).isEqualTo("first");
            RawSteps.disconnect(chosen);

            // The socket closes before the broker has taken the member out of its group: a message
            // published in that moment may still be routed to the leaving session, as 4.8.2 allows.
            // Publish until one arrives; within a few tries every message must go to the other member.
            boolean moved = false;
            for (int packetId = 2; packetId < 12 && !moved; packetId++) {
                RawSteps.publishQos1(publisher, packetId, "st/t", "second");
                moved = !other.receivesNothingWithin(Duration.ofMillis(500));
            }
            assertThat(moved).as("a message reached the remaining member").isTrue();
            assertThat(RawSteps.receive(other).text()).isEqualTo("second");
        }
    }

    /** 4.8.2 with 3.8.2.1.2: a shared subscription's identifier comes with its messages. */
    @Test
    void deliversTheSubscriptionIdentifierOfASharedSubscription() throws Exception {
        try (V5Broker broker = V5Broker.start(List.of());
                RawMqttClient member = RawSteps.connected(broker.port(), "sh-sid");
                RawMqttClient publisher = RawSteps.connected(broker.port(), "sh-sid-pub")) {
            RawSteps.subscribe(member, 1, "$share/g/shsid/t", 1, PropertiesWriter.properties().varInt(0x0B, 42));
            RawSteps.publishQos1(publisher, 1, "shsid/t", "x");
            assertThat(RawSteps.receive(member).properties().all(0x0B)).containsExactly(42L);
        }
    }

    /** 4.8.2: a member that unsubscribes leaves the group; the rest get every message. */
    @Test
    void stopsSendingToAMemberThatUnsubscribed() throws Exception {
        try (V5Broker broker = V5Broker.start(List.of());
                RawMqttClient leaving = RawSteps.connected(broker.port(), "sh-unsub-a");
                RawMqttClient staying = RawSteps.connected(broker.port(), "sh-unsub-b");
                RawMqttClient publisher = RawSteps.connected(broker.port(), "sh-unsub-pub")) {
            RawSteps.subscribe(leaving, 1, "$share/g/shu/t", 1);
            RawSteps.subscribe(staying, 1, "$share/g/shu/t", 1);
            leaving.send(Client5Packets.unsubscribe(2, "$share/g/shu/t"));
            assertThat(Received5.acks(leaving.readPacket()).reasonCodes()).containsExactly(0x00);

            for (int i = 0; i < 4; i++) {
                RawSteps.publishQos1(publisher, i + 1, "shu/t", "m" + i);
            }
            assertThat(RawSteps.receiveUntilQuiet(staying, Duration.ofMillis(400))).hasSize(4);
            assertThat(leaving.receivesNothingWithin(Duration.ofMillis(200))).isTrue();
        }
    }
}
