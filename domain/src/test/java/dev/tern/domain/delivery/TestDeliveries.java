package dev.tern.domain.delivery;

import dev.tern.domain.message.ApplicationMessage;
import dev.tern.domain.message.Qos;
import java.nio.charset.StandardCharsets;

/** Deliveries for the delivery tests; the payload names the message so failures read well. */
final class TestDeliveries {

    private TestDeliveries() {
    }

    static Delivery delivery(String name, Qos qos) {
        return Delivery.of(ApplicationMessage.of("t/" + name, name.getBytes(StandardCharsets.UTF_8), qos, false));
    }

    static Delivery qos1(String name) {
        return delivery(name, Qos.AT_LEAST_ONCE);
    }

    static Delivery qos2(String name) {
        return delivery(name, Qos.EXACTLY_ONCE);
    }
}
