package dev.tern.application.port.plugin;

import java.time.Clock;

/**
 * A way to authenticate clients, chosen by {@code security.authenticator=<name>}; its settings
 * live under {@code security.<name>.*}. What it builds may implement {@link Lifecycle} (to watch
 * files, say).
 */
public interface AuthenticatorProvider<S extends Record> extends Provider<S> {

    /** @throws IllegalArgumentException when the settings cannot serve (an unreadable key file, say) */
    Authentication create(S settings, Clock clock);
}
