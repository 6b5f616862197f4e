package dev.tern.adapters.storage.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.adapters.storage.h2.H2StorageSettings.OnCorruption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class H2StorageSettingsTest {

    @Test
    void namesTheSameAbsoluteFileWithOrWithoutTheH2Suffix() {
        Path bare = new H2StorageSettings(Path.of("data", "tern"), OnCorruption.FAIL).databaseFile();
        Path suffixed = new H2StorageSettings(Path.of("data", "tern.mv.db"), OnCorruption.FAIL).databaseFile();

        assertThat(bare).isEqualTo(suffixed).isAbsolute();
        assertThat(bare.getFileName()).hasToString("tern.mv.db");
    }

    /** H2 resolves relative URLs against its own rules; Tern always hands it an absolute path. */
    @Test
    void givesH2AnAbsoluteUrlWithoutTheSuffix() {
        Path file = new H2StorageSettings(Path.of("tern"), OnCorruption.FAIL).databaseFile();

        assertThat(ConnectionPool.url(file))
                .startsWith("jdbc:h2:file:" + file.getParent().resolve("tern") + ";")
                .contains(";WRITE_DELAY=0");
    }

    @Test
    void refusesMissingValues() {
        assertThatThrownBy(() -> new H2StorageSettings(null, OnCorruption.FAIL))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new H2StorageSettings(Path.of("tern"), null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
