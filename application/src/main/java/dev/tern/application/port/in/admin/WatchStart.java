package dev.tern.application.port.in.admin;

/** The answer to opening a watch: started, with the handle that ends it, or why not. */
public sealed interface WatchStart {

    /** Watching; close the watch to end its subscription. */
    record Started(Watch watch) implements WatchStart {
    }

    /** Bad input, naming the field. */
    record Rejected(String field, String message) implements WatchStart {
    }

    /** The broker did not let the watch subscribe. */
    record Refused(String message) implements WatchStart {
    }

    /** A running watch. Threading: {@link #close} may be called from any thread, more than once. */
    interface Watch extends AutoCloseable {

        @Override
        void close();
    }
}
