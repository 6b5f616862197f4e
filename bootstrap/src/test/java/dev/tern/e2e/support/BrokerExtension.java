package dev.tern.e2e.support;

import dev.tern.bootstrap.TernBroker;
import dev.tern.bootstrap.config.BrokerConfig;
import dev.tern.bootstrap.config.CommandLine;
import dev.tern.bootstrap.config.ConfigLoader;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a {@link TernBroker} on ephemeral loopback ports (TCP and WebSocket), configured from
 * {@code --set} style settings. Register it as a static field for one broker per test class, or
 * as an instance field for a fresh broker (no sessions, no retained messages) per test:
 *
 * <pre>{@code @RegisterExtension static final BrokerExtension BROKER = BrokerExtension.with("mqtt.connect-timeout=1");}</pre>
 *
 * <p>Threading: JUnit calls it from the test thread; {@link #port()} may be read from any thread.
 */
public final class BrokerExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private final List<CommandLine.Setting> settings;
    private final Clock clock;
    private volatile TernBroker broker;
    private boolean perClass;

    private BrokerExtension(List<CommandLine.Setting> settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** @param settings {@code key=value} pairs as {@code --set} takes them, on top of an ephemeral port */
    public static BrokerExtension with(String... settings) {
        List<CommandLine.Setting> parsed = new ArrayList<>();
        // Protocol tests run on the memory store; the durability tests choose a store of their own.
        parsed.add(new CommandLine.Setting("storage.backend", "memory"));
        parsed.add(new CommandLine.Setting("listeners.tcp.host", "127.0.0.1"));
        parsed.add(new CommandLine.Setting("listeners.tcp.port", "0"));
        parsed.add(new CommandLine.Setting("listeners.websocket.host", "127.0.0.1"));
        parsed.add(new CommandLine.Setting("listeners.websocket.port", "0"));
        parsed.add(new CommandLine.Setting("admin.http.port", "0"));
        for (String setting : settings) {
            int equals = setting.indexOf('=');
            parsed.add(new CommandLine.Setting(setting.substring(0, equals), setting.substring(equals + 1)));
        }
        return new BrokerExtension(List.copyOf(parsed), Clock.systemUTC());
    }

    /**
     * The same broker telling time by {@code clock}, for tests that move it by hand (message
     * expiry). Timers (keep alive, session expiry, will delay) still run on real time.
     */
    public BrokerExtension withClock(Clock clock) {
        return new BrokerExtension(settings, clock);
    }

    public int port() {
        TernBroker running = broker;
        if (running == null) {
            throw new IllegalStateException("broker not running");
        }
        return running.port("tcp");
    }

    /** The bound port of the {@code ws://} listener (path {@code /mqtt}). */
    public int webSocketPort() {
        TernBroker running = broker;
        if (running == null) {
            throw new IllegalStateException("broker not running");
        }
        return running.port("websocket");
    }

    public String uri() {
        return "tcp://127.0.0.1:" + port();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        perClass = true;
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        if (!perClass) {
            start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            stop();
        }
    }

    private void start() throws Exception {
        BrokerConfig config = ConfigLoader.load(new CommandLine(Optional.empty(), settings), Map.of());
        broker = TernBroker.start(config, clock);
    }

    private void stop() {
        TernBroker running = broker;
        broker = null;
        if (running != null) {
            running.close();
        }
    }
}
