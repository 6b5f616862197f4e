package dev.tern.application.cluster;

import dev.tern.application.port.cluster.ForwardReceiver;
import java.util.Map;

/**
 * Where an adopter drains a departed node's inbox: a receiver that routes each message only to
 * the sessions the departed node held that are now here, and each of those only if it did not get
 * the message directly, as told by the marks of when each session came here.
 *
 * <p>Threading: {@link #mark} may be called on any thread; the receiver's contract is {@link
 * ForwardReceiver}'s.
 */
public interface DrainTarget {

    /**
     * @param held   the departed node's sessions now here, by client id, each with the {@link #mark} of when it came
     * @param counts told of each drained message, with the number of sessions here it went to
     */
    ForwardReceiver drainingFor(Map<String, Long> held, Counts counts);

    /** What a drain did, for its log line. Threading: called on the backend's draining thread. */
    final class Counts {
        private int messages;
        private int copies;
        private int held;

        void drained(int sessions) {
            messages++;
            copies += sessions;
        }

        /** A session here already held the drained message (its forward receipt says so): not given to it again. */
        void heldAlready() {
            held++;
        }

        @Override
        public String toString() {
            return messages + " unsettled messages drained, " + copies + " copies to its sessions here"
                    + (held == 0 ? "" : "; " + held + " of them held already by a session here (forward receipts)");
        }
    }

    /** Every forwarded message this node sees from now on is newer than this mark. */
    long mark();

    /** The mark at which this node first saw the forward id {@code id}; -1 if it did not (or forgot it). */
    long sightOf(String id);
}
