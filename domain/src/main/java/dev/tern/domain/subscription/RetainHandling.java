package dev.tern.domain.subscription;

/** MQTT 5 Retain Handling subscription option; MQTT 3.1.1 subscriptions behave as {@link #SEND_ON_SUBSCRIBE}. */
public enum RetainHandling {
    SEND_ON_SUBSCRIBE,
    SEND_IF_NEW_SUBSCRIPTION,
    DO_NOT_SEND;

    private static final RetainHandling[] BY_VALUE = values();

    public int value() {
        return ordinal();
    }

    public static boolean isValid(int value) {
        return value >= 0 && value <= 2;
    }

    public static RetainHandling of(int value) {
        if (!isValid(value)) {
            throw new IllegalArgumentException("retain handling must be 0, 1 or 2: " + value);
        }
        return BY_VALUE[value];
    }
}
