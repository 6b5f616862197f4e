package dev.tern.adapters.storage.h2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.port.out.StoredDelivery;
import dev.tern.testkit.storage.ContractSamples;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The queue store appends with a plain INSERT and replaces a sequence already present only when
 * that INSERT fails on the primary key: the replacement must win, and inside a transaction the
 * failed INSERT must not undo the transaction's other writes.
 */
class H2QueueAppendTest {

    @TempDir
    Path directory;

    private H2Storage h2;

    @AfterEach
    void closeStorage() {
        if (h2 != null) {
            h2.close();
        }
    }

    private H2Storage open() {
        h2 = H2Storage.open(new H2StorageSettings(directory.resolve("tern"), H2StorageSettings.OnCorruption.FAIL),
                ReopenableStorage.CLOCK);
        return h2;
    }

    private static StoredDelivery delivery(long sequence, String text) {
        return new StoredDelivery(sequence, ContractSamples.plainDelivery("q/" + sequence, text));
    }

    @Test
    void appendingAKnownSequenceReplacesItsDelivery() {
        H2Storage opened = open();
        opened.queues().append("client-1", delivery(1, "first"));
        opened.queues().append("client-1", delivery(1, "second"));

        assertThat(opened.queues().load("client-1")).containsExactly(delivery(1, "second"));
    }

    @Test
    void replacingInsideATransactionKeepsTheTransactionsOtherWrites() {
        H2Storage opened = open();
        opened.transactions().inTransaction(() -> {
            opened.queues().append("client-1", delivery(1, "first"));
            opened.queues().append("client-1", delivery(1, "second"));
            opened.queues().append("client-1", delivery(2, "third"));
        });
        opened.close();
        h2 = null;

        H2Storage reopened = open();
        assertThat(reopened.queues().load("client-1")).containsExactly(delivery(1, "second"), delivery(2, "third"));
    }
}
