package dev.tern.application.limits;

import dev.tern.application.config.LimitsSettings;
import dev.tern.application.config.RetainedOverflow;

/** The default limits with one bound changed, for the tests of that bound. */
public final class TestLimits {

    private static final LimitsSettings D = LimitsSettings.defaults();

    private TestLimits() {
    }

    public static LimitsSettings subscriptions(int max) {
        return new LimitsSettings(max, D.maxTopicLength(), D.maxTopicLevels(), D.maxClientIdLength(),
                D.maxQueuedBytes(), D.maxInflightBytes(), D.maxRetainedMessages(), D.maxRetainedBytes(),
                D.retainedWhenFull(), D.deliveryRate(), D.deliveryBurst());
    }

    public static LimitsSettings topics(int maxLength, int maxLevels) {
        return new LimitsSettings(D.maxSubscriptionsPerClient(), maxLength, maxLevels, D.maxClientIdLength(),
                D.maxQueuedBytes(), D.maxInflightBytes(), D.maxRetainedMessages(), D.maxRetainedBytes(),
                D.retainedWhenFull(), D.deliveryRate(), D.deliveryBurst());
    }

    public static LimitsSettings clientId(int maxLength) {
        return new LimitsSettings(D.maxSubscriptionsPerClient(), D.maxTopicLength(), D.maxTopicLevels(), maxLength,
                D.maxQueuedBytes(), D.maxInflightBytes(), D.maxRetainedMessages(), D.maxRetainedBytes(),
                D.retainedWhenFull(), D.deliveryRate(), D.deliveryBurst());
    }

    public static LimitsSettings sessionBytes(long maxQueuedBytes, long maxInflightBytes) {
        return new LimitsSettings(D.maxSubscriptionsPerClient(), D.maxTopicLength(), D.maxTopicLevels(),
                D.maxClientIdLength(), maxQueuedBytes, maxInflightBytes, D.maxRetainedMessages(),
                D.maxRetainedBytes(), D.retainedWhenFull(), D.deliveryRate(), D.deliveryBurst());
    }

    public static LimitsSettings retained(long maxMessages, long maxBytes, RetainedOverflow whenFull) {
        return new LimitsSettings(D.maxSubscriptionsPerClient(), D.maxTopicLength(), D.maxTopicLevels(),
                D.maxClientIdLength(), D.maxQueuedBytes(), D.maxInflightBytes(), maxMessages, maxBytes, whenFull,
                D.deliveryRate(), D.deliveryBurst());
    }

    public static LimitsSettings deliveryRate(int rate, int burst) {
        return new LimitsSettings(D.maxSubscriptionsPerClient(), D.maxTopicLength(), D.maxTopicLevels(),
                D.maxClientIdLength(), D.maxQueuedBytes(), D.maxInflightBytes(), D.maxRetainedMessages(),
                D.maxRetainedBytes(), D.retainedWhenFull(), rate, burst);
    }
}
