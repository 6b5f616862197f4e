package dev.tern.application.port.plugin;

/**
 * An endpoint for operators (health, metrics), not for MQTT clients. Every provider found runs
 * unless {@code admin.<name>.enabled=false}; its settings live under {@code admin.<name>.*}. It
 * is started before the stored sessions are restored (so that liveness answers meanwhile) and
 * stopped after the network listeners.
 */
public interface AdminListenerProvider<S extends Record> extends Provider<S> {

    /**
     * Builds an unstarted listener.
     *
     * @throws IllegalArgumentException when the settings cannot serve (a key file missing, say)
     */
    NetworkListener create(String name, S settings, AdminContext context);
}
