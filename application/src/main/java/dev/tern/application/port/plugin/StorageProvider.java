package dev.tern.application.port.plugin;

import dev.tern.application.port.out.Storage;
import java.time.Clock;

/**
 * A storage backend, chosen by {@code storage.backend=<name>}; its settings live under
 * {@code storage.<name>.*}.
 */
public interface StorageProvider<S extends Record> extends Provider<S> {

    /**
     * Opens the backend: connected, schema ready, before the broker restores anything from it.
     * It is closed with {@link Storage#close()} after the broker's last write.
     *
     * @throws StorageOpenException when it cannot be opened; the message is shown to the operator
     */
    Storage open(S settings, Clock clock);
}
