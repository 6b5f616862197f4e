package dev.tern.bootstrap;

import dev.tern.bootstrap.config.BrokerConfig;
import java.time.Clock;

/** Opens the backend {@code storage.backend} names. */
final class StorageBackends {

    private StorageBackends() {
    }

    static OpenedStorage open(BrokerConfig config, Clock clock) {
        return switch (config.storage().backend()) {
            case MEMORY -> OpenedStorage.memory();
            case H2, REDIS -> throw new StorageStartException("storage.backend "
                    + config.storage().backend().configName() + " is not available yet; use storage.backend=memory");
        };
    }
}
