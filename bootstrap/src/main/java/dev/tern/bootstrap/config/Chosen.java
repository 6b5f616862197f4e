package dev.tern.bootstrap.config;

import dev.tern.application.port.plugin.Provider;
import java.util.Objects;

/**
 * A provider the configuration chose, with its bound settings.
 *
 * @param name     the instance name: the provider's own, or a listener instance's ({@code tcp-internal})
 * @param settings an instance of {@code provider.settingsType()}
 */
public record Chosen<P extends Provider<?>>(String name, P provider, Record settings) {

    public Chosen {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(settings, "settings");
        if (!provider.settingsType().isInstance(settings)) {
            throw new IllegalArgumentException(settings.getClass().getName() + " are not the settings of "
                    + provider.getClass().getName());
        }
    }

    /** Two configurations are equal when they chose the same kinds of provider with equal settings. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Chosen<?> that && name.equals(that.name)
                && provider.getClass().equals(that.provider.getClass()) && settings.equals(that.settings);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, provider.getClass(), settings);
    }
}
