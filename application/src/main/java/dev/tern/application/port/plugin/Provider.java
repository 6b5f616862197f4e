package dev.tern.application.port.plugin;

/**
 * What every kind of provider has: a name, unique within its kind, that configuration uses to
 * choose it and as its settings namespace, and the record type of its settings.
 *
 * <p>Threading: providers are created by {@link java.util.ServiceLoader} on the starting thread
 * and asked only from it.
 *
 * @param <S> the settings record; {@link NoSettings} when there are none
 */
public interface Provider<S extends Record> {

    /** Lower case letters, digits and dashes: {@code h2}, {@code tcp}, {@code jwt}. */
    String name();

    /** One line for {@code --help}. */
    String description();

    Class<S> settingsType();
}
