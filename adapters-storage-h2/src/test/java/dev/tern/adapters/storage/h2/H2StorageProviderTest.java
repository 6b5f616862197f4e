package dev.tern.adapters.storage.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.adapters.storage.h2.H2StorageSettings.OnCorruption;
import dev.tern.application.port.out.Storage;
import dev.tern.application.port.plugin.Setting;
import dev.tern.application.port.plugin.StorageOpenException;
import dev.tern.application.port.plugin.StorageProvider;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2StorageProviderTest {

    @TempDir
    Path directory;

    @Test
    void isFoundByTheServiceLoaderUnderTheNameH2() {
        assertThat(ServiceLoader.load(StorageProvider.class).stream().map(ServiceLoader.Provider::get))
                .filteredOn(provider -> provider.name().equals("h2"))
                .singleElement()
                .isInstanceOf(H2StorageProvider.class);
    }

    /** What bootstrap binds: {@code storage.h2.path} and {@code storage.h2.on-corruption}, with the old defaults. */
    @Test
    void declaresThePathAndOnCorruptionSettingsWithTheirDefaults() {
        Map<String, String> defaults = Arrays.stream(new H2StorageProvider().settingsType().getRecordComponents())
                .collect(Collectors.toMap(RecordComponent::getName,
                        component -> component.getAnnotation(Setting.class).defaultValue()));

        assertThat(defaults).containsExactlyInAnyOrderEntriesOf(Map.of("path", "./data/tern", "onCorruption", "fail"));
    }

    @Test
    void opensADurableStorageDescribedByItsNormalizedAbsolutePath() throws IOException {
        Files.createDirectories(directory.resolve("sub"));
        Path configured = directory.resolve("sub").resolve("..").resolve("tern");

        try (Storage storage = new H2StorageProvider().open(new H2StorageSettings(configured, OnCorruption.FAIL),
                ReopenableStorage.CLOCK)) {
            assertThat(storage.description()).isEqualTo("h2 " + directory.toAbsolutePath().normalize().resolve("tern"));
            assertThat(storage.durable()).isTrue();
        }
    }

    @Test
    void reportsADamagedFileAsAStorageOpenExceptionForTheOperator() throws IOException {
        Path file = directory.resolve("tern.mv.db");
        Files.write(file, new byte[4096]);

        assertThatThrownBy(() -> new H2StorageProvider().open(new H2StorageSettings(file, OnCorruption.FAIL),
                ReopenableStorage.CLOCK))
                .isInstanceOf(StorageOpenException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("storage.h2.on-corruption: quarantine");
    }
}
