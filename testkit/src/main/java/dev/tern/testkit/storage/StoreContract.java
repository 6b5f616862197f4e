package dev.tern.testkit.storage;

import java.util.Collection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The hooks shared by the store contracts. A subclass per implementation supplies a fresh store;
 * a durable one also overrides {@link #reopen} so that every round trip in the contract reads its
 * values back through a store that was closed and opened again over the same data.
 *
 * <p>Threading: JUnit runs each test on one thread; only the concurrency tests start others.
 *
 * @param <S> the store port under test
 */
public abstract class StoreContract<S> {

    private S store;

    /** A new, empty store; called before each test. */
    protected abstract S createStore();

    /**
     * The same data seen through a new instance: a durable store closes {@code current} and opens
     * a new one over what it wrote. The default suits stores that keep nothing beyond themselves.
     */
    protected S reopen(S current) {
        return current;
    }

    /** Releases what the store holds; called after each test with the store then in use. */
    protected void close(S current) {
    }

    @BeforeEach
    final void openStore() {
        store = createStore();
    }

    @AfterEach
    final void closeStore() {
        close(store);
    }

    /** The store in use. */
    protected final S store() {
        return store;
    }

    /** Reopens the store in use and returns the new instance, which the test then keeps using. */
    protected final S reopened() {
        store = reopen(store);
        return store;
    }

    /** Tries to clear a collection a store handed out; an unmodifiable one may refuse. */
    protected static void tryToClear(Collection<?> loaded) {
        try {
            loaded.clear();
        } catch (UnsupportedOperationException refused) {
            // Refusing is as good as copying: either way the store must stay as it was.
        }
    }
}
