package dev.tern.application.overload;

/**
 * Reading from publishers, as overload protection sees it. The protocol engine implements it over
 * its open connections.
 *
 * <p>Threading: called only on the overload monitor's thread; the pauses themselves happen on each
 * connection's own thread.
 */
public interface PublisherThrottle {

    /**
     * Notes what each connection has published since the last call; called once per check interval,
     * so that "heaviest" means the most PUBLISH payload bytes in the last interval.
     */
    void sample();

    /**
     * Pauses reading from the heaviest half (at least one) of the connections that published in the
     * last interval and are not paused yet; returns how many it paused.
     */
    int pauseHeaviest();

    /** Resumes reading from every connection paused by {@link #pauseHeaviest()}; returns how many. */
    int resumeAll();

    /** Connections paused now. */
    int paused();
}
