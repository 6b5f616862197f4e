package dev.tern.e2e.v5;

import dev.tern.application.port.out.EnhancedAuthenticator;
import dev.tern.bootstrap.TernBroker;
import dev.tern.bootstrap.config.CommandLine;
import dev.tern.bootstrap.config.ConfigLoader;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A broker a test starts and stops itself, for what {@code BrokerExtension} does not offer:
 * enhanced authenticators, and closing the broker while clients are connected.
 *
 * <p>Threading: start and close from the test thread; {@link #port()} from any.
 */
final class V5Broker implements AutoCloseable {

    private final TernBroker broker;

    private V5Broker(TernBroker broker) {
        this.broker = broker;
    }

    static V5Broker start(List<EnhancedAuthenticator> authenticators, String... settings) throws Exception {
        List<CommandLine.Setting> parsed = new ArrayList<>();
        parsed.add(new CommandLine.Setting("storage.backend", "memory"));
        parsed.add(new CommandLine.Setting("listeners.tcp.host", "127.0.0.1"));
        parsed.add(new CommandLine.Setting("listeners.tcp.port", "0"));
        parsed.add(new CommandLine.Setting("listeners.websocket.port", "0"));
        parsed.add(new CommandLine.Setting("admin.http.port", "0"));
        for (String setting : settings) {
            int equals = setting.indexOf('=');
            parsed.add(new CommandLine.Setting(setting.substring(0, equals), setting.substring(equals + 1)));
        }
        var config = ConfigLoader.load(new CommandLine(Optional.empty(), parsed), Map.of());
        return new V5Broker(TernBroker.start(config, Clock.systemUTC(), authenticators));
    }

    int port() {
        return broker.port("tcp");
    }

    @Override
    public void close() {
        broker.close();
    }
}
