package dev.tern.application.overload;

/**
 * How full the heap is with what survives garbage collection. Bootstrap implements it over the
 * JVM's memory beans; tests give figures by hand.
 *
 * <p>Threading: called only on the overload monitor's thread.
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
}
