package dev.tern.adapters.storage.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.adapters.storage.h2.H2StorageSettings.OnCorruption;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database another broker process holds open is in use, not damaged: even with QUARANTINE it
 * must be refused and left where it is, or a second broker would move a live database aside.
 */
class FileInUseTest {

    @TempDir
    Path directory;

    /** The child: holds the database open until its standard input closes. */
    public static void main(String[] args) throws IOException {
        try (H2Storage storage = H2Storage.open(new H2StorageSettings(Paths.get(args[0]), OnCorruption.FAIL),
                ReopenableStorage.CLOCK)) {
            System.out.println("open");
            System.out.flush();
            while (System.in.read() >= 0) {
                // Waits for the parent to close the pipe.
            }
        }
    }

    @Test
    void refusesADatabaseOpenInAnotherProcessWithoutQuarantiningIt() throws Exception {
        Path file = directory.resolve("tern.mv.db");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), FileInUseTest.class.getName(), file.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.equals("open"));
            assertThat(line).isEqualTo("open");

            assertThatThrownBy(() -> H2Storage.open(new H2StorageSettings(file, OnCorruption.QUARANTINE),
                    ReopenableStorage.CLOCK))
                    .isInstanceOf(StorageUnavailableException.class)
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining("in use by another process");
            assertThat(directory.toFile().list()).containsExactly("tern.mv.db");
        } finally {
            child.getOutputStream().close();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }
}
