package dev.tern.bootstrap.config;

import dev.tern.application.port.in.ConnectionAcceptor;
import dev.tern.application.port.out.Storage;
import dev.tern.application.port.plugin.ListenerProvider;
import dev.tern.application.port.plugin.NetworkListener;
import dev.tern.application.port.plugin.StorageProvider;
import dev.tern.bootstrap.plugin.ProviderDiscovery;
import dev.tern.bootstrap.plugin.Providers;
import java.time.Clock;
import java.util.List;

/** Tiny providers whose settings are a test record, added to those of the class path. */
final class TestProviders {

    private TestProviders() {
    }

    /** The class path's providers and a storage backend of that name reading {@code settings}. */
    static <S extends Record> Providers withStorage(String name, Class<S> settings) {
        return ProviderDiscovery.onClassPath()
                .plus(new Providers(List.of(new Store<>(name, settings)), List.of(), List.of(), List.of(), List.of()));
    }

    /** The class path's providers and a listener kind of that name reading {@code settings}. */
    static <S extends Record> Providers withListener(String name, Class<S> settings) {
        return ProviderDiscovery.onClassPath()
                .plus(new Providers(List.of(), List.of(new Listener<>(name, settings)), List.of(), List.of(), List.of()));
    }

    record Store<S extends Record>(String name, Class<S> settingsType) implements StorageProvider<S> {

        @Override
        public String description() {
            return "test backend " + name;
        }

        @Override
        public Storage open(S settings, Clock clock) {
            throw new UnsupportedOperationException("a configuration test opens nothing");
        }
    }

    record Listener<S extends Record>(String name, Class<S> settingsType) implements ListenerProvider<S> {

        @Override
        public String description() {
            return "test listener " + name;
        }

        @Override
        public boolean enabledByDefault() {
            return false;
        }

        @Override
        public NetworkListener create(String instanceName, S settings, ConnectionAcceptor acceptor) {
            throw new UnsupportedOperationException("a configuration test starts nothing");
        }
    }
}
