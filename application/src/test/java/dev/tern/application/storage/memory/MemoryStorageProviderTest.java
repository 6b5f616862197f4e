package dev.tern.application.storage.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.port.out.Storage;
import dev.tern.application.port.plugin.NoSettings;
import dev.tern.application.port.plugin.StorageProvider;
import java.time.Clock;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class MemoryStorageProviderTest {

    @Test
    void isFoundByTheServiceLoaderUnderTheNameMemory() {
        assertThat(ServiceLoader.load(StorageProvider.class).stream().map(ServiceLoader.Provider::get))
                .filteredOn(provider -> provider.name().equals("memory"))
                .singleElement()
                .isInstanceOf(MemoryStorageProvider.class);
    }

    /** Not durable: the broker must record nothing to it and restore nothing from it. */
    @Test
    void opensAStorageThatIsNotDurable() {
        Storage storage = new MemoryStorageProvider().open(new NoSettings(), Clock.systemUTC());

        assertThat(storage.durable()).isFalse();
        assertThat(storage.description()).isEqualTo("memory");
    }

    @Test
    void opensAFreshStorageEachTime() {
        MemoryStorageProvider provider = new MemoryStorageProvider();
        Storage first = provider.open(new NoSettings(), Clock.systemUTC());

        Storage second = provider.open(new NoSettings(), Clock.systemUTC());

        assertThat(second.sessions()).isNotSameAs(first.sessions());
    }
}
