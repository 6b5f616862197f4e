package dev.tern.application.port.in.admin;

import java.util.List;

/**
 * One session in detail.
 *
 * @param sessionExpirySeconds the Session Expiry Interval; {@code -1} for never
 * @param queued               messages waiting to be sent
 * @param inflight             QoS 1/2 messages sent and not yet acknowledged
 */
public record ClientDetail(ClientSummary summary, long sessionExpirySeconds, List<SubscriptionView> subscriptions,
        int queued, int inflight) {

    public ClientDetail {
        subscriptions = List.copyOf(subscriptions);
    }
}
