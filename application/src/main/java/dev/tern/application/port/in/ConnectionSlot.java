package dev.tern.application.port.in;

/**
 * One admitted connection's place in the counts it was admitted under.
 *
 * <p>Threading: {@link #release()} may be called from any thread, once or more: only the first
 * call counts.
 */
@FunctionalInterface
public interface ConnectionSlot {

    /** The connection has closed: its place is free for another. */
    void release();
}
