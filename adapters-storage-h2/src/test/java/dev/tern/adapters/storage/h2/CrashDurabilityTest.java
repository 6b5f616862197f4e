package dev.tern.adapters.storage.h2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.port.out.StoredSession;
import dev.tern.domain.session.SessionExpiry;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write that returned is on disk even when the broker dies without closing the database: a
 * child JVM writes and halts at once, skipping every shutdown hook and H2's final write.
 */
class CrashDurabilityTest {

    private static final int WRITES = 20;

    @TempDir
    Path directory;

    /** The child: writes, one call and one batch at a time, then halts without closing anything. */
    public static void main(String[] args) {
        H2Storage storage = H2Storage.open(new H2StorageSettings(Paths.get(args[0]),
                H2StorageSettings.OnCorruption.FAIL), ReopenableStorage.CLOCK);
        for (int i = 0; i < WRITES; i++) {
            storage.sessions().save(session("single-" + i));
            int batch = i;
            storage.transactions().inTransaction(() -> storage.sessions().save(session("batched-" + batch)));
        }
        Runtime.getRuntime().halt(0);
    }

    private static StoredSession session(String clientId) {
        return new StoredSession(clientId, SessionExpiry.NEVER, null, 1);
    }

    @Test
    void keepsEveryReturnedWriteWhenTheProcessDiesWithoutClosing() throws Exception {
        Path file = directory.resolve("tern.mv.db");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashDurabilityTest.class.getName(), file.toString())
                .inheritIO()
                .start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isZero();

        ReopenableStorage storage = new ReopenableStorage(directory);
        try {
            assertThat(storage.open(H2Storage::sessions).loadAll()).hasSize(2 * WRITES);
        } finally {
            storage.close();
        }
    }
}
