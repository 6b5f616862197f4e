package dev.tern.bootstrap;

import dev.tern.application.port.plugin.Lifecycle;
import dev.tern.application.sys.SysTopicsPublisher;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Properties;

/**
 * The {@code $SYS/broker/...} publisher on a thread of its own ({@code tern-sys}), started once
 * the stored state is restored (so that its first figures replace the retained ones of the last
 * run) and stopped before the clients are told the broker is going.
 *
 * <p>Threading: start and stop from the broker's life-cycle thread.
 */
final class SysTopics implements Lifecycle {

    private final ScheduledTaskExecutor thread = new ScheduledTaskExecutor("tern-sys");
    private final SysTopicsPublisher publisher;

    SysTopics(BrokerComponent core, Clock clock, int intervalSeconds) {
        this.publisher = new SysTopicsPublisher(core.statistics(), message -> core.publisher().publish(message),
                thread, clock, intervalSeconds, version());
    }

    @Override
    public void start() {
        publisher.start();
    }

    @Override
    public void stop() {
        publisher.stop();
        thread.close();
    }

    /** The version this build was made from, as Maven wrote it into {@code tern-version.properties}. */
    static String version() {
        try (InputStream in = SysTopics.class.getResourceAsStream("/tern-version.properties")) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                String version = properties.getProperty("version", "").strip();
                if (!version.isEmpty() && !version.startsWith("${")) {
                    return version;
                }
            }
        } catch (IOException e) {
            // fall through: the version is unknown
        }
        return "unknown";
    }
}
