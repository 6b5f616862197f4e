package dev.tern.application.port.in.admin;

/** @param subscriptionId the MQTT 5 Subscription Identifier, 0 for none */
public record SubscriptionView(String filter, int qos, boolean noLocal, boolean retainAsPublished,
        int retainHandling, int subscriptionId) {
}
