package dev.tern.application.event;

/**
 * What became of the events emitted so far, for metrics.
 *
 * @param delivered        events handed to every listener (whether or not a listener threw)
 * @param dropped          events never handed over: the queue was full, or the dispatcher had stopped
 * @param listenerFailures calls to a listener that threw
 */
public record EventCounts(long delivered, long dropped, long listenerFailures) {
}
