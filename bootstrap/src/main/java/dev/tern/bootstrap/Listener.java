package dev.tern.bootstrap;

import java.io.IOException;

/** A network listener the lifecycle starts last and stops first. */
public interface Listener {

    String name();

    void start() throws IOException;

    /** Where it listens, for the ready line; valid after {@link #start()}. */
    String address();

    /** The bound port; valid after {@link #start()}. */
    int port();

    void stop();
}
