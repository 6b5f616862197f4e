package dev.tern.e2e.v5;

import static dev.tern.e2e.raw.Received5.awaitDisconnect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.e2e.raw.Client5Packets;
import dev.tern.e2e.raw.PropertiesWriter;
import dev.tern.e2e.raw.RawMqttClient;
import dev.tern.e2e.raw.Received5;
import dev.tern.e2e.support.BrokerExtension;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("3.8 SUBSCRIBE options, 3.9 SUBACK, 3.11 UNSUBACK (MQTT 5)")
class SubscribeOptionsV5Test {

    private static final int NO_LOCAL = 0x04;
    private static final int RETAIN_AS_PUBLISHED = 0x08;

    @RegisterExtension
    final BrokerExtension broker = BrokerExtension.with();

    private void retain(String topic, String payload) throws Exception {
        try (RawMqttClient publisher = RawSteps.connected(broker.port(), "retainer")) {
            RawSteps.publishQos1(publisher, 1, topic, payload.getBytes(), true, PropertiesWriter.properties());
        }
    }

    /** [MQTT-3.8.3-3]: with No Local a client does not get its own messages back. */
    @Test
    void noLocalKeepsAClientsOwnMessagesFromIt() throws Exception {
        try (RawMqttClient self = RawSteps.connected(broker.port(), "nl-self");
                RawMqttClient other = RawSteps.connected(broker.port(), "nl-other")) {
            RawSteps.subscribe(self, 1, "nl/t", 1 | NO_LOCAL);
            RawSteps.publishQos1(self, 2, "nl/t", "mine");
            RawSteps.publishQos1(other, 1, "nl/t", "theirs");

            assertThat(RawSteps.receiveUntilQuiet(self, Duration.ofMillis(500)))
                    .extracting(Received5.Publish5::text).containsExactly("theirs");
        }
    }

    /** [MQTT-3.3.1-12], [MQTT-3.3.1-13]: the RETAIN flag of live messages depends on Retain As Published. */
    @Test
    void retainAsPublishedKeepsTheRetainFlagOfLiveMessages() throws Exception {
        try (RawMqttClient keeps = RawSteps.connected(broker.port(), "rap-keeps");
                RawMqttClient clears = RawSteps.connected(broker.port(), "rap-clears")) {
            RawSteps.subscribe(keeps, 1, "rap/t", 1 | RETAIN_AS_PUBLISHED);
            RawSteps.subscribe(clears, 1, "rap/t", 1);
            retain("rap/t", "live");

            assertThat(RawSteps.receive(keeps).retain()).isTrue();
            assertThat(RawSteps.receive(clears).retain()).isFalse();
        }
    }

    /** [MQTT-3.3.1-9]: Retain Handling 0 sends retained messages on every subscribe. */
    @Test
    void retainHandlingZeroSendsRetainedMessagesOnEverySubscribe() throws Exception {
        retain("rh0/t", "kept");
        try (RawMqttClient client = RawSteps.connected(broker.port(), "rh0")) {
            RawSteps.subscribe(client, 1, "rh0/t", 1);
            assertThat(RawSteps.receive(client).text()).isEqualTo("kept");
            RawSteps.subscribe(client, 2, "rh0/t", 1);
            assertThat(RawSteps.receive(client).retain()).isTrue();
        }
    }

    /** [MQTT-3.3.1-10]: Retain Handling 1 sends them only when the subscription is new. */
    @Test
    void retainHandlingOneSendsRetainedMessagesOnlyForANewSubscription() throws Exception {
        retain("rh1/t", "kept");
        try (RawMqttClient client = RawSteps.connected(broker.port(), "rh1")) {
            RawSteps.subscribe(client, 1, "rh1/t", 1 | 0x10);
            assertThat(RawSteps.receive(client).text()).isEqualTo("kept");
            RawSteps.subscribe(client, 2, "rh1/t", 1 | 0x10);
            assertThat(client.receivesNothingWithin(Duration.ofMillis(500))).isTrue();
        }
    }

    /** [MQTT-3.3.1-11]: Retain Handling 2 never sends retained messages at subscribe. */
    @Test
    void retainHandlingTwoSendsNoRetainedMessages() throws Exception {
        retain("rh2/t", "kept");
        try (RawMqttClient client = RawSteps.connected(broker.port(), "rh2")) {
            RawSteps.subscribe(client, 1, "rh2/t", 1 | 0x20);
            assertThat(client.receivesNothingWithin(Duration.ofMillis(500))).isTrue();
        }
    }

    @Test
    void deliversTheSubscriptionIdentifierOfTheMatchingSubscription() throws Exception {
        try (RawMqttClient client = RawSteps.connected(broker.port(), "sid-one");
                RawMqttClient publisher = RawSteps.connected(broker.port(), "sid-one-pub")) {
            RawSteps.subscribe(client, 1, "sid1/t", 1, PropertiesWriter.properties().varInt(0x0B, 5));
            RawSteps.publishQos1(publisher, 1, "sid1/t", "x");
            assertThat(RawSteps.receive(client).properties().all(0x0B)).containsExactly(5L);
        }
    }

    /** [MQTT-3.9.3-1]: SUBACK reason codes are the granted QoS, in order. */
    @Test
    void grantsTheRequestedQos() throws Exception {
        try (RawMqttClient client = RawSteps.connected(broker.port(), "suback-qos")) {
            assertThat(RawSteps.subscribe(client, 1, "q/0", 0)).isZero();
            assertThat(RawSteps.subscribe(client, 2, "q/1", 1)).isEqualTo(1);
            assertThat(RawSteps.subscribe(client, 3, "q/2", 2)).isEqualTo(2);
        }
    }

