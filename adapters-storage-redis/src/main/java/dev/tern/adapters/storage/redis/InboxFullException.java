package dev.tern.adapters.storage.redis;

/** A durable send refused because the destination's inbox holds as many unsettled messages as allowed. */
final class InboxFullException extends RuntimeException {

    InboxFullException(String nodeId, long bound) {
        super("the cluster inbox of node " + nodeId + " holds " + bound + " unsettled messages; refusing more", null,
                false, false);
    }
}
