package dev.tern.application.cluster;

import dev.tern.application.service.SubscribeService;
import dev.tern.application.session.ClientSession;
import dev.tern.application.session.SessionRegistry;
import dev.tern.application.storage.StateRecorder;

/**
 * Takes a session off this node without ending it in the store: another node owns it now (it took
 * it over, or adopts it after this node's lease was lost). Its timers stop, it leaves the registry
 * and its subscriptions the index, and the recorder forgets it, writing nothing.
 *
 * <p>Threading: {@link #remove} runs inside a task of the session's executor.
 */
final class LocalSessionRemoval {

    private final SessionRegistry sessions;
    private final SubscribeService subscriptions;
    private final StateRecorder recorder;

    LocalSessionRemoval(SessionRegistry sessions, SubscribeService subscriptions, StateRecorder recorder) {
        this.sessions = sessions;
        this.subscriptions = subscriptions;
        this.recorder = recorder;
    }

    /** The caller has dealt with the connection and the will first: this forgets both. */
    void remove(ClientSession session) {
        // Ended, so that deliveries already queued for it and a connect that still finds it pass it by.
        session.end();
        sessions.remove(session);
        subscriptions.removeAll(session);
        session.state().clearMessages();
        recorder.sessionHandedOver(session.clientId());
    }
}
