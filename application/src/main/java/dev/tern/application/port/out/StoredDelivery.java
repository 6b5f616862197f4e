package dev.tern.application.port.out;

import dev.tern.domain.delivery.Delivery;

/** A queued delivery with the sequence number that orders it within its session's queue. */
public record StoredDelivery(long sequence, Delivery delivery) {
    public StoredDelivery {
        if (delivery == null) {
            throw new IllegalArgumentException("delivery must not be null");
        }
    }
}
