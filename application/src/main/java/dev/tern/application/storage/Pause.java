package dev.tern.application.storage;

/**
 * A short wait on the storage thread (tens of microseconds), while a batch lingers for writes
 * on their way (see {@link GroupCommit}). A dependency, so that the core never sleeps by itself
 * and tests decide what a pause does.
 *
 * <p>Threading: called only on the storage thread, which may block; never on an I/O thread.
 */
@FunctionalInterface
public interface Pause {

    /** A pause that does not wait. */
    Pause NONE = () -> { };

    void pause();
}
