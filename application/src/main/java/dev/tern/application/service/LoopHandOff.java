package dev.tern.application.service;

import dev.tern.application.port.out.TaskExecutor;
import dev.tern.application.session.ClientSession;
import dev.tern.application.session.SerialExecutor;
import dev.tern.application.storage.PendingAck;
import dev.tern.domain.delivery.Delivery;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deliveries of one routed message to the sessions of one other event loop, carried there by
 * one task instead of one per session. Each session's executor was claimed for its delivery
 * ({@link SerialExecutor#tryClaim}) when it was added, so nothing of that session overtakes it:
 * whatever the session is given meanwhile queues behind the claim, and runs once the claim is
 * released there.
 *
 * <p>Threading: filled on the routing thread, then handed to {@code owner} and run there once;
 * never touched by the routing thread after {@link #send}.
 */
final class LoopHandOff implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(LoopHandOff.class);

    /** Delivers one copy to one session, on the thread that owns it. */
    interface Deliverer {
        void deliver(ClientSession session, Delivery delivery, PendingAck ack);
    }

    final TaskExecutor owner;
    private final Deliverer deliverer;
    /** Session, delivery, ack (or null): three slots per delivery. */
    private Object[] entries;
    private int size;

    LoopHandOff(TaskExecutor owner, Deliverer deliverer, int expected) {
        this.owner = owner;
        this.deliverer = deliverer;
        this.entries = new Object[3 * Math.max(1, Math.min(expected, 64))];
    }

    /** Adds a delivery to a session whose executor the caller has claimed. */
    void add(ClientSession session, Delivery delivery, PendingAck ack) {
        if (size + 3 > entries.length) {
            entries = Arrays.copyOf(entries, entries.length * 2);
        }
        entries[size++] = session;
        entries[size++] = delivery;
        entries[size++] = ack;
    }

    void send() {
        owner.execute(this);
    }

    @Override
    public void run() {
        for (int i = 0; i < size; i += 3) {
            ClientSession session = (ClientSession) entries[i];
            Delivery delivery = (Delivery) entries[i + 1];
            PendingAck ack = (PendingAck) entries[i + 2];
            SerialExecutor executor = session.executor();
            if (executor.owner().inExecutorThread()) {
                try {
                    deliverer.deliver(session, delivery, ack);
                } catch (RuntimeException e) {
                    // As in the session's own queue: one failed delivery must not stop the others.
                    LOG.error("session task failed", e);
                } finally {
                    executor.releaseClaim();
                }
            } else {
                // The session moved to another loop (a takeover) while this waited: it still goes first there.
                executor.runClaimed(() -> deliverer.deliver(session, delivery, ack));
            }
        }
    }
}
