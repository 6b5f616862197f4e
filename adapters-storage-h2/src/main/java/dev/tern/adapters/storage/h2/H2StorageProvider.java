package dev.tern.adapters.storage.h2;

import dev.tern.application.port.out.Storage;
import dev.tern.application.port.plugin.StorageOpenException;
import dev.tern.application.port.plugin.StorageProvider;
import java.time.Clock;

/**
 * The embedded H2 backend, {@code storage.backend=h2}: one database file on local disk, every
 * acknowledged write forced to it. Found through {@link java.util.ServiceLoader}.
 *
 * <p>Threading: as every provider, created and asked on the starting thread only.
 */
public final class H2StorageProvider implements StorageProvider<H2StorageSettings> {

    @Override
    public String name() {
        return "h2";
    }

    @Override
    public String description() {
        return "embedded H2 database file (durable, one process)";
    }

    @Override
    public Class<H2StorageSettings> settingsType() {
        return H2StorageSettings.class;
    }

    /** @throws StorageOpenException when the file is damaged (and not quarantined), in use or too new */
    @Override
    public Storage open(H2StorageSettings settings, Clock clock) {
        try {
            return H2Storage.open(settings, clock);
        } catch (RuntimeException e) {
            // The adapter's messages are written for the operator already; keep them as they are.
            throw new StorageOpenException(e.getMessage(), e);
        }
    }
}
