package dev.tern.bootstrap;

import dev.tern.application.port.out.Authenticator;
import dev.tern.application.port.out.Authorizer;
import dev.tern.application.port.out.BrokerEventListener;
import dev.tern.application.port.out.EnhancedAuthenticator;
import dev.tern.application.port.out.Storage;
import dev.tern.application.port.plugin.AdminListenerProvider;
import dev.tern.application.port.plugin.Authentication;
import dev.tern.bootstrap.config.BrokerConfig;
import dev.tern.bootstrap.config.CommandLine;
import dev.tern.bootstrap.config.ConfigLoader;
import dev.tern.bootstrap.plugin.ProviderDiscovery;
import dev.tern.bootstrap.plugin.Providers;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Tern as a library: {@code try (TernBroker broker = Tern.builder().start()) { ... broker.port("tcp") ... }}.
 *
 * <p>Unlike the command line, the defaults suit a test or an embedding application: state in
 * memory, the TCP and WebSocket listeners on free loopback ports, no admin listener (enable one with
 * {@code set("admin.http.enabled", "true")}; it binds a free loopback port unless told otherwise), no
 * plug-ins directory and no environment variables read. Settings are the command line's keys ({@link Builder#set}); stores,
 * authenticators, authorizers and event listeners may be passed in as instances instead of being
 * built by a provider.
 */
public final class Tern {

    private Tern() {
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects settings and adapter instances; not thread-safe, used by one thread. */
    public static final class Builder {

        private final List<CommandLine.Setting> settings = new ArrayList<>(List.of(
                new CommandLine.Setting("storage.backend", "memory"),
                new CommandLine.Setting("listeners.tcp.port", "0"),
                new CommandLine.Setting("listeners.websocket.port", "0"),
                new CommandLine.Setting("listeners.tls.port", "0"),
                new CommandLine.Setting("listeners.wss.port", "0")));
        private final List<EnhancedAuthenticator> enhancedMethods = new ArrayList<>();
        private final List<BrokerEventListener> eventListeners = new ArrayList<>();
        private Storage storage;
        private Authenticator authenticator;
        private Authorizer authorizer;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** One setting, as {@code --set key=value} would give it; a later one wins. */
        public Builder set(String key, String value) {
            settings.add(new CommandLine.Setting(key, value));
            return this;
        }

        /** Uses this opened storage instead of {@code storage.backend}; the broker closes it at the end. */
        public Builder storage(Storage storage) {
            this.storage = Objects.requireNonNull(storage, "storage");
            return this;
        }

        public Builder authenticator(Authenticator authenticator) {
            this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
            return this;
        }

        public Builder authorizer(Authorizer authorizer) {
            this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
            return this;
        }

        /** Offers one more MQTT 5 enhanced authentication method. */
        public Builder enhancedAuthentication(EnhancedAuthenticator method) {
            enhancedMethods.add(Objects.requireNonNull(method, "method"));
            return this;
        }

        public Builder eventListener(BrokerEventListener listener) {
            eventListeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** The broker's clock (expiry, keep alive bookkeeping, events). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Starts the broker; close it with try-with-resources.
         *
         * @throws dev.tern.bootstrap.config.ConfigException for a bad setting
         * @throws IOException when a listener cannot bind or storage cannot open
         */
        public TernBroker start() throws IOException {
            Providers providers = ProviderDiscovery.onClassPath();
            List<CommandLine.Setting> all = new ArrayList<>();
            for (AdminListenerProvider<?> admin : providers.adminListeners()) {
                all.add(new CommandLine.Setting("admin." + admin.name() + ".enabled", "false"));
                if (admin.name().equals("http")) {
                    all.add(new CommandLine.Setting("admin.http.port", "0"));
                }
            }
            all.addAll(settings);
            BrokerConfig config = ConfigLoader.load(new CommandLine(Optional.empty(), all), Map.of(), providers);
            Authentication authentication = authenticator == null ? null : new Authentication(authenticator);
            return TernBroker.start(config, clock,
                    new EmbeddedAdapters(storage, authentication, authorizer, enhancedMethods, eventListeners));
        }
    }
}
