package dev.tern.testkit.storage;

import dev.tern.application.port.out.Storage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The hooks of the contracts that take a whole {@link Storage}: a subclass per backend opens an
 * empty one, and a durable backend also opens it again over the data the closed one wrote, so that
 * what the contracts read back after {@link #reopened()} must have come from the backend.
 *
 * <p>Threading: JUnit runs each test on one thread; only the concurrency tests start others.
 */
public abstract class StorageFixture {

    private Storage storage;
    private boolean closed;

    /** A new storage holding nothing; called before each test. */
    protected abstract Storage openStorage();

    /**
     * A new storage over what the last one, now closed, committed. Called only when {@link
     * Storage#durable()}, which is why a backend that is not durable need not override it.
     */
    protected Storage openAgain() {
        throw new UnsupportedOperationException("a durable storage's test must override openAgain()");
    }

    @BeforeEach
    final void openFixture() {
        storage = openStorage();
        closed = false;
    }

    @AfterEach
    final void closeFixture() {
        if (!closed) {
            storage.close();
        }
    }

    /** The storage in use. */
    protected final Storage storage() {
        return storage;
    }

    /** Closes the storage in use; the fixture will not close it again. */
    protected final void closeStorage() {
        storage.close();
        closed = true;
    }

    /**
     * Where to read back what was committed: a durable storage closed and opened again, or the
     * storage in use when it keeps nothing beyond itself.
     */
    protected final Storage reopened() {
        if (!storage.durable()) {
            return storage;
        }
        closeStorage();
        storage = openAgain();
        closed = false;
        return storage;
    }
}
