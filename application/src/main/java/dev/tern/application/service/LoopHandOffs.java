package dev.tern.application.service;

import dev.tern.application.port.out.TaskExecutor;
import dev.tern.application.session.ClientSession;
import dev.tern.application.storage.PendingAck;
import dev.tern.domain.delivery.Delivery;
import java.util.Arrays;

/**
 * The deliveries of one routed message to sessions of other threads, grouped by the thread that
 * owns each session: one {@link LoopHandOff} per event loop, sent when the routing pass is over.
 * A fan-out to a hundred sessions of the other loop is then one task there, not a hundred.
 *
 * <p>Threading: confined to the routing thread; each hand-off belongs to its loop once sent.
 */
final class LoopHandOffs {

    private final LoopHandOff.Deliverer deliverer;
    private final int targets;
    private LoopHandOff[] byLoop = new LoopHandOff[2];
    private int loops;

    /** @param targets the message's sessions in all: what one loop's hand-off may have to hold */
    LoopHandOffs(LoopHandOff.Deliverer deliverer, int targets) {
        this.deliverer = deliverer;
        this.targets = targets;
    }

    /** A delivery for a session owned by {@code owner}, whose executor the caller has claimed. */
    void add(TaskExecutor owner, ClientSession session, Delivery delivery, PendingAck ack) {
        forLoop(owner).add(session, delivery, ack);
    }

    /**
     * Hands each loop its deliveries. A loop that refuses (it is shutting down) does not keep the
     * others from getting theirs; its refusal is thrown afterwards.
     */
    void send() {
        RuntimeException refused = null;
        for (int i = 0; i < loops; i++) {
            try {
                byLoop[i].send();
            } catch (RuntimeException e) {
                refused = e;
            }
        }
        if (refused != null) {
            throw refused;
        }
    }

    private LoopHandOff forLoop(TaskExecutor owner) {
        for (int i = 0; i < loops; i++) {
            // Two connections of one loop have equal (not the same) executors.
            if (byLoop[i].owner.equals(owner)) {
                return byLoop[i];
            }
        }
        if (loops == byLoop.length) {
            byLoop = Arrays.copyOf(byLoop, loops * 2);
        }
        LoopHandOff added = new LoopHandOff(owner, deliverer, targets);
        byLoop[loops++] = added;
        return added;
    }
}
