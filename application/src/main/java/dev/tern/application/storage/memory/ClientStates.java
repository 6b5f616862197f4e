package dev.tern.application.storage.memory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Mutable state of each client, one object per client id, for the in-memory stores whose
 * per-client data is a collection (subscriptions, queue, flows).
 *
 * <p>Threading: thread-safe, with no global lock. A change runs inside
 * {@link ConcurrentHashMap#compute}, so changes to one client are serialised and a client's state
 * is created and dropped atomically with them; the state object's own monitor is also held, so
 * that reads, which look the state up without the map's bin lock, copy it consistently. A state
 * is dropped from the map when a change leaves it empty or the client is removed, and is never
 * changed again afterwards: a reader still holding it copies a state the client really had.
 * Different clients proceed in parallel; every call is short and never blocks on I/O.
 *
 * @param <S> the per-client state; never handed out, only copies of it are
 */
final class ClientStates<S> {

    private final ConcurrentHashMap<String, S> states = new ConcurrentHashMap<>();
    private final Supplier<S> factory;
    private final Predicate<S> isEmpty;

    ClientStates(Supplier<S> factory, Predicate<S> isEmpty) {
        this.factory = factory;
        this.isEmpty = isEmpty;
    }

    /** Applies {@code change} to the client's state, creating the state first when there is none. */
    void update(String clientId, Consumer<? super S> change) {
        states.compute(clientId, (id, current) -> apply(current != null ? current : factory.get(), change));
    }

    /** Applies {@code change} to the client's state when it has one; creates nothing otherwise. */
    void updateExisting(String clientId, Consumer<? super S> change) {
        states.computeIfPresent(clientId, (id, current) -> apply(current, change));
    }

    void remove(String clientId) {
        states.remove(clientId);
    }

    /** A copy of the client's state made by {@code copy}, or {@code absent} when it has none. */
    <R> R read(String clientId, Function<? super S, R> copy, R absent) {
        S state = states.get(clientId);
        if (state == null) {
            return absent;
        }
        synchronized (state) {
            return copy.apply(state);
        }
    }

    /** The copies of every client's state, concatenated; each client's part is consistent on its own. */
    <R> List<R> readEach(Function<? super S, ? extends Collection<R>> copy) {
        List<R> all = new ArrayList<>();
        for (S state : states.values()) {
            synchronized (state) {
                all.addAll(copy.apply(state));
            }
        }
        return List.copyOf(all);
    }

    private S apply(S state, Consumer<? super S> change) {
        synchronized (state) {
            change.accept(state);
            return isEmpty.test(state) ? null : state;
        }
    }
}
