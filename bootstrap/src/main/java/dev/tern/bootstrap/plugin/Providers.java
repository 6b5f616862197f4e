package dev.tern.bootstrap.plugin;

import dev.tern.application.port.plugin.AdminListenerProvider;
import dev.tern.application.port.plugin.AuthenticatorProvider;
import dev.tern.application.port.plugin.AuthorizerProvider;
import dev.tern.application.port.plugin.EventListenerProvider;
import dev.tern.application.port.plugin.ListenerProvider;
import dev.tern.application.port.plugin.MetricsProvider;
import dev.tern.application.port.plugin.Provider;
import dev.tern.application.port.plugin.StorageProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every provider found, by kind: the built-in ones and those of the plug-in jars alike.
 *
 * <p>Threading: immutable; thread-safe.
 */
public record Providers(List<StorageProvider<?>> storage, List<ListenerProvider<?>> listeners,
        List<AuthenticatorProvider<?>> authenticators, List<AuthorizerProvider<?>> authorizers,
        List<EventListenerProvider<?>> eventListeners, List<MetricsProvider<?>> metrics,
        List<AdminListenerProvider<?>> adminListeners) {

    public Providers {
        storage = checked("storage", storage);
        listeners = checked("listener", listeners);
        authenticators = checked("authenticator", authenticators);
        authorizers = checked("authorizer", authorizers);
        eventListeners = checked("event listener", eventListeners);
        metrics = checked("metrics", metrics);
        adminListeners = checked("admin listener", adminListeners);
    }

    /** Providers of the first five kinds, none of metrics or admin listeners. */
    public Providers(List<StorageProvider<?>> storage, List<ListenerProvider<?>> listeners,
            List<AuthenticatorProvider<?>> authenticators, List<AuthorizerProvider<?>> authorizers,
            List<EventListenerProvider<?>> eventListeners) {
        this(storage, listeners, authenticators, authorizers, eventListeners, List.of(), List.of());
    }

    /** These providers and {@code more}; a name taken twice within a kind is refused. */
    public Providers plus(Providers more) {
        return new Providers(joined(storage, more.storage), joined(listeners, more.listeners),
                joined(authenticators, more.authenticators), joined(authorizers, more.authorizers),
                joined(eventListeners, more.eventListeners), joined(metrics, more.metrics),
                joined(adminListeners, more.adminListeners));
    }

    private static <T> List<T> joined(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static <P extends Provider<?>> List<P> checked(String kind, List<P> providers) {
        List<String> names = new ArrayList<>();
        for (P provider : providers) {
            String name = provider.name();
            if (name == null || !name.matches("[a-z][a-z0-9-]*")) {
                throw new PluginException(kind + " provider " + provider.getClass().getName()
                        + " has a name that is not lower case letters, digits and dashes: " + name);
            }
            if (names.contains(name)) {
                throw new PluginException("two " + kind + " providers are named " + name + ": "
                        + byName(providers, name).map(p -> p.getClass().getName()).orElse("?") + " and "
                        + provider.getClass().getName());
            }
            names.add(name);
        }
        return List.copyOf(providers);
    }

    /** The provider of that name, if any. */
    public static <P extends Provider<?>> Optional<P> byName(List<P> providers, String name) {
        return providers.stream().filter(provider -> provider.name().equals(name)).findFirst();
    }

    public static List<String> names(List<? extends Provider<?>> providers) {
        return providers.stream().map(Provider::name).toList();
    }
}
