package dev.tern.bootstrap;

import dev.tern.application.port.out.Authorizer;
import dev.tern.application.port.out.BrokerEventListener;
import dev.tern.application.port.out.EnhancedAuthenticator;
import dev.tern.application.port.out.Storage;
import dev.tern.application.port.plugin.Authentication;
import java.util.List;
import java.util.Objects;

/**
 * Adapters an embedder passes in as instances, used instead of the providers the configuration
 * names; a null means "as configured". Enhanced authentication methods and event listeners are
 * added to the configured ones.
 *
 * <p>Threading: an immutable value.
 */
record EmbeddedAdapters(Storage storage, Authentication authentication, Authorizer authorizer,
        List<EnhancedAuthenticator> enhancedMethods, List<BrokerEventListener> eventListeners) {

    static final EmbeddedAdapters NONE = new EmbeddedAdapters(null, null, null, List.of(), List.of());

    EmbeddedAdapters {
        enhancedMethods = List.copyOf(Objects.requireNonNull(enhancedMethods, "enhancedMethods"));
        eventListeners = List.copyOf(Objects.requireNonNull(eventListeners, "eventListeners"));
    }
}
