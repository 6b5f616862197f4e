package dev.tern.application.overload;

import java.util.function.DoubleConsumer;

/**
 * How full the heap is with what survives garbage collection. Bootstrap implements it over the
 * JVM's memory beans; tests give figures by hand.
 *
 * <p>Threading: called only on the overload monitor's thread; the listener of {@link #onCollection}
 * is called on whatever thread the JVM reports collections on.
 */
public interface HeapGauge {

    /**
     * Heap the last garbage collection left in use, as a fraction of the maximum heap (0 to 1).
     * Live data rather than the current use, which also counts garbage not collected yet and would
     * make an ordinary young generation look like an overload.
     */
    double liveFraction();

    /**
     * The figure is due for a refresh: only a collection tells live data from garbage, and an idle
     * JVM may not collect for a long time. Called while overloaded, about once a second; an
     * implementation may ask for a collection when none has happened since the last call.
     */
    void refresh();

    /**
     * Registers {@code liveFraction} to hear the live heap after every garbage collection, so that
     * the monitor can act at once instead of at its next check: a fast publisher fills a small heap
     * in a fraction of a second. A gauge that cannot tell does nothing.
     *
     * @return what unregisters the listener again: a stopped broker must leave nothing behind in
     *         the JVM (an embedding application may start many)
     */
    default Runnable onCollection(DoubleConsumer liveFraction) {
        return () -> { };
    }
}
