package dev.tern.application.overload;

/**
 * Reading from publishers, as overload protection sees it. The protocol engine implements it over
 * its open connections.
 *
 * <p>A publisher is <em>light</em> when it sent only a small share of the inbound PUBLISH bytes of
 * the heaviest interval since the pauses began (the last interval while none is paused), and
 * <em>heavy</em> otherwise: a client publishing now and then beside a flood is light.
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
     * Pauses reading from the heaviest half (at least one) of the heavy publishers of the last
     * interval that are not paused yet; returns how many it paused (0 when none is left).
     */
    int pauseHeaviest();

    /**
     * Pauses reading from the heaviest half (at least one) of the light publishers of the last
     * interval that are not paused yet; returns how many it paused.
     */
    int pauseLight();

    /** Resumes reading from every connection paused by this throttle; returns how many. */
    int resumeAll();

    /** Connections paused now. */
    int paused();
}
