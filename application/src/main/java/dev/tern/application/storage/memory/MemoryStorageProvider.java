package dev.tern.application.storage.memory;

import dev.tern.application.port.out.Storage;
import dev.tern.application.port.plugin.NoSettings;
import dev.tern.application.port.plugin.StorageProvider;
import java.time.Clock;

/**
 * The in-memory backend, {@code storage.backend=memory}: everything is lost at exit. Found
 * through {@link java.util.ServiceLoader} like every other backend.
 *
 * <p>Threading: as every provider, created and asked on the starting thread only.
 */
public final class MemoryStorageProvider implements StorageProvider<NoSettings> {

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public String description() {
        return "in memory only (lost at exit)";
    }

    @Override
    public Class<NoSettings> settingsType() {
        return NoSettings.class;
    }

    @Override
    public Storage open(NoSettings settings, Clock clock) {
        return new InMemoryStorage();
    }
}
