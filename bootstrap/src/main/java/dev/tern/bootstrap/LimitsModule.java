package dev.tern.bootstrap;

import dagger.Module;
import dagger.Provides;
import dev.tern.application.config.LimitsSettings;
import dev.tern.application.config.RetainedOverflow;
import dev.tern.application.limits.LimitCounters;
import dev.tern.application.limits.ResourceLimits;
import dev.tern.application.port.out.MetricsRegistry;
import dev.tern.bootstrap.config.BrokerConfig;
import dev.tern.bootstrap.config.LimitsConfig;
import dev.tern.bootstrap.config.RetainedWhenFull;
import javax.inject.Singleton;

/** The resource limits ({@code limits.*}), their checks and their counters: one of each per broker. */
@Module
interface LimitsModule {

    @Provides
    @Singleton
    static LimitsSettings limitsSettings(BrokerConfig config) {
        LimitsConfig limits = config.limits();
        RetainedOverflow whenFull = limits.retainedWhenFull() == RetainedWhenFull.DROP_OLDEST
                ? RetainedOverflow.DROP_OLDEST : RetainedOverflow.REFUSE;
        return new LimitsSettings(limits.maxSubscriptions(), limits.maxTopicLength(), limits.maxTopicLevels(),
                limits.maxClientIdLength(), limits.maxQueuedBytes(), limits.maxInflightBytes(), limits.maxRetained(),
                limits.maxRetainedBytes(), whenFull, limits.deliveryRate(), limits.effectiveDeliveryBurst());
    }

    @Provides
    @Singleton
    static LimitCounters limitCounters(MetricsRegistry metrics) {
        LimitCounters counters = new LimitCounters();
        counters.register(metrics);
        return counters;
    }

    @Provides
    @Singleton
    static ResourceLimits resourceLimits(LimitsSettings settings, LimitCounters counters) {
        return new ResourceLimits(settings, counters);
    }
}
