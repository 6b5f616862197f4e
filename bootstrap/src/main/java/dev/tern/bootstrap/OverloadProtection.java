package dev.tern.bootstrap;

import dev.tern.application.overload.OverloadMonitor;
import dev.tern.application.port.out.MetricsRegistry;
import dev.tern.application.port.plugin.Lifecycle;
import dev.tern.application.storage.StorageWriter;
import dev.tern.bootstrap.config.OverloadConfig;
import java.time.Clock;

/**
 * The overload monitor on a thread of its own ({@code tern-overload}), watching the JVM's heap and
 * the storage writer's backlog (none for a store that is not durable).
 *
 * <p>Threading: start and stop from the broker's life-cycle thread.
 */
final class OverloadProtection implements Lifecycle {

    private final ScheduledTaskExecutor thread = new ScheduledTaskExecutor("tern-overload");
    private final OverloadMonitor monitor;

    OverloadProtection(OverloadConfig config, BrokerComponent core, Clock clock, MetricsRegistry metrics) {
        StorageWriter writer = core.storageWriter().orElse(null);
        this.monitor = new OverloadMonitor(config.settings(), new JvmHeapGauge(),
                writer == null ? () -> 0 : writer::backlog, core.engine().publisherThrottle(), thread, clock, metrics);
    }

    @Override
    public void start() {
        monitor.start();
    }

    @Override
    public void stop() {
        monitor.stop();
        thread.close();
    }
}
