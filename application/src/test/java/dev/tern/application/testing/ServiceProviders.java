package dev.tern.application.testing;

import dev.tern.application.port.plugin.Provider;
import dev.tern.application.port.plugin.Setting;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * For plug-in tests: the providers of one kind that {@link ServiceLoader} finds on the test's class
 * path, as the broker will find them, and what of their settings the broker could not bind.
 *
 * <p>Threading: stateless; each call loads afresh.
 */
public final class ServiceProviders {

    private ServiceProviders() {
    }

    /**
     * Every provider of {@code kind} on the class path, by its name.
     *
     * @param kind the provider interface, such as {@code ListenerProvider.class}
     * @param <P> the same interface with its settings type a wildcard, which a class literal cannot
     *     say; the caller's variable gives it
     */
    @SuppressWarnings("unchecked")
    public static <P extends Provider<?>> Map<String, P> byName(Class<? super P> kind) {
        return ServiceLoader.load(kind).stream()
                .map(provider -> (P) provider.get())
                .collect(Collectors.toMap(Provider::name, Function.identity()));
    }

    /** The components of the provider's settings record that lack {@link Setting}; empty when all are bindable. */
    public static List<String> undeclaredSettings(Provider<?> provider) {
        return Arrays.stream(provider.settingsType().getRecordComponents())
                .filter(component -> component.getAnnotation(Setting.class) == null)
                .map(RecordComponent::getName)
                .toList();
    }
}
