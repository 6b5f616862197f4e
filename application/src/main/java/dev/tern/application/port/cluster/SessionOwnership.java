package dev.tern.application.port.cluster;

import java.util.Optional;
import java.util.Set;

/**
 * Which node owns each client id's session, with a fencing epoch. Ownership moves in two steps so
 * that the previous owner can finish writing before it is fenced off:
 * <ol>
 * <li>{@link #claim}: this node becomes owner with a new, higher epoch, atomically (concurrent
 *     claims of one id on several nodes are ordered by the backend: each gets its own epoch and the
 *     highest is the owner). The previous owner's writes are still accepted.</li>
 * <li>{@link #seal}: from now on only writes carrying the owner's epoch are accepted; the
 *     previous owner's fail. The new owner loads the session's stored state after sealing.</li>
 * </ol>
 * The backend's stores fence writes of a client with the epoch this node holds for it; a write of
 * a client this node holds no epoch for fails.
 *
 * <p>Threading: see the package documentation.
 */
public interface SessionOwnership {

    /** The outcome of a claim: this node's new epoch and who owned the id before ("" if nobody). */
    record Claim(String clientId, long epoch, String previousOwner) {
        public Claim {
            if (clientId == null || previousOwner == null || epoch <= 0) {
                throw new IllegalArgumentException("claim needs a client id, a previous owner and a positive epoch");
            }
        }

        public boolean hadOwner() {
            return !previousOwner.isEmpty();
        }
    }

    /** Makes this node the owner of {@code clientId} with a new epoch, not yet sealed. */
    Claim claim(String clientId);

    /**
     * Like {@link #claim}, sealed at once, and only if {@code expectedOwner} owns the id now: the
     * adoption of a departed node's session, which must not take a session its client already
     * resumed elsewhere. Empty when another node owns it or nobody does.
     */
    Optional<Claim> claimFrom(String clientId, String expectedOwner);

    /**
     * Fences off every other epoch for {@code clientId}. False when {@code epoch} is not the
     * owner's any more (a later claim won): the caller has lost the session.
     */
    boolean seal(String clientId, long epoch);

    /**
     * Gives the id up if this node still owns it with {@code epoch} (its session ended); nothing
     * happens otherwise. Afterwards this node holds no epoch for it.
     */
    void release(String clientId, long epoch);

    /** Forgets every epoch this node holds, without touching the backend (the lease was lost). */
    void forgetAll();

    /** The client ids {@code nodeId} owns. */
    Set<String> ownedBy(String nodeId);
}
