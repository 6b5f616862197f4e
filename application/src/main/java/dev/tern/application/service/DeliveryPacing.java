package dev.tern.application.service;

import dev.tern.application.session.ClientSession;
import dev.tern.domain.delivery.TokenBucket;
import dev.tern.domain.message.ApplicationMessage;
import java.util.function.Consumer;

/**
 * The per-subscriber delivery rate ({@code limits.delivery.rate}): what becomes of a message above
 * it. A session that ends at disconnect has nothing to keep it for, so it is dropped and counted; a
 * persistent session keeps it queued, under the queue's bounds, and one drain is scheduled for when
 * the next token is due.
 *
 * <p>Threading: every method runs inside a task of the session's executor.
 */
final class DeliveryPacing {

    private final DeliveryDrops drops;

    DeliveryPacing(DeliveryDrops drops) {
        this.drops = drops;
    }

    /**
     * A message above the rate: true when it is consumed (dropped), false when it must wait, with
     * {@code drain} scheduled on the session's executor for when it may go.
     */
    boolean overRate(ClientSession session, ApplicationMessage message, TokenBucket rate, long now,
            Consumer<ClientSession> drain) {
        if (session.state().expiry().endsAtDisconnect()) {
            drops.rateLimited(session.clientId(), message);
            return true;
        }
        if (!session.rateDrainPending()) {
            session.setRateDrainTimer(session.executor().owner().schedule(
                    () -> session.executor().execute(() -> {
                        session.setRateDrainTimer(null);
                        if (!session.isEnded()) {
                            drain.accept(session);
                        }
                    }), rate.millisUntilNext(now)));
        }
        return false;
    }

    /** A message went out: it takes its token. */
    static void taken(TokenBucket rate, long now) {
        if (rate != null) {
            rate.tryTake(now);
        }
    }
}