    /** 3.9.3: an invalid filter gets 0x8F Topic Filter invalid (the connection may stay). */
    @Test
    void refusesAnInvalidTopicFilterWithTopicFilterInvalid() throws Exception {
        try (RawMqttClient client = RawSteps.connected(broker.port(), "suback-bad")) {
            assertThat(RawSteps.subscribe(client, 1, "bad/#/filter", 1)).isEqualTo(0x8F);
        }
    }

    /** 3.11.3: UNSUBACK 0x00 for a removed subscription, 0x11 when there was none. */
    @Test
    void answersUnsubscribeWithSuccessOrNoSubscriptionExisted() throws Exception {
        try (RawMqttClient client = RawSteps.connected(broker.port(), "unsub")) {
            RawSteps.subscribe(client, 1, "un/a", 1);
            client.send(Client5Packets.unsubscribe(2, "un/a", "un/never"));
            assertThat(Received5.acks(client.readPacket()).reasonCodes()).containsExactly(0x00, 0x11);
        }
    }

    /** [MQTT-3.8.3-4]: No Local on a shared subscription is a Protocol Error. */
    @Test
    void disconnectsNoLocalOnASharedSubscription() throws Exception {
        try (RawMqttClient client = RawSteps.connected(broker.port(), "nl-shared")) {
            client.send(Client5Packets.subscribe(1, "$share/g/nl/t", 1 | NO_LOCAL));
            assertThat(awaitDisconnect(client).reasonCode()).isEqualTo(0x82);
        }
    }

    /** 3.8.2.1.2: a retained message sent because of a subscription carries its Subscription Identifier. */
    @Test
    void sendsRetainedMessagesWithTheSubscriptionIdentifier() throws Exception {
        retain("sidr/t", "kept");
        try (RawMqttClient client = RawSteps.connected(broker.port(), "sid-ret")) {
            RawSteps.subscribe(client, 1, "sidr/#", 1, PropertiesWriter.properties().varInt(0x0B, 11));
            Received5.Publish5 publish = RawSteps.receive(client);
            assertThat(publish.retain()).isTrue();
            assertThat(publish.properties().all(0x0B)).containsExactly(11L);
        }
    }

    /** 3.8.2.1.2: subscribing again to the same filter replaces its Subscription Identifier. */
    @Test
    void replacesTheSubscriptionIdentifierOnResubscribe() throws Exception {
        try (RawMqttClient client = RawSteps.connected(broker.port(), "sid-replace");
                RawMqttClient publisher = RawSteps.connected(broker.port(), "sid-replace-pub")) {
            RawSteps.subscribe(client, 1, "sidre/t", 1, PropertiesWriter.properties().varInt(0x0B, 1));
            RawSteps.subscribe(client, 2, "sidre/t", 1, PropertiesWriter.properties().varInt(0x0B, 2));
            RawSteps.publishQos1(publisher, 1, "sidre/t", "x");
            assertThat(RawSteps.receive(client).properties().all(0x0B)).containsExactly(2L);
        }
    }

    /** 3.8.2.1.2: a resubscribe without an identifier removes the old one. */
    @Test
    void dropsTheSubscriptionIdentifierWhenResubscribedWithoutOne() throws Exception {
        try (RawMqttClient client = RawSteps.connected(broker.port(), "sid-drop");
                RawMqttClient publisher = RawSteps.connected(broker.port(), "sid-drop-pub")) {
            RawSteps.subscribe(client, 1, "siddr/t", 1, PropertiesWriter.properties().varInt(0x0B, 1));
            RawSteps.subscribe(client, 2, "siddr/t", 1);
            RawSteps.publishQos1(publisher, 1, "siddr/t", "x");
            assertThat(RawSteps.receive(client).properties().has(0x0B)).isFalse();
        }
    }

    /** 4.8.2: a Share Name must be non-empty and the filter after it too; else 0x8F. */
    @Test
    void refusesMalformedSharedSubscriptionFilters() throws Exception {
        try (RawMqttClient client = RawSteps.connected(broker.port(), "sh-bad")) {
            assertThat(RawSteps.subscribe(client, 1, "$share//t", 1)).isEqualTo(0x8F);
            assertThat(RawSteps.subscribe(client, 2, "$share/g", 1)).isEqualTo(0x8F);
            assertThat(RawSteps.subscribe(client, 3, "$share/g+/t", 1)).isEqualTo(0x8F);
        }
    }

    /** [MQTT-3.8.3-5]: the reserved bits of the Subscription Options must be 0. */
    @Test
    void disconnectsSubscriptionOptionsWithReservedBitsSet() throws Exception {
        try (RawMqttClient client = RawSteps.connected(broker.port(), "opt-reserved")) {
            client.send(Client5Packets.subscribe(1, "opt/t", 0x41));
            assertThat(awaitDisconnect(client).reasonCode()).isEqualTo(0x81);
        }
    }

    /** 3.8.3.1: Retain Handling 3 is a Protocol Error. */
    @Test
    void disconnectsRetainHandlingThree() throws Exception {
        try (RawMqttClient client = RawSteps.connected(broker.port(), "opt-rh3")) {
            client.send(Client5Packets.subscribe(1, "opt/t", 0x31));
            assertThat(awaitDisconnect(client).reasonCode()).isIn(0x81, 0x82);
        }
    }
}
