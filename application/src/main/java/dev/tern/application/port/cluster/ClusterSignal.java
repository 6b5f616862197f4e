package dev.tern.application.port.cluster;

/** A short message from one node to another about a session changing owner. At most once. */
public sealed interface ClusterSignal {

    /** The client id connected to {@code newOwner}, which claimed it with {@code epoch}: let it go. */
    record TakeOver(String clientId, String newOwner, long epoch, boolean sessionPresent) implements ClusterSignal {
    }

    /**
     * The node that owned {@code clientId} closed its connection and wrote everything it had for
     * it: the new owner (claim {@code epoch}) may seal and load.
     */
    record Released(String clientId, long epoch) implements ClusterSignal {
    }
}
