package dev.tern.testkit.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.tern.application.port.out.Storage;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Storage} a {@code StorageProvider} opens must do as a whole; what each store
 * and the transactions promise have contracts of their own. Extend it once per backend (see
 * {@link StorageFixture} for the hooks).
 */
public abstract class StorageContract extends StorageFixture {

    private final EveryStore everyStore = new EveryStore();

    @Test
    void handsOutEveryStoreAndItsTransactions() {
        Storage storage = storage();

        assertThat(storage.sessions()).isNotNull();
        assertThat(storage.subscriptions()).isNotNull();
        assertThat(storage.retained()).isNotNull();
        assertThat(storage.queues()).isNotNull();
        assertThat(storage.inflight()).isNotNull();
        assertThat(storage.transactions()).isNotNull();
    }

    /** The ready line and the logs name the backend by it. */
    @Test
    void describesItselfInOneNonBlankLine() {
        assertThat(storage().description()).isNotBlank().doesNotContain("\n");
    }

    @Test
    void startsEmpty() {
        everyStore.assertHoldsNone(storage(), "client-1");
        assertThat(storage().sessions().loadAll()).isEmpty();
    }

    /**
     * What was written can be read back; a durable storage keeps it across close and open, which
     * is what the broker restores at the next start.
     */
    @Test
    void keepsWhatWasWrittenAndAcrossCloseWhenDurable() {
        everyStore.write(storage(), "client-1");

        everyStore.assertHoldsAll(reopened(), "client-1");
    }

    /** The broker closes once, but a close that comes twice (a failed start, say) must not fail. */
    @Test
    void closesTwiceWithoutFailing() {
        closeStorage();

        assertThatCode(storage()::close).doesNotThrowAnyException();
    }
}
