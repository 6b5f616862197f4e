package dev.tern.application.cluster;

import dev.tern.application.port.out.TaskExecutor;
import dev.tern.application.service.StoredSessionLoader;
import dev.tern.application.service.WillService;
import dev.tern.domain.will.Will;
import java.time.Clock;

/**
 * What a connect that took a client id over from another node finds in the store: the session to
 * resume (not with Clean Start), or to delete (with it). When no live node was asked to let the
 * session go (its owner died, or nobody owned it), nobody dealt with its stored will, so it is
 * handled here as a takeover on one node would: the will of a connection that was open fires if
 * it has no delay or the session does not go on; a will waiting for its delay fires only if the
 * session does not go on [MQTT-3.1.2-8].
 *
 * <p>Threading: runs on the cluster executor (it blocks on the store).
 */
final class StoredSessionTakeOver {

    private final StoredSessionLoader loader;
    private final WillService wills;
    private final Clock clock;

    StoredSessionTakeOver(StoredSessionLoader loader, WillService wills, Clock clock) {
        this.loader = loader;
        this.wills = wills;
        this.clock = clock;
    }

    /**
     * @param ownWill whether the stored will is this node's to handle
     * @param owner   the executor that owns a resumed session until the connection attaches it
     * @return the will that was due and left to the previous owner ({@code ownWill} false), or null
     */
    Will load(String clientId, boolean cleanStart, boolean ownWill, TaskExecutor owner) {
        Will due = null;
        if (cleanStart) {
            due = loader.discard(clientId).map(stored -> stored.will()).orElse(null);
        } else {
            StoredSessionLoader.Outcome outcome = loader.load(clientId, owner, clock.millis());
            if (outcome instanceof StoredSessionLoader.Restored restored && restored.wasConnected()
                    && restored.will() != null && restored.will().delaySeconds() == 0) {
                due = restored.will();
            } else if (outcome instanceof StoredSessionLoader.Expired expired) {
                due = expired.will();
            }
        }
        if (!ownWill) {
            return due;
        }
        fire(clientId, due);
        return null;
    }

    private void fire(String clientId, Will will) {
        if (will != null) {
            wills.publish(clientId, will);
        }
    }
}
